#pragma once

#include "domain/DomainEvent.h"
#include "domain/EvidenceClock.h"
#include "kpi/ReportHistory.h"
#include "parsing/InternedStrings.h"

#include <QHash>
#include <QObject>

#include <deque>

namespace tlr {

class WallClock;

// The city's current picture in memory, as every view needs it: the latest reading of each
// sensor, the alerts in force, the citizen reports of the last day. Events come in batches on
// the GUI thread (FeedManager::eventsArrived), already without reporters' personal data.
// Views read it and listen for the kind of change they draw; history lives in the store.
class SituationModel : public QObject
{
    Q_OBJECT
public:
    explicit SituationModel(const WallClock *clock, QObject *parent = nullptr);

    void apply(const QList<DomainEvent> &events);

    // Latest observation per entity id. Older readings of an entity never replace newer ones,
    // so a late or replayed message cannot turn the clock back on a sensor.
    const QHash<QString, Observation> &observations() const { return m_observations; }
    // CAP and NGSI alerts in force: not expired, not cancelled, the latest update of each.
    // Exercise and Test alerts are included (views mark them; KPIs leave them out).
    QList<Alert> activeAlerts() const;
    // Reports received in the last 24 h of the evidence (EvidenceClock: the feeds' newest
    // report or reading, or the wall's time if earlier), newest last.
    const std::deque<SharedReport> &recentReports() const { return m_reports; }
    // The reports of the last eight days (since the first batch), counted once, for the KPI cards.
    const ReportHistory &reportHistory() const { return m_history; }

    // Drops alerts past their expiry (by the wall's clock: a warning ends when it says, whatever
    // the feeds do) and reports a day older than the evidence, and once a minute what the report
    // history no longer keeps; runs on every clock tick.
    void expire();

    static constexpr int kReportWindowHours = 24;

signals:
    void observationsChanged(const QStringList &entityIds);
    void alertsChanged();
    void reportsChanged();

private:
    void applyAlert(const Alert &alert);
    void insertReport(const Report &report); // in receiving order, after equal times
    static QString alertKey(const QString &sender, const QString &identifier);

    const WallClock *m_clock;
    QHash<QString, Observation> m_observations;
    QHash<QString, Alert> m_alerts; // by sender + identifier
    std::deque<SharedReport> m_reports;
    InternedStrings m_reportTexts; // source, category, kecamatan: a few dozen texts for a day
    ReportHistory m_history;
    QDateTime m_historyPrunedAt;
    EvidenceClock m_evidence;
};

} // namespace tlr
