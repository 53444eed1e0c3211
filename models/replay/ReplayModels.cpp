#include "ReplayModels.h"

#include "alerts/AlertEngine.h"
#include "incidents/AlertSignals.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/AlertTableModel.h"
#include "situation/SituationModel.h"
#include "store/HistoryReader.h"

namespace tlr {

ReplayModels::ReplayModels(AlertRules rules, const FusionConfig &fusion, QObject *parent)
    : QObject(parent)
    , m_situation(std::make_unique<SituationModel>(&m_clock))
    , m_alerts(std::make_unique<AlertEngine>(&m_clock, std::move(rules), nullptr))
    , m_alertTable(std::make_unique<AlertTableModel>(m_alerts.get(), &m_clock))
    , m_incidents(std::make_unique<IncidentBoard>(fusion, &m_clock, nullptr))
{
    // As the live wall does (WallApplication::startIncidents): alerts with a place are
    // evidence, and waiting signals leave the fusion's window as time passes.
    connect(m_alerts.get(), &AlertEngine::alertsUpdated, m_incidents.get(),
            [this](const AlertChanges &changes) {
                for (const auto *ids : {&changes.inserted, &changes.changed}) {
                    for (quint64 id : *ids) {
                        const AlertRecord *alert = m_alerts->alert(id);
                        if (const auto signal =
                                alert ? AlertSignals::fromAlert(*alert) : std::nullopt)
                            m_incidents->addSignal(*signal);
                    }
                }
            });
    connect(&m_clock, &WallClock::ticked, m_incidents.get(), &IncidentBoard::expire);
}

ReplayModels::~ReplayModels()
{
    m_alertTable.reset(); // reads the engine
    m_incidents.reset();
    m_alerts.reset();
}

void ReplayModels::setPaths(QHash<QString, QList<QGeoCoordinate>> paths)
{
    m_paths = std::move(paths);
}

void ReplayModels::setNotedIncidents(QList<Incident> noted)
{
    m_notedIncidents = std::move(noted);
}

void ReplayModels::startFrom(const QDateTime &at, const QList<Observation> &latest)
{
    m_historyStart = at;
    moveClockTo(at);
    QList<DomainEvent> batch;
    batch.reserve(latest.size());
    for (const Observation &o : latest)
        batch.append(o);
    applyBatch(batch);
}

void ReplayModels::advance(const QList<DomainEvent> &events, const QDateTime &to)
{
    // Events of one time are one batch, applied with the clock at that time: what the engine
    // and the fusion stamp (raised at, opened at) is the history's time, not the replay's.
    QList<DomainEvent> batch;
    QDateTime batchTime;
    for (const DomainEvent &event : events) {
        const QDateTime time = eventTime(event);
        if (time.isValid() && time > to)
            break;
        if (!batch.isEmpty() && time != batchTime)
            applyBatch(batch);
        if (batch.isEmpty()) {
            batchTime = time;
            if (time.isValid() && time > m_clock.now())
                moveClockTo(time);
        }
        batch.append(event);
    }
    applyBatch(batch);
    if (to > m_clock.now())
        moveClockTo(to);
    if (!m_notedIncidents.isEmpty())
        m_incidents->showStoredNotes(m_notedIncidents, m_clock.now());
}

void ReplayModels::applyBatch(QList<DomainEvent> &batch)
{
    if (batch.isEmpty())
        return;
    if (!m_paths.isEmpty()) {
        for (DomainEvent &event : batch) {
            auto *o = std::get_if<Observation>(&event);
            if (o && o->path.isEmpty())
                o->path = m_paths.value(o->entityId);
        }
    }
    m_situation->apply(batch);
    m_alerts->apply(batch);
    // Replay is deterministic: the engine's slicing across event-loop turns is for the live
    // wall's frame budget; here the state at a time must be complete at that time.
    m_alerts->applyQueuedConditions();
    m_incidents->addEvents(batch);
    batch.clear();
}

void ReplayModels::moveClockTo(const QDateTime &time)
{
    // A tick (expiry, escalation and shelf timers, the fusion's window) once per second of
    // history, as the live clock ticks: a tick per event costs a busy day's rebuild minutes.
    const qint64 second = time.toSecsSinceEpoch();
    if (second == m_lastTickSecond) {
        m_clock.moveFixedTime(time);
        return;
    }
    m_lastTickSecond = second;
    m_clock.setFixedTime(time);
    m_alerts->applyQueuedConditions();
}

} // namespace tlr
