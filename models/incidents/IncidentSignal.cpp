#include "IncidentSignal.h"

#include "domain/EnumTable.h"

namespace tlr {
namespace {

constexpr EnumEntry<IncidentSignal::Kind> kKinds[] = {
    {u"alert", IncidentSignal::Kind::Alert},
    {u"observation", IncidentSignal::Kind::Observation},
    {u"report", IncidentSignal::Kind::Report},
};
static_assert(isSortedTable(kKinds));

} // namespace

QString IncidentSignal::key() const
{
    return signalKindKey(kind) + u':' + id;
}

QString signalKindKey(IncidentSignal::Kind kind)
{
    return enumKey(kKinds, kind);
}

std::optional<IncidentSignal::Kind> signalKindFromKey(QStringView key)
{
    return enumFromKey(kKinds, key);
}

} // namespace tlr
