#include "Incident.h"

#include "domain/EnumTable.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <utility>

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

QString hazardName(QStringView hazard)
{
    // resources/incidents/fusion.json's hazards.
    static constexpr std::array<std::pair<const char16_t *, const char *>, 7> kNames{{
        {u"flood", QT_TRANSLATE_NOOP("tlr::Hazard", "Flood")},
        {u"traffic", QT_TRANSLATE_NOOP("tlr::Hazard", "Traffic")},
        {u"fire", QT_TRANSLATE_NOOP("tlr::Hazard", "Fire")},
        {u"health", QT_TRANSLATE_NOOP("tlr::Hazard", "Health")},
        {u"security", QT_TRANSLATE_NOOP("tlr::Hazard", "Security")},
        {u"water", QT_TRANSLATE_NOOP("tlr::Hazard", "Water supply")},
        {u"environment", QT_TRANSLATE_NOOP("tlr::Hazard", "Environment")},
    }};
    for (const auto &[key, name] : kNames) {
        if (hazard == QStringView(key))
            return QCoreApplication::translate("tlr::Hazard", name);
    }
    return hazard.toString();
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
