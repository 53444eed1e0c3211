#include "AuditLog.h"

#include "audit/AuditCategory.h"
#include "store/EventStore.h"
#include "store/WriteTransaction.h"

#include <QPromise>

#include <memory>

namespace tlr {
namespace {

// A store that cannot write for long (disk full) must not take the wall's memory with it.
constexpr qsizetype kMaxPending = 100000;

} // namespace

AuditLog::AuditLog(EventStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

AuditLog::~AuditLog()
{
    flush();
}

void AuditLog::record(const AuditAction &action)
{
    AuditAction stamped = action;
    if (!stamped.at.isValid()) // stamped when it happened, not when the store gets to it
        stamped.at = QDateTime::currentDateTimeUtc();
    bool post = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.size() >= kMaxPending) {
            ++m_lost;
            if (m_lost == 1 || m_lost % 1000 == 0) {
                qCCritical(lcAudit) << "audit backlog full:" << m_lost
                                    << "actions lost while the store cannot write";
            }
            return;
        }
        m_pending.append(std::move(stamped));
        post = !m_writeQueued;
        m_writeQueued = true;
    }
    if (post)
        m_store->post([this](QSqlDatabase &db) { writePending(db); });
}

void AuditLog::writePending(QSqlDatabase &db)
{
    QList<AuditAction> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
        m_writeQueued = false;
    }
    if (batch.isEmpty())
        return;
    if (!db.isOpen()) {
        {
            QMutexLocker lock(&m_mutex);
            m_lost += batch.size();
        }
        const QString message =
            QStringLiteral("audit log: %1 actions lost: the store is closed").arg(batch.size());
        qCCritical(lcAudit).noquote() << message;
        emit failed(message);
        return;
    }
    WriteTransaction transaction(db);
    StoreReply<AuditHead> head = transaction.error().isEmpty()
                                     ? AuditTable(db).append(batch)
                                     : StoreReply<AuditHead>{{}, transaction.error()};
    QString error = head.error;
    if (error.isEmpty())
        error = transaction.commit();
    if (error.isEmpty()) {
        committed(head.value, batch.size());
        return;
    }
    // Kept, in front of what came since, for the next write: an audit entry is not dropped
    // because the disk was busy once.
    {
        QMutexLocker lock(&m_mutex);
        batch.append(m_pending);
        m_pending.swap(batch);
    }
    const QString message = QStringLiteral("audit log: %1 (%2 actions kept for the next try)")
                                .arg(error)
                                .arg(pending());
    qCWarning(lcAudit).noquote() << message;
    emit failed(message);
}

void AuditLog::committed(const AuditHead &head, qsizetype count)
{
    QMutexLocker lock(&m_mutex);
    m_head = head;
    m_written += count;
}

QFuture<QString> AuditLog::recordChange(Change change, AuditAction action)
{
    if (!action.at.isValid())
        action.at = QDateTime::currentDateTimeUtc();
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    m_store->post([this, promise, change = std::move(change), action](QSqlDatabase &db) {
        writePending(db);
        QString error;
        {
            WriteTransaction transaction(db);
            error = transaction.error();
            if (error.isEmpty())
                error = change(db);
            StoreReply<AuditHead> head;
            if (error.isEmpty()) {
                head = AuditTable(db).append({action});
                error = head.error;
            }
            if (error.isEmpty())
                error = transaction.commit();
            if (error.isEmpty())
                committed(head.value, 1);
        }
        promise->addResult(error);
        promise->finish();
    });
    return future;
}

void AuditLog::flush()
{
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> future = promise->future();
    promise->start();
    m_store->post([this, promise](QSqlDatabase &db) {
        writePending(db);
        promise->finish();
    });
    future.waitForFinished();
}

AuditHead AuditLog::head() const
{
    QMutexLocker lock(&m_mutex);
    return m_head;
}

qint64 AuditLog::written() const
{
    QMutexLocker lock(&m_mutex);
    return m_written;
}

qint64 AuditLog::lost() const
{
    QMutexLocker lock(&m_mutex);
    return m_lost;
}

int AuditLog::pending() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_pending.size());
}

} // namespace tlr
