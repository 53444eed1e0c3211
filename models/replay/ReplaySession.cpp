#include "ReplaySession.h"

#include "store/EventStore.h"
#include "store/HistoryReader.h"
#include "store/StoreReplyWatch.h"

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
    watchStoreReply(this, m_store->historySpan(), [this](const StoreReply<TimeSpan> &span) {
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

void ReplaySession::setFeedAgencies(QHash<QString, Agency> agencies)
{
    m_feedAgencies = std::move(agencies);
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
    ++m_generation; // a step's read under way is stale
    const QDateTime target = at.toUTC();
    const QDateTime start =
        warmUpStart.isValid() ? warmUpStart.toUTC() : target.addSecs(-kWarmUpHours * 3600);
    m_stepping = false;
    setState(State::Loading);
    qCInfo(lcReplay).noquote() << "rebuilding the state at" << target.toString(Qt::ISODate)
                               << "from" << start.toString(Qt::ISODate);
    if (!m_models) {
        // Nothing shown yet: empty models at the target, so that the banner (and its progress)
        // goes up at once over a wall that shows nothing of the present.
        m_models = std::make_unique<ReplayModels>(m_rules, m_fusion);
        m_models->startFrom(target, {});
        emit modelsReplaced(m_models.get());
        emit timeChanged(target);
    }
    ReplayRebuildRequest request;
    request.warmUpStart = start;
    request.target = target;
    request.rules = m_rules;
    request.fusion = m_fusion;
    request.paths = m_paths;
    request.feedAgencies = m_feedAgencies;
    // An earlier seek's rebuild is cancelled: its destruction waits for at most one slice.
    m_rebuild = std::make_unique<ReplayRebuild>(m_store, std::move(request));
    connect(m_rebuild.get(), &ReplayRebuild::progressed, this, &ReplaySession::rebuildProgressed);
    connect(m_rebuild.get(), &ReplayRebuild::finished, this, &ReplaySession::finishRebuild);
    m_rebuildTimer.start();
    m_rebuild->start();
}

void ReplaySession::finishRebuild()
{
    ReplayRebuild *done = m_rebuild.release();
    done->setParent(this);
    done->deleteLater(); // not inside its own signal
    if (done->error())
        return fail(done->errorMessage());
    m_lastRebuildMs = m_rebuildTimer.elapsed();
    m_lastRebuildEvents = done->eventsApplied();
    m_lastRebuildCpuMs = done->workerCpuMs();
    qCInfo(lcReplay, "state at %s rebuilt from %lld readings and events in %lld ms "
                     "(the rebuilding thread's CPU time %.0f ms)",
           qPrintable(done->request().target.toString(Qt::ISODate)), m_lastRebuildEvents,
           m_lastRebuildMs, m_lastRebuildCpuMs);
    m_previous = std::exchange(m_models, done->takeModels());
    emit modelsReplaced(m_models.get());
    emit timeChanged(time());
    setState(State::Paused);
    if (std::exchange(m_playWhenRebuilt, false))
        setState(State::Playing);
}

void ReplaySession::play()
{
    if (m_state == State::Loading)
        m_playWhenRebuilt = true;
    else if (m_models && m_state == State::Paused)
        setState(State::Playing);
}

void ReplaySession::pause()
{
    m_playWhenRebuilt = false;
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
    // The store's thread answers in order: once the acts are read, so are the events.
    auto history = m_store->history(from, to);
    watchStoreReply(
        this, m_store->alertActions(from, to, false),
        [this, generation, to, caughtUp, history](const StoreReply<QList<AlertAction>> &acts) {
            if (generation != m_generation)
                return;
            m_stepping = false;
            const StoreReply<QList<DomainEvent>> events = history.result();
            if (!events.ok())
                return fail(events.error);
            if (!acts.ok())
                return fail(acts.error);
            m_models->addAlertActions(acts.value);
            m_models->advance(events.value, to);
            emit timeChanged(to);
            if (caughtUp)
                pause(); // at the present: "back to live" is the operator's choice
        });
}

} // namespace tlr
