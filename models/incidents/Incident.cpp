#include "Incident.h"

#include "domain/EnumTable.h"

#include <algorithm>

namespace tlr {
namespace {

constexpr EnumEntry<IncidentState> kStates[] = {
    {u"acknowledged", IncidentState::Acknowledged}, {u"closed", IncidentState::Closed},
    {u"forwarded", IncidentState::Forwarded},       {u"new", IncidentState::New},
    {u"resolved", IncidentState::Resolved},
};
static_assert(isSortedTable(kStates));

} // namespace

QString incidentStateKey(IncidentState state)
{
    return enumKey(kStates, state);
}

std::optional<IncidentState> incidentStateFromKey(QStringView key)
{
    return enumFromKey(kStates, key);
}

Severity Incident::severity() const
{
    Severity highest = Severity::Unknown;
    for (const IncidentSignal &member : members)
        highest = std::max(highest, member.severity);
    return highest;
}

bool Incident::hasBounced() const
{
    return std::any_of(handOffs.cbegin(), handOffs.cend(),
                       [](const HandOff &h) { return h.bounced; });
}

qsizetype Incident::memberIndex(IncidentSignal::Kind kind, const QString &id) const
{
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (members.at(i).kind == kind && members.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace tlr
