#include "ReplayModels.h"

#include "alerts/AlertEngine.h"
#include "incidents/AlertSignals.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/AlertTableModel.h"
#include "situation/SituationModel.h"
#include "store/HistoryReader.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcReplay)

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
    connect(m_alerts.get(), &AlertEngine::alertsUpdated, this, &ReplayModels::applyWaitingActs);
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

void ReplayModels::setFeedAgencies(const QHash<QString, Agency> &agencies)
{
    m_alerts->setFeedAgencies(agencies);
}

void ReplayModels::moveAllToThread(QThread *thread)
{
    for (QObject *object : std::initializer_list<QObject *>{
             this, &m_clock, m_situation.get(), m_alerts.get(), m_alertTable.get(),
             m_incidents.get()})
        object->moveToThread(thread);
}

void ReplayModels::setNotedIncidents(QList<Incident> noted)
{
    m_notedIncidents = std::move(noted);
}

void ReplayModels::startFrom(const QDateTime &at, const QList<Observation> &latest)
{
    startFrom(at, latest, {});
}

void ReplayModels::startFrom(const QDateTime &at, const QList<Observation> &latest,
                             const QList<Alert> &alertsBefore)
{
    m_historyStart = at;
    moveClockTo(at);
    QList<DomainEvent> batch;
    batch.reserve(alertsBefore.size() + latest.size());
    for (const Alert &a : alertsBefore)
        batch.append(a);
    for (const Observation &o : latest)
        batch.append(o);
    applyBatch(batch);
    // An alert sent long before and already over is not shown: it left the live wall when it
    // expired.
    m_situation->expire();
}

void ReplayModels::addAlertActions(const QList<AlertAction> &actions)
{
    m_actions.insert(m_actions.end(), actions.cbegin(), actions.cend());
    std::stable_sort(m_actions.begin(), m_actions.end(),
                     [](const AlertAction &a, const AlertAction &b) { return a.at < b.at; });
    applyActionsUntil(m_clock.now(), true);
}

void ReplayModels::advance(const QList<DomainEvent> &events, const QDateTime &to)
{
    // Events of one time are one batch, applied with the clock at that time: what the engine
    // and the fusion stamp (raised at, opened at) is the history's time, not the replay's.
    // A person's act comes between the batches before and after its time.
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
            if (time.isValid()) {
                applyActionsUntil(time, false);
                if (time > m_clock.now())
                    moveClockTo(time);
            }
        }
        batch.append(event);
    }
    applyBatch(batch);
    applyActionsUntil(to, true);
    if (to > m_clock.now())
        moveClockTo(to);
    if (!m_notedIncidents.isEmpty())
        m_incidents->showStoredNotes(m_notedIncidents, m_clock.now());
}

void ReplayModels::applyActionsUntil(const QDateTime &time, bool inclusive)
{
    while (!m_actions.empty()
           && (m_actions.front().at < time || (inclusive && m_actions.front().at == time))) {
        const AlertAction action = std::move(m_actions.front());
        m_actions.pop_front();
        if (action.at > m_clock.now())
            moveClockTo(action.at);
        applyAction(action);
    }
}

void ReplayModels::applyAction(const AlertAction &action)
{
    const AlertRecord *alert = m_alerts->find(action.source, action.resource, action.event);
    AlertEngine::ActionResult result;
    if (!alert && m_historyStart.isValid() && action.at <= m_historyStart) {
        m_waitingActs.insert(action.source + u'\x1f' + action.resource + u'\x1f' + action.event,
                             action);
        return;
    }
    if (!alert) {
        result.reason = QStringLiteral("no such alert open");
    } else {
        switch (action.kind) {
        case AlertAction::Kind::Acknowledged:
            result = m_alerts->acknowledge(alert->id, action.actor, action.note);
            break;
        case AlertAction::Kind::Shelved:
            result = m_alerts->shelve(alert->id, action.actor, action.note, action.shelvedUntil);
            break;
        case AlertAction::Kind::Unshelved:
            result = m_alerts->unshelve(alert->id, action.actor, action.note);
            break;
        case AlertAction::Kind::Unknown:
            result.reason = QStringLiteral("not an act replay knows");
            break;
        }
    }
    if (result) {
        ++m_actionsApplied;
        return;
    }
    // The replayed engine disagrees with the recorded one (a state rebuilt from a later
    // warm-up start, a rule changed since): the act is left out, counted and said.
    ++m_actionsRefused;
    qCDebug(lcReplay).noquote() << "replay: the act of" << action.actor.name << "at"
                                << action.at.toString(Qt::ISODate) << "on" << action.source
                                << action.resource << action.event << "left out:" << result.reason;
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
    applyDueActs();
}

void ReplayModels::applyWaitingActs(const AlertChanges &changes)
{
    if (m_waitingActs.isEmpty() || changes.inserted.isEmpty())
        return;
    for (quint64 id : changes.inserted) {
        const AlertRecord *alert = m_alerts->alert(id);
        if (!alert)
            continue;
        const QString key = alert->source + u'\x1f' + alert->resource + u'\x1f' + alert->event;
        QList<AlertAction> acts = m_waitingActs.values(key);
        if (acts.isEmpty())
            continue;
        m_waitingActs.remove(key);
        // values() gives the latest inserted first: apply them in the order they were made.
        std::sort(acts.begin(), acts.end(),
                  [](const AlertAction &a, const AlertAction &b) { return a.at < b.at; });
        // Not inside the engine's signal (it is emitted from its flush): after the batch.
        m_actsDue.append(acts);
    }
}

void ReplayModels::applyDueActs()
{
    while (!m_actsDue.isEmpty()) {
        const QList<AlertAction> due = std::exchange(m_actsDue, {});
        for (const AlertAction &act : due)
            applyAction(act);
    }
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
    applyDueActs();
}

} // namespace tlr
