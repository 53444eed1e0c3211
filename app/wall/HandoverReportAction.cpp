#include "HandoverReportAction.h"

#include "access/Permissions.h"
#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"
#include "incidents/IncidentArchive.h"
#include "reports/HandoverReportBuilder.h"
#include "reports/HandoverReportDocument.h"
#include "reports/HandoverStoreReader.h"
#include "reports/ShiftWindow.h"
#include "store/EventStore.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace tlr {

HandoverReportAction::HandoverReportAction(EventStore *store, AuditRecorder *audit,
                                           IncidentArchive *archive, const WallClock *clock,
                                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_audit(audit)
    , m_archive(archive)
    , m_clock(clock)
{
}

bool HandoverReportAction::start(const Actor &actor, const QString &directory)
{
    if (m_running || !m_store || !m_store->isOpen() || !canReadAuditLog(actor.role))
        return false;
    if (!QDir().mkpath(directory)) {
        emit finished({}, tr("cannot create %1").arg(directory));
        return false;
    }
    m_running = true;
    const QDateTime now = m_clock->now();
    const ShiftWindow window = ShiftWindow::current(now);
    const QString path = QDir(directory).filePath(
        QStringLiteral("handover-%1.pdf")
            .arg(now.toTimeZone(WallClock::wib()).toString(QStringLiteral("yyyyMMdd-HHmm"))));
    if (m_archive)
        m_archive->flush(); // incidents are saved coalesced; the report wants the latest
    if (m_audit) {
        m_audit->record({now, actor, QStringLiteral("report.handover_saved"),
                         QStringLiteral("report:handover"), path});
    }
    // Posted after the audit log's pending write: the read sees everything recorded so far.
    QPointer<HandoverReportAction> self(this);
    m_store->post([self, window, now, path](QSqlDatabase &db) {
        auto sources = HandoverStoreReader::read(db, window.from, window.to);
        // Laying out and writing the PDF takes a few hundred ms: a worker's, not the store's.
        (void)QtConcurrent::run([self, sources = std::move(sources), window, now, path] {
            QString error = sources.error;
            if (error.isEmpty()) {
                const HandoverReport report =
                    HandoverReportBuilder::build(sources.value, window.from, window.to, now);
                error = HandoverReportDocument::writePdf(report, path);
            }
            // Queued to the action's thread; dropped if the action is gone by then.
            if (HandoverReportAction *target = self.data()) {
                QMetaObject::invokeMethod(target, [self, path, error] {
                    if (!self)
                        return;
                    self->m_running = false;
                    emit self->finished(error.isEmpty() ? path : QString(), error);
                }, Qt::QueuedConnection);
            }
        });
    });
    return true;
}

} // namespace tlr
