#pragma once

#include "access/Actor.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace tlr {

class AuditRecorder;
class EventStore;
class IncidentArchive;
class WallClock;

// The wall's "save the handover report" (Ctrl+P at a console): the shift going on, from the
// wall's own database, written as a PDF into the wall's data directory (reports/). The store's
// thread reads what the report needs after everything recorded before (the request included);
// a worker builds and lays it out; finished() comes back on the GUI thread. One at a time.
class HandoverReportAction : public QObject
{
    Q_OBJECT
public:
    HandoverReportAction(EventStore *store, AuditRecorder *audit, IncidentArchive *archive,
                         const WallClock *clock, QObject *parent = nullptr);

    // Refused (false) while one is running, without a store, or for a role that may not read
    // the audit log (the report retells it).
    bool start(const Actor &actor, const QString &directory);
    bool isRunning() const { return m_running; }

signals:
    void finished(const QString &path, const QString &error);

private:
    QPointer<EventStore> m_store;
    AuditRecorder *m_audit;
    QPointer<IncidentArchive> m_archive;
    const WallClock *m_clock;
    bool m_running = false;
};

} // namespace tlr
