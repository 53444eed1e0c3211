#pragma once

#include "alerts/AlertRules.h"
#include "domain/DomainEvent.h"
#include "domain/WallClock.h"
#include "incidents/FusionConfig.h"
#include "incidents/Incident.h"

#include <QGeoCoordinate>
#include <QHash>
#include <QObject>

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
    // The incidents the store keeps with free notes: each replayed incident shows the notes of
    // its stored one written up to the replayed time (IncidentBoard::showStoredNotes).
    void setNotedIncidents(QList<Incident> noted);

    // The starting point: the clock at `at`, each entity's latest reading then.
    void startFrom(const QDateTime &at, const QList<Observation> &latest);
    // Applies events (in time order, none after `to`) with the clock following their times,
    // the way the live models took them, then moves the clock to `to`.
    void advance(const QList<DomainEvent> &events, const QDateTime &to);

private:
    void applyBatch(QList<DomainEvent> &batch);
    void moveClockTo(const QDateTime &time);

    WallClock m_clock;
    std::unique_ptr<SituationModel> m_situation;
    std::unique_ptr<AlertEngine> m_alerts;
    std::unique_ptr<AlertTableModel> m_alertTable;
    std::unique_ptr<IncidentBoard> m_incidents;
    QHash<QString, QList<QGeoCoordinate>> m_paths;
    QList<Incident> m_notedIncidents;
    QDateTime m_historyStart;
    qint64 m_lastTickSecond = -1;
};

} // namespace tlr
