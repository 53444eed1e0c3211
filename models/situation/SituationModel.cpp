#include "SituationModel.h"

#include "domain/WallClock.h"

#include <algorithm>

namespace tlr {

SituationModel::SituationModel(const WallClock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    connect(clock, &WallClock::ticked, this, &SituationModel::expire);
}

void SituationModel::apply(const QList<DomainEvent> &events)
{
    const QDateTime wallNow = m_clock->now();
    if (!m_history.coverageStart().isValid())
        m_history.begin(wallNow);
    QStringList changedEntities;
    bool alertsTouched = false;
    bool reportsTouched = false;
    for (const DomainEvent &event : events) {
        if (const auto *observation = std::get_if<Observation>(&event)) {
            auto it = m_observations.find(observation->entityId);
            if (it != m_observations.end() && it->observedAt.isValid() && observation->observedAt.isValid()
                && observation->observedAt < it->observedAt) {
                continue;
            }
            m_evidence.note(observation->observedAt, wallNow);
            m_observations.insert(observation->entityId, *observation);
            changedEntities.append(observation->entityId);
        } else if (const auto *alert = std::get_if<Alert>(&event)) {
            applyAlert(*alert);
            alertsTouched = true;
        } else if (const auto *report = std::get_if<Report>(&event)) {
            insertReport(*report);
            m_evidence.note(report->receivedAt, wallNow);
            reportsTouched = true;
        }
    }
    if (!changedEntities.isEmpty()) {
        changedEntities.removeDuplicates();
        emit observationsChanged(changedEntities);
    }
    if (alertsTouched)
        emit alertsChanged();
    if (reportsTouched)
        emit reportsChanged();
}

void SituationModel::insertReport(const Report &report)
{
    // Reports nearly always come in the order they were received, so this is an append. Sorting
    // the whole day again for every batch cost a buffer the size of the day each time: the heap
    // grew with it through a soak.
    const auto after = std::upper_bound(m_reports.begin(), m_reports.end(), report.receivedAt,
                                        [](const QDateTime &at, const SharedReport &kept) {
                                            return at < kept->receivedAt;
                                        });
    auto kept = std::make_shared<Report>(report);
    kept->source = m_reportTexts.shared(report.source);
    kept->category = m_reportTexts.shared(report.category);
    kept->kecamatan = m_reportTexts.shared(report.kecamatan);
    m_reports.insert(after, std::move(kept));
    m_history.add(report);
}

QString SituationModel::alertKey(const QString &sender, const QString &identifier)
{
    return sender + u'\x1f' + identifier;
}

void SituationModel::applyAlert(const Alert &alert)
{
    // CAP references are "sender,identifier,sent" triples: an Update or Cancel supersedes them.
    for (const QString &reference : alert.references) {
        const QStringList parts = reference.split(u',');
        if (parts.size() >= 2)
            m_alerts.remove(alertKey(parts.at(0), parts.at(1)));
    }
    if (alert.msgType == Alert::MsgType::Cancel)
        return;
    const QString key = alertKey(alert.sender, alert.identifier);
    const auto existing = m_alerts.constFind(key);
    if (existing != m_alerts.cend() && existing->sent.isValid() && alert.sent < existing->sent)
        return;
    m_alerts.insert(key, alert);
}

QList<Alert> SituationModel::activeAlerts() const
{
    QList<Alert> result;
    result.reserve(m_alerts.size());
    for (const Alert &alert : m_alerts)
        result.append(alert);
    std::sort(result.begin(), result.end(), [](const Alert &a, const Alert &b) {
        if (a.highestSeverity() != b.highestSeverity())
            return a.highestSeverity() > b.highestSeverity();
        return a.sent > b.sent;
    });
    return result;
}

void SituationModel::expire()
{
    const QDateTime now = m_clock->now();
    bool alertsExpired = false;
    for (auto it = m_alerts.begin(); it != m_alerts.end();) {
        // An alert is over when every one of its info blocks has expired.
        const bool allExpired = !it->infos.isEmpty()
                                && std::all_of(it->infos.cbegin(), it->infos.cend(), [&](const AlertInfo &info) {
                                       return info.expires.isValid() && info.expires < now;
                                   });
        if (allExpired) {
            it = m_alerts.erase(it);
            alertsExpired = true;
        } else {
            ++it;
        }
    }
    const QDateTime cutoff = m_evidence.now(now).addSecs(-kReportWindowHours * 3600);
    bool reportsExpired = false;
    while (!m_reports.empty() && m_reports.front()->receivedAt < cutoff) {
        m_reports.pop_front();
        reportsExpired = true;
    }
    if (!m_historyPrunedAt.isValid() || m_historyPrunedAt.secsTo(now) >= 60) {
        m_history.prune(now);
        m_historyPrunedAt = now;
    }
    if (alertsExpired)
        emit alertsChanged();
    if (reportsExpired)
        emit reportsChanged();
}

} // namespace tlr
