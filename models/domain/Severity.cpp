#include "Severity.h"

#include "EnumTable.h"

namespace tlr {
namespace {

constexpr EnumEntry<Severity> kSeverities[] = {
    {u"extreme", Severity::Extreme}, {u"minor", Severity::Minor},
    {u"moderate", Severity::Moderate}, {u"severe", Severity::Severe},
    {u"unknown", Severity::Unknown},
};
static_assert(isSortedTable(kSeverities));

} // namespace

QString severityKey(Severity severity) { return enumKey(kSeverities, severity); }

std::optional<Severity> severityFromKey(QStringView key)
{
    return enumFromKey(kSeverities, key, Qt::CaseInsensitive);
}

} // namespace tlr
