#include "ReplaySession.h"

#include "store/EventStore.h"
#include "store/HistoryReader.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReplay, "tlr.replay")

namespace tlr {

ReplaySession::ReplaySession(const EventStore *store, AlertRules rules, FusionConfig fusion,
                             QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_rules(std::move(rules))
    , m_fusion(std::move(fusion))
{
    m_timer.setInterval(kStepMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 elapsed = m_sinceStep.restart();
        step(elapsed);
    });
    m_store->historySpan().then(this, [this](const StoreReply<TimeSpan> &span) {
        if (!span.ok()) {
            qCWarning(lcReplay).noquote() << "the stored history's span is unknown:" << span.error;
            return;
        }
        m_span = span.value;
        emit storedSpanChanged();
    });
}

ReplaySession::~ReplaySession() = default;

QDateTime ReplaySession::time() const
{
    return m_models ? m_models->time() : QDateTime();
}

void ReplaySession::setPaths(QHash<QString, QList<QGeoCoordinate>> paths)
{
    m_paths = std::move(paths);
}

void ReplaySession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state == State::Playing) {
        m_sinceStep.start();
        m_timer.start();
    } else {
        m_timer.stop();
    }
    emit stateChanged(state);
}

void ReplaySession::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcReplay).noquote() << "replay:" << message;
    setState(State::Failed);
}

void ReplaySession::seek(const QDateTime &at, const QDateTime &warmUpStart)
{
    const quint64 generation = ++m_generation;
    const QDateTime target = at.toUTC();
    const QDateTime start =
        warmUpStart.isValid() ? warmUpStart.toUTC() : target.addSecs(-kWarmUpHours * 3600);
    m_stepping = false;
    setState(State::Loading);
    qCInfo(lcReplay).noquote() << "rebuilding the state at" << target.toString(Qt::ISODate)
                               << "from" << start.toString(Qt::ISODate);
    m_rebuildTimer.start();
    m_rebuildEvents = 0;
    m_store->latestObservations(start).then(
        this, [this, generation, start, target](const StoreReply<QList<Observation>> &latest) {
            if (generation != m_generation)
                return;
            if (!latest.ok())
                return fail(latest.error);
            m_building = std::make_unique<ReplayModels>(m_rules, m_fusion);
            m_building->setPaths(m_paths);
            m_building->startFrom(start, latest.value);
            m_rebuildEvents = latest.value.size();
            // The store answers in order: the notes are there before the first window is.
            m_store->notedIncidents().then(
                this, [this, generation](const StoreReply<QList<Incident>> &noted) {
                    if (generation != m_generation || !m_building)
                        return;
                    if (!noted.ok())
                        qCWarning(lcReplay).noquote()
                            << "replay shows no incident notes:" << noted.error;
                    m_building->setNotedIncidents(noted.value);
                });
            rebuildWindow(generation, target);
        });
}

void ReplaySession::rebuildWindow(quint64 generation, const QDateTime &target)
{
    const QDateTime from = m_building->time();
    const QDateTime to = std::min(target, from.addSecs(kRebuildWindowMinutes * 60));
    m_store->history(from, to).then(
        this, [this, generation, target, to](const StoreReply<QList<DomainEvent>> &events) {
            if (generation != m_generation)
                return;
            if (!events.ok())
                return fail(events.error);
            m_rebuildEvents += events.value.size();
            applyInSlices(generation, std::make_shared<const QList<DomainEvent>>(events.value), 0,
                          to, [this, generation, target, to] {
                              if (to < target)
                                  rebuildWindow(generation, target);
                              else
                                  finishRebuild(target);
                          });
        });
}

void ReplaySession::applyInSlices(quint64 generation,
                                  std::shared_ptr<const QList<DomainEvent>> events,
                                  qsizetype next, const QDateTime &to, std::function<void()> done)
{
    constexpr qsizetype kChunk = 500;
    QElapsedTimer slice;
    slice.start();
    while (next < events->size() && slice.elapsed() < kSliceMs) {
        // A chunk ends where the time changes: events of one time stay one batch, as in one go.
        qsizetype end = std::min(events->size(), next + kChunk);
        const QDateTime last = eventTime(events->at(end - 1));
        while (end < events->size() && eventTime(events->at(end)) == last)
            ++end;
        m_building->advance(events->mid(next, end - next), std::min(to, last));
        next = end;
    }
    if (next < events->size()) {
        QTimer::singleShot(0, this, [=, this] {
            if (generation == m_generation)
                applyInSlices(generation, events, next, to, done);
        });
        return;
    }
    m_building->advance({}, to);
    done();
}

void ReplaySession::finishRebuild(const QDateTime &target)
{
    qCInfo(lcReplay, "state at %s rebuilt from %lld readings and events in %lld ms",
           qPrintable(target.toString(Qt::ISODate)), m_rebuildEvents, m_rebuildTimer.elapsed());
    m_previous = std::exchange(m_models, std::move(m_building));
    emit modelsReplaced(m_models.get());
    emit timeChanged(time());
    setState(State::Paused);
}

void ReplaySession::play()
{
    if (m_models && (m_state == State::Paused))
        setState(State::Playing);
}

void ReplaySession::pause()
{
    if (m_state == State::Playing)
        setState(State::Paused);
}

void ReplaySession::setSpeed(int speed)
{
    if (speed <= 0 || speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged(speed);
}

void ReplaySession::stepFor(qint64 realMs)
{
    step(realMs);
}

void ReplaySession::step(qint64 realMs)
{
    // A slow read holds the replay back rather than letting requests pile up.
    if (!m_models || m_stepping)
        return;
    const QDateTime from = m_models->time();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime to = from.addMSecs(realMs * m_speed);
    const bool caughtUp = to >= now;
    if (caughtUp)
        to = now;
    if (to <= from) {
        pause();
        return;
    }
    m_stepping = true;
    const quint64 generation = m_generation;
    m_store->history(from, to).then(
        this, [this, generation, to, caughtUp](const StoreReply<QList<DomainEvent>> &events) {
            if (generation != m_generation)
                return;
            m_stepping = false;
            if (!events.ok())
                return fail(events.error);
            m_models->advance(events.value, to);
            emit timeChanged(to);
            if (caughtUp)
                pause(); // at the present: "back to live" is the operator's choice
        });
}

} // namespace tlr
