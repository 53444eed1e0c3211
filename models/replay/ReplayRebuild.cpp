#include "ReplayRebuild.h"

#include "store/EventStore.h"
#include "store/HistoryReader.h"
#include "store/StoreReplyWatch.h"

#include <QLoggingCategory>
#include <QMutex>

#include <atomic>
#include <ctime>

Q_DECLARE_LOGGING_CATEGORY(lcReplay)

namespace tlr {
namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

// What the job and the rebuilding thread share: the cancel flag, and the outcome, which the
// worker leaves here before it tells the job (the job may be gone by then).
struct ReplayRebuild::Shared
{
    std::atomic<bool> cancelled{false};
    QMutex mutex;
    std::unique_ptr<ReplayModels> models;
    QString error;
    qint64 events = 0;
    double cpuMs = 0.0;
};

// The rebuild itself, on the job's thread: store replies arrive here as continuations, and the
// models it makes live here until they are moved to the job's thread.
class ReplayRebuild::Worker : public QObject
{
public:
    Worker(const EventStore *store, const ReplayRebuildRequest &request,
           std::shared_ptr<Shared> shared, ReplayRebuild *job)
        : m_store(store)
        , m_request(request)
        , m_shared(std::move(shared))
        , m_job(job)
        , m_home(job->thread())
    {
    }

    void run()
    {
        m_cpuStart = threadCpuMs();
        const QDateTime start = m_request.warmUpStart;
        // Four reads the store's thread runs in order: when the last is answered, so are the
        // first three.
        auto latest = m_store->latestObservations(start);
        auto alertsBefore = m_store->alerts(start.addDays(-kAlertsBeforeDays), start.addMSecs(1));
        auto noted = m_store->notedIncidents();
        watchStoreReply(
            this, m_store->alertActions(start, m_request.target, true),
            [this, latest, alertsBefore, noted](const StoreReply<QList<AlertAction>> &acts) {
                if (m_shared->cancelled)
                    return;
                const auto observations = latest.result();
                const auto alerts = alertsBefore.result();
                for (const QString *error : {&observations.error, &alerts.error, &acts.error}) {
                    if (!error->isEmpty())
                        return fail(*error);
                }
                m_models = std::make_unique<ReplayModels>(m_request.rules, m_request.fusion);
                m_models->setPaths(m_request.paths);
                m_models->setFeedAgencies(m_request.feedAgencies);
                if (const auto notes = noted.result(); notes.ok())
                    m_models->setNotedIncidents(notes.value);
                else // the replay is still true without them
                    qCWarning(lcReplay).noquote() << "replay shows no incident notes:" << notes.error;
                m_models->startFrom(m_request.warmUpStart, observations.value, alerts.value);
                m_models->addAlertActions(acts.value);
                m_events += observations.value.size() + alerts.value.size();
                readWindow(m_request.warmUpStart);
            });
    }

private:
    void readWindow(const QDateTime &from)
    {
        const QDateTime to = std::min(m_request.target, from.addSecs(qint64(kWindowMinutes) * 60));
        watchStoreReply(
            this, m_store->history(from, to),
            [this, to](const StoreReply<QList<DomainEvent>> &events) { applyWindow(events, to); });
    }

    void applyWindow(const StoreReply<QList<DomainEvent>> &reply, const QDateTime &to)
    {
        if (m_shared->cancelled)
            return;
        if (!reply.ok())
            return fail(reply.error);
        // The store reads the next window while this thread applies this one.
        if (to < m_request.target)
            readWindow(to);
        const QList<DomainEvent> &events = reply.value;
        for (qsizetype next = 0; next < events.size();) {
            if (m_shared->cancelled)
                return;
            // A slice ends where the time changes: events of one time stay one batch.
            qsizetype end = std::min(events.size(), next + kSliceEvents);
            const QDateTime last = eventTime(events.at(end - 1));
            while (end < events.size() && eventTime(events.at(end)) == last)
                ++end;
            m_models->advance(events.mid(next, end - next), std::min(to, last));
            next = end;
        }
        m_models->advance({}, to);
        m_events += events.size();
        reportProgress(to);
        if (to >= m_request.target)
            finish();
    }

    void reportProgress(const QDateTime &reached)
    {
        const qint64 total = m_request.warmUpStart.msecsTo(m_request.target);
        const int percent =
            total > 0 ? int(100 * m_request.warmUpStart.msecsTo(reached) / total) : 100;
        QMetaObject::invokeMethod(
            m_job, [job = m_job, percent] { job->workerProgressed(percent); },
            Qt::QueuedConnection);
    }

    void finish()
    {
        // Moved from here, where they were made, to the thread that shows them: from then on
        // their timers and connections run there, and this thread never touches them again.
        m_models->moveAllToThread(m_home);
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->models = std::move(m_models);
            m_shared->events = m_events;
            m_shared->cpuMs = threadCpuMs() - m_cpuStart;
        }
        tellJob();
    }

    void fail(const QString &message)
    {
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->error = message.isEmpty() ? QStringLiteral("unknown store error") : message;
        }
        tellJob();
    }

    void tellJob()
    {
        QMetaObject::invokeMethod(
            m_job, [job = m_job] { job->workerFinished(); }, Qt::QueuedConnection);
    }

    const EventStore *m_store;
    ReplayRebuildRequest m_request;
    std::shared_ptr<Shared> m_shared;
    ReplayRebuild *m_job;
    QThread *m_home;
    std::unique_ptr<ReplayModels> m_models;
    qint64 m_events = 0;
    double m_cpuStart = 0.0;
};

ReplayRebuild::ReplayRebuild(const EventStore *store, ReplayRebuildRequest request,
                             QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_request(std::move(request))
    , m_shared(std::make_shared<Shared>())
{
    m_thread.setObjectName(QStringLiteral("tlr-replay-rebuild"));
}

ReplayRebuild::~ReplayRebuild()
{
    cancel();
    m_thread.quit();
    m_thread.wait(); // at most the slice under way
    // The thread has stopped: what it made may be destroyed from here.
    m_worker.reset();
}

void ReplayRebuild::start()
{
    if (m_started)
        return;
    m_started = true;
    m_worker = std::make_unique<Worker>(m_store, m_request, m_shared, this);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get()] { worker->run(); }, Qt::QueuedConnection);
}

void ReplayRebuild::cancel()
{
    m_shared->cancelled = true;
}

std::unique_ptr<ReplayModels> ReplayRebuild::takeModels()
{
    return std::move(m_models);
}

void ReplayRebuild::workerProgressed(int percent)
{
    if (m_shared->cancelled || percent == m_percent)
        return;
    m_percent = percent;
    emit progressed(percent);
}

void ReplayRebuild::workerFinished()
{
    {
        QMutexLocker lock(&m_shared->mutex);
        m_models = std::move(m_shared->models);
        m_errorMessage = m_shared->error;
        m_eventsApplied = m_shared->events;
        m_workerCpuMs = m_shared->cpuMs;
    }
    m_thread.quit();
    if (m_shared->cancelled)
        return;
    emit finished();
}

} // namespace tlr
