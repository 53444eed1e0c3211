#pragma once

#include "ReplayModels.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QThread>

#include <memory>

namespace tlr {

class EventStore;

// What one rebuild starts from and where it ends.
struct ReplayRebuildRequest
{
    QDateTime warmUpStart; // UTC: each entity's latest reading then, and events after it
    QDateTime target;      // UTC: the state wanted
    AlertRules rules;
    FusionConfig fusion;
    QHash<QString, QList<QGeoCoordinate>> paths; // ReplayModels::setPaths
    QHash<QString, Agency> feedAgencies;         // ReplayModels::setFeedAgencies
};

// Rebuilds the state at a time from the store on a thread of its own, so that a busy day's
// rebuild (tens of seconds) never stalls the windows: the store's thread reads the history a
// window at a time (the next one while this thread applies the last), this thread applies it
// to models made here, then moves them to the owner's thread and hands them over in one step.
// No SQLite on the owner's thread, no model half-built on it.
//
// A job (QgsMapRendererJob's manners): start(), cancel(), one finished() signal, then
// takeModels() or errorMessage(). Cancelling raises a flag the rebuild looks at between slices
// of events; destroying the job cancels it and waits for at most one slice.
class ReplayRebuild : public QObject
{
    Q_OBJECT
public:
    ReplayRebuild(const EventStore *store, ReplayRebuildRequest request,
                  QObject *parent = nullptr);
    ~ReplayRebuild() override;

    void start();
    void cancel();

    const ReplayRebuildRequest &request() const { return m_request; }
    int percent() const { return m_percent; } // of the time from warm-up start to target
    bool error() const { return !m_errorMessage.isEmpty(); }
    QString errorMessage() const { return m_errorMessage; }
    // After finished() without an error: the state at the target, on this object's thread.
    std::unique_ptr<ReplayModels> takeModels();

    // What the rebuild cost: readings and events applied, and the rebuilding thread's CPU time
    // (not wall time: the machine is shared, wall time says more about the neighbours).
    qint64 eventsApplied() const { return m_eventsApplied; }
    double workerCpuMs() const { return m_workerCpuMs; }

    // A window of history read in one store job, and the events applied between two looks at
    // the cancel flag.
    static constexpr int kWindowMinutes = 30;
    static constexpr qsizetype kSliceEvents = 500;
    // How far before the warm-up start the feeds' alerts are read: a CAP alert may stay in
    // force for days (a flood watch), and one sent before the warm-up is still on the wall.
    static constexpr int kAlertsBeforeDays = 7;

signals:
    void progressed(int percent);
    void finished();

private:
    class Worker;
    struct Shared;

    void workerProgressed(int percent);
    void workerFinished();

    const EventStore *m_store;
    ReplayRebuildRequest m_request;
    std::shared_ptr<Shared> m_shared;
    QThread m_thread;
    std::unique_ptr<Worker> m_worker; // lives on m_thread while it runs
    std::unique_ptr<ReplayModels> m_models;
    QString m_errorMessage;
    int m_percent = 0;
    qint64 m_eventsApplied = 0;
    double m_workerCpuMs = 0.0;
    bool m_started = false;
};

} // namespace tlr
