#pragma once

#include "AlertCondition.h"
#include "AlertRules.h"

#include "domain/Observation.h"
#include "domain/Report.h"
#include "feeds/FeedStatus.h"

#include <QHash>

#include <deque>
#include <vector>

namespace tlr {

// Applies the configured rules to what the feeds say and says which alert conditions hold.
// A reading that keeps a rule in alarm yields an active condition every time (the engine counts
// it as a repeat); a rule that stops holding yields one cleared condition. Bands are left only
// past their hysteresis, so a value wobbling on an edge does not raise and clear in turn.
class RuleEvaluator
{
public:
    explicit RuleEvaluator(QList<AlertRule> rules);

    void observe(const Observation &observation, QList<AlertCondition> &out);
    void report(const Report &report, const QDateTime &now, QList<AlertCondition> &out);
    void updateFeedStatuses(const QList<FeedStatus> &statuses, const QDateTime &now);
    // Time-driven rules: report windows sliding past, feeds going quiet.
    void tick(const QDateTime &now, QList<AlertCondition> &out);

    // Readings a rule matched but could not use (wrong unit), logged and counted.
    qint64 skippedReadings() const { return m_skipped; }

    // The band index a value falls in given the current one, with hysteresis; -1 is none.
    static int level(const AlertRule &rule, double value, int current);

private:
    struct Sample
    {
        qint64 atMs = 0;
        double value = 0.0;
    };
    struct Segment
    {
        qint64 atMs = 0;
        double speed = 0.0;
        QString kecamatan;
        QGeoCoordinate location;
        QString source;
    };
    struct Corridor
    {
        QHash<QString, Segment> segments;
        int level = -1;
    };
    struct Surge
    {
        std::deque<qint64> times;
        int level = -1;
    };
    struct FeedWatch
    {
        FeedStatus status;
        QDateTime firstSeen;
    };
    struct RuleState
    {
        QHash<QString, int> levels; // threshold, rate: by entity id; feed silent: 1 by feed id
        QHash<QString, std::deque<Sample>> samples;  // rate of change
        QHash<QString, Corridor> corridors;
        QHash<QString, Surge> surges;                 // by kecamatan
    };

    bool matches(const AlertRule &rule, const Observation &observation, double *value);
    void emitLevel(const AlertRule &rule, int previous, int level, double value,
                   const Observation &observation, QList<AlertCondition> &out) const;
    void observeCorridor(const AlertRule &rule, RuleState &state, const Observation &observation,
                         double speed, QList<AlertCondition> &out) const;
    void evaluateSurge(const AlertRule &rule, const QString &kecamatan, Surge &surge,
                       const QDateTime &now, bool arrived, QList<AlertCondition> &out) const;
    static bool reportMatches(const AlertRule &rule, const Report &report);

    QList<AlertRule> m_rules;
    std::vector<RuleState> m_states;
    QHash<QString, FeedWatch> m_feeds;
    qint64 m_skipped = 0;
};

} // namespace tlr
