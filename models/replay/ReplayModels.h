#pragma once

#include "alerts/AlertRecord.h"
#include "alerts/AlertRules.h"
#include "domain/DomainEvent.h"
#include "domain/WallClock.h"
#include "incidents/FusionConfig.h"
#include "store/AlertActionReader.h"
#include "incidents/Incident.h"

#include <QGeoCoordinate>
#include <QHash>
#include <QObject>

class QThread;

#include <deque>
#include <memory>

namespace tlr {

class AlertEngine;
class AlertTableModel;
class IncidentBoard;
class SituationModel;

// The wall's models for one replay: a clock of their own, the situation, an alert engine with
// its table and an incident board, fed stored events instead of the feeds. The tiles read them
// through the same TileContext as the live models and cannot tell the two apart. Nothing here
// records: no audit recorder, no store, and the alarm listens only to the live engine, so a
// replayed alert never sounds or escalates to a person.
class ReplayModels : public QObject
{
    Q_OBJECT
public:
    ReplayModels(AlertRules rules, const FusionConfig &fusion, QObject *parent = nullptr);
    ~ReplayModels() override;

    const WallClock &clock() const { return m_clock; }
    const SituationModel &situation() const { return *m_situation; }
    AlertEngine &alerts() const { return *m_alerts; }
    AlertTableModel &alertTable() const { return *m_alertTable; }
    const IncidentBoard &incidents() const { return *m_incidents; }
    QDateTime time() const { return m_clock.now(); }
    QDateTime historyStart() const { return m_historyStart; } // where startFrom() began

    // The road network's geometry, which the store does not keep, by entity id: a replayed
    // segment takes its path from here so that the map draws it as it draws a live one.
    void setPaths(QHash<QString, QList<QGeoCoordinate>> paths);
    // Which agency each feed belongs to, from the feeds' configuration: the live engine learns
    // it from the feeds' statuses, which say nothing about the past.
    void setFeedAgencies(const QHash<QString, Agency> &agencies);
    // These models and everything in them (clock, engine, table, board) to another thread, from
    // the one they live on: a rebuild makes them on a worker and hands them over finished.
    void moveAllToThread(QThread *thread);
    // The incidents the store keeps with free notes: each replayed incident shows the notes of
    // its stored one written up to the replayed time (IncidentBoard::showStoredNotes).
    void setNotedIncidents(QList<Incident> noted);

    // The starting point: the clock at `at`, each entity's latest reading then, and the feeds'
    // alerts sent before it (CAP alerts last beyond a warm-up: those still in force at `at`
    // are raised; updates and cancellations among them are taken in order).
    void startFrom(const QDateTime &at, const QList<Observation> &latest,
                   const QList<Alert> &alertsBefore);
    void startFrom(const QDateTime &at, const QList<Observation> &latest);
    // People's acknowledgements and shelves (AlertActionReader), applied to the alert with the
    // same key as the clock passes their time; those at or before the clock at once.
    void addAlertActions(const QList<AlertAction> &actions);
    qint64 alertActionsApplied() const { return m_actionsApplied; }
    qint64 alertActionsRefused() const { return m_actionsRefused; } // no such alert open, …
    // Applies events (in time order, none after `to`) with the clock following their times,
    // the way the live models took them, then moves the clock to `to`.
    void advance(const QList<DomainEvent> &events, const QDateTime &to);

private:
    void applyBatch(QList<DomainEvent> &batch);
    // Applies the queued actions before `time` (or at it, with `inclusive`).
    void applyActionsUntil(const QDateTime &time, bool inclusive);
    void applyAction(const AlertAction &action);
    void applyWaitingActs(const AlertChanges &changes);
    void applyDueActs();
    void moveClockTo(const QDateTime &time);

    WallClock m_clock;
    std::unique_ptr<SituationModel> m_situation;
    std::unique_ptr<AlertEngine> m_alerts;
    std::unique_ptr<AlertTableModel> m_alertTable;
    std::unique_ptr<IncidentBoard> m_incidents;
    QHash<QString, QList<QGeoCoordinate>> m_paths;
    QList<Incident> m_notedIncidents;
    QDateTime m_historyStart;
    std::deque<AlertAction> m_actions; // by time
    // Acts that held at the warm-up start on alerts replay has not raised again yet (a rule
    // that needs a rise first): applied when an alert with their key is raised.
    QMultiHash<QString, AlertAction> m_waitingActs;
    QList<AlertAction> m_actsDue; // raised in the batch being applied
    qint64 m_actionsApplied = 0;
    qint64 m_actionsRefused = 0;
    qint64 m_lastTickSecond = -1;
};

} // namespace tlr
