#pragma once

#include "domain/Agency.h"
#include "domain/Severity.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <array>

namespace tlr {

// One step of a rule's scale: at this value (or beyond it, in the rule's direction) the alert
// has this severity. Bands run from the mildest to the most severe.
struct AlertBand
{
    double at = 0.0;
    Severity severity = Severity::Unknown;
};

// Which observations a rule looks at. Empty fields match everything.
struct ObservationMatch
{
    QString entityType;               // TrafficFlowObserved, WaterObserved…
    QRegularExpression entityId;      // from a wildcard: "*:tangerang-zona-*"
    QString quantity;                 // the measurement: height, pressure, averageVehicleSpeed
    QString unit;                     // when set, readings in another unit are skipped and logged

    bool hasEntityFilter() const { return !entityId.pattern().isEmpty(); }
};

// One rule of resources/alerts/rules.json (docs/alert-rules.md).
struct AlertRule
{
    enum class Kind { Unknown, Threshold, RateOfChange, CorridorSpeed, ReportSurge, FeedSilent };
    enum class Direction { Unknown, Above, Below };

    QString id;     // also the alert's event name
    Kind kind = Kind::Unknown;
    QString title;  // with placeholders: {name} {value} {unit} {kecamatan} {corridor} {count} {feed}
    Agency agency = Agency::Unknown; // the accountable agency; feed-silent takes the feed's
    bool enabled = true;

    ObservationMatch match;          // threshold, rate of change, corridor speed
    Direction direction = Direction::Above; // threshold; rate: Above = rising, Below = falling
    QList<AlertBand> bands;          // all kinds but feed-silent
    double hysteresis = 0.0;         // a band is left only this far back past its edge
    int windowMinutes = 0;           // rate of change, report surge

    QRegularExpression corridorPattern; // corridor speed: group 1 of the segment's name
    int minSegments = 1;
    int maxAgeMinutes = 15;          // corridor speed: older segment readings are left out

    QStringList categories;          // report surge: empty means every category
    QStringList channels;            // report surge: channel keys ("112", "app"…), empty = all
    bool emergencyOnly = false;

    QStringList feeds;               // feed silent: feed ids, "*" for all
    int silentMinutes = 0;
    Severity severity = Severity::Unknown; // feed silent
};

// How alerts live once raised; the "lifecycle" object of the rules file.
struct AlertPolicy
{
    // Still unacknowledged after this long → escalation level 1; 2 after twice as long, and so
    // on up to maxEscalationLevel. 0 minutes: that severity never escalates.
    // Indexed by Severity: Unknown, Minor, Moderate, Severe, Extreme.
    std::array<int, 5> escalateAfterMinutes{0, 0, 15, 5, 2};
    int maxEscalationLevel = 3;
    int shelveReminderMinutes = 5;  // before a shelf expires, the shelver is reminded
    int maxShelveHours = 24;
    int flappingChanges = 6;        // this many raise/clear changes …
    int flappingWindowMinutes = 30; // … within this window flag an alert as flapping
    int closedRetentionMinutes = 60; // a closed alert stays in view this long, then leaves

    int escalationMinutes(Severity severity) const
    {
        return escalateAfterMinutes.at(std::size_t(severity));
    }
};

struct AlertRules
{
    QString fileName;
    AlertPolicy policy;
    QList<AlertRule> rules;
};

QString alertRuleKindKey(AlertRule::Kind kind);

} // namespace tlr
