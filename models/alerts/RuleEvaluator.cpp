#include "RuleEvaluator.h"

#include "AlertLog.h"

#include <cmath>

namespace tlr {
namespace {

const QString kWallSource = QStringLiteral("wall");

QString formatValue(double value)
{
    return std::abs(value - std::round(value)) < 1e-9 ? QString::number(qint64(std::round(value)))
                                                      : QString::number(value, 'f', 1);
}

// Fills a rule's title: {name} {value} {unit} {kecamatan} {corridor} {count} {feed}.
QString title(const AlertRule &rule, std::initializer_list<std::pair<const char *, QString>> fields)
{
    QString text = rule.title;
    for (const auto &[key, value] : fields)
        text.replace(u'{' + QLatin1String(key) + u'}', value);
    return text;
}

AlertCondition condition(const AlertRule &rule, const QString &source, const QString &resource,
                         int level)
{
    AlertCondition c;
    c.source = source;
    c.resource = resource;
    c.event = rule.id;
    c.active = level >= 0;
    c.severity = level >= 0 ? rule.bands.at(level).severity : Severity::Unknown;
    c.agency = rule.agency;
    c.origin = QStringLiteral("rule:") + rule.id;
    return c;
}

} // namespace

RuleEvaluator::RuleEvaluator(QList<AlertRule> rules)
    : m_rules(std::move(rules))
    , m_states(std::size_t(m_rules.size()))
{
}

int RuleEvaluator::level(const AlertRule &rule, double value, int current)
{
    const bool above = rule.direction != AlertRule::Direction::Below
                       || rule.kind == AlertRule::Kind::RateOfChange;
    const auto beyond = [above](double v, double edge) { return above ? v >= edge : v <= edge; };
    int raw = -1;
    for (int i = 0; i < rule.bands.size(); ++i) {
        if (beyond(value, rule.bands.at(i).at))
            raw = i;
    }
    if (raw >= current)
        return raw;
    // Falling back: hold each band until the value is past its edge by the hysteresis.
    int held = current;
    while (held > raw) {
        const double edge = rule.bands.at(held).at + (above ? -rule.hysteresis : rule.hysteresis);
        if (beyond(value, edge))
            break;
        --held;
    }
    return held;
}

bool RuleEvaluator::matches(const AlertRule &rule, const Observation &observation, double *value)
{
    const ObservationMatch &match = rule.match;
    if (!match.entityType.isEmpty() && match.entityType != observation.entityType)
        return false;
    if (match.hasEntityFilter() && !match.entityId.match(observation.entityId).hasMatch())
        return false;
    for (const Measurement &m : observation.measurements) {
        if (m.quantity != match.quantity)
            continue;
        if (!match.unit.isEmpty() && !m.unit.isEmpty() && m.unit != match.unit) {
            ++m_skipped;
            qCWarning(lcAlerts).noquote()
                << "rule" << rule.id << "skips" << observation.entityId << m.quantity << "in"
                << m.unit << "(expects" << match.unit + u')';
            return false;
        }
        *value = m.value;
        return true;
    }
    return false;
}

void RuleEvaluator::emitLevel(const AlertRule &rule, int previous, int level, double value,
                              const Observation &observation, QList<AlertCondition> &out) const
{
    if (level < 0 && previous < 0)
        return;
    AlertCondition c = condition(rule, observation.source, observation.entityId, level);
    c.title = title(rule, {{"name", observation.name.isEmpty() ? observation.entityId : observation.name},
                           {"value", formatValue(value)},
                           {"unit", rule.match.unit},
                           {"kecamatan", observation.kecamatan}});
    c.kecamatan = observation.kecamatan;
    c.location = observation.location;
    c.observedAt = observation.observedAt;
    out.append(std::move(c));
}

void RuleEvaluator::observe(const Observation &observation, QList<AlertCondition> &out)
{
    const qint64 atMs = observation.observedAt.toMSecsSinceEpoch();
    for (qsizetype r = 0; r < m_rules.size(); ++r) {
        const AlertRule &rule = m_rules.at(r);
        if (!rule.enabled)
            continue;
        const bool usesObservations = rule.kind == AlertRule::Kind::Threshold
                                      || rule.kind == AlertRule::Kind::RateOfChange
                                      || rule.kind == AlertRule::Kind::CorridorSpeed;
        double value = 0.0;
        if (!usesObservations || !matches(rule, observation, &value))
            continue;
        RuleState &state = m_states[std::size_t(r)];
        switch (rule.kind) {
        case AlertRule::Kind::Threshold: {
            const auto found = state.levels.constFind(observation.entityId);
            const int previous = found == state.levels.cend() ? -1 : *found;
            const int current = level(rule, value, previous);
            state.levels.insert(observation.entityId, current);
            emitLevel(rule, previous, current, value, observation, out);
            break;
        }
        case AlertRule::Kind::RateOfChange: {
            std::deque<Sample> &samples = state.samples[observation.entityId];
            if (!samples.empty() && atMs < samples.back().atMs)
                break; // a late reading says nothing about the latest change
            samples.push_back({atMs, value});
            const qint64 windowStart = atMs - qint64(rule.windowMinutes) * 60000;
            while (samples.front().atMs < windowStart)
                samples.pop_front();
            double low = value;
            double high = value;
            for (const Sample &s : samples) {
                low = std::min(low, s.value);
                high = std::max(high, s.value);
            }
            const double change = rule.direction == AlertRule::Direction::Below ? high - value
                                                                                : value - low;
            const auto found = state.levels.constFind(observation.entityId);
            const int previous = found == state.levels.cend() ? -1 : *found;
            const int current = level(rule, change, previous);
            state.levels.insert(observation.entityId, current);
            emitLevel(rule, previous, current, change, observation, out);
            break;
        }
        case AlertRule::Kind::CorridorSpeed:
            observeCorridor(rule, state, observation, value, out);
            break;
        default:
            break;
        }
    }
}

void RuleEvaluator::observeCorridor(const AlertRule &rule, RuleState &state,
                                    const Observation &observation, double speed,
                                    QList<AlertCondition> &out) const
{
    const QRegularExpressionMatch found = rule.corridorPattern.match(observation.name);
    const QString corridorName = found.hasMatch() ? found.captured(1).trimmed() : observation.name;
    if (corridorName.isEmpty())
        return;
    Corridor &corridor = state.corridors[corridorName];
    const qint64 atMs = observation.observedAt.toMSecsSinceEpoch();
    Segment &segment = corridor.segments[observation.entityId];
    if (segment.atMs > atMs)
        return;
    segment = {atMs, speed, observation.kecamatan, observation.location, observation.source};

    const qint64 oldest = atMs - qint64(rule.maxAgeMinutes) * 60000;
    double sum = 0.0;
    int count = 0;
    const Segment *slowest = nullptr;
    for (const Segment &s : std::as_const(corridor.segments)) {
        if (s.atMs < oldest)
            continue;
        sum += s.speed;
        ++count;
        if (!slowest || s.speed < slowest->speed)
            slowest = &s;
    }
    if (count < rule.minSegments)
        return; // too few fresh segments to speak for the corridor; keep what was said
    const double mean = sum / count;
    const int previous = corridor.level;
    corridor.level = level(rule, mean, previous);
    if (corridor.level < 0 && previous < 0)
        return;
    AlertCondition c = condition(rule, observation.source, corridorName, corridor.level);
    c.kecamatan = slowest->kecamatan;
    c.location = slowest->location;
    c.observedAt = observation.observedAt;
    c.title = title(rule, {{"corridor", corridorName},
                           {"name", corridorName},
                           {"value", formatValue(mean)},
                           {"unit", rule.match.unit},
                           {"count", QString::number(count)},
                           {"kecamatan", c.kecamatan}});
    out.append(std::move(c));
}

bool RuleEvaluator::reportMatches(const AlertRule &rule, const Report &report)
{
    if (rule.emergencyOnly && !report.emergency)
        return false;
    if (!rule.categories.isEmpty() && !rule.categories.contains(report.category))
        return false;
    if (!rule.channels.isEmpty() && !rule.channels.contains(channelKey(report.channel)))
        return false;
    return !report.kecamatan.isEmpty();
}

void RuleEvaluator::report(const Report &report, const QDateTime &now, QList<AlertCondition> &out)
{
    for (qsizetype r = 0; r < m_rules.size(); ++r) {
        const AlertRule &rule = m_rules.at(r);
        if (!rule.enabled || rule.kind != AlertRule::Kind::ReportSurge || !reportMatches(rule, report))
            continue;
        const QDateTime at = report.receivedAt.isValid() ? report.receivedAt : now;
        if (at < now.addSecs(-qint64(rule.windowMinutes) * 60))
            continue; // arrived after its window had passed: it makes no surge now
        Surge &surge = m_states[std::size_t(r)].surges[report.kecamatan];
        const qint64 atMs = at.toMSecsSinceEpoch();
        // Reports come nearly in order; keep the window sorted for trimming from the front.
        surge.times.insert(std::upper_bound(surge.times.begin(), surge.times.end(), atMs), atMs);
        evaluateSurge(rule, report.kecamatan, surge, now, true, out);
        // The latest report marks where and when the surge is.
        if (!out.isEmpty() && out.last().event == rule.id && out.last().resource == report.kecamatan) {
            if (report.location.isValid())
                out.last().location = report.location;
            out.last().observedAt = at;
        }
    }
}

void RuleEvaluator::evaluateSurge(const AlertRule &rule, const QString &kecamatan, Surge &surge,
                                  const QDateTime &now, bool arrived,
                                  QList<AlertCondition> &out) const
{
    const qint64 windowStart = now.toMSecsSinceEpoch() - qint64(rule.windowMinutes) * 60000;
    while (!surge.times.empty() && surge.times.front() < windowStart)
        surge.times.pop_front();
    const int previous = surge.level;
    const int count = int(surge.times.size());
    surge.level = level(rule, count, previous);
    // On a tick only changes are news; a new report in a surge is a repeat of it.
    if ((surge.level < 0 && previous < 0) || (!arrived && surge.level == previous))
        return;
    AlertCondition c = condition(rule, kWallSource, kecamatan, surge.level);
    c.kecamatan = kecamatan;
    c.title = title(rule, {{"kecamatan", kecamatan}, {"count", QString::number(count)},
                           {"value", QString::number(count)}, {"name", kecamatan}});
    out.append(std::move(c));
}

void RuleEvaluator::updateFeedStatuses(const QList<FeedStatus> &statuses, const QDateTime &now)
{
    for (const FeedStatus &status : statuses) {
        FeedWatch &watch = m_feeds[status.id];
        if (!watch.firstSeen.isValid())
            watch.firstSeen = now;
        watch.status = status;
    }
}

void RuleEvaluator::tick(const QDateTime &now, QList<AlertCondition> &out)
{
    for (qsizetype r = 0; r < m_rules.size(); ++r) {
        const AlertRule &rule = m_rules.at(r);
        if (!rule.enabled)
            continue;
        if (rule.kind == AlertRule::Kind::ReportSurge) {
            auto &surges = m_states[std::size_t(r)].surges;
            for (auto it = surges.begin(); it != surges.end();) {
                evaluateSurge(rule, it.key(), it.value(), now, false, out);
                if (it->times.empty() && it->level < 0)
                    it = surges.erase(it);
                else
                    ++it;
            }
        } else if (rule.kind == AlertRule::Kind::FeedSilent) {
            QHash<QString, int> &silentFeeds = m_states[std::size_t(r)].levels;
            for (auto it = m_feeds.cbegin(); it != m_feeds.cend(); ++it) {
                const FeedWatch &watch = it.value();
                if (!rule.feeds.contains(QStringLiteral("*")) && !rule.feeds.contains(it.key()))
                    continue;
                const QDateTime since = watch.status.lastDataAt.isValid() ? watch.status.lastDataAt
                                                                          : watch.firstSeen;
                const qint64 quietSeconds = since.secsTo(now);
                const bool silent = quietSeconds >= qint64(rule.silentMinutes) * 60;
                if (silent == silentFeeds.value(it.key(), 0))
                    continue;
                silentFeeds.insert(it.key(), silent);
                AlertCondition c;
                c.source = kWallSource;
                c.resource = it.key();
                c.event = rule.id;
                c.active = silent;
                c.severity = rule.severity;
                c.agency = rule.agency != Agency::Unknown ? rule.agency : watch.status.agency;
                c.origin = QStringLiteral("rule:") + rule.id;
                c.title = title(rule, {{"feed", it.key()},
                                       {"name", it.key()},
                                       {"value", QString::number(quietSeconds / 60)},
                                       {"unit", QStringLiteral("min")}});
                out.append(std::move(c));
            }
        }
    }
}

} // namespace tlr
