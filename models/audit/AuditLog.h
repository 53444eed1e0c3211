#pragma once

#include "audit/AuditRecorder.h"
#include "audit/AuditTable.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>

#include <functional>

class QSqlDatabase;

namespace tlr {

class EventStore;

// The append-only, hash-chained audit log in the store's database. record() may be called from
// any thread and never waits: actions queue in call order and are chained and written on the
// store's thread, many to a transaction. The chain's head is read inside each write
// transaction, so that another process appending to the same file (tlr-wall --add-user beside a
// running wall) continues the chain instead of forking it.
//
// The store must be open and must outlive this object.
class AuditLog : public QObject, public AuditRecorder
{
    Q_OBJECT

public:
    explicit AuditLog(EventStore *store, QObject *parent = nullptr);
    ~AuditLog() override; // flushes

    void record(const AuditAction &action) override;

    // Runs change on the store's thread and records action in the same transaction, so that
    // an account is never changed without its entry or the other way round. The future holds
    // change's error (nothing committed), or an empty string. Actions recorded before are
    // written before it.
    using Change = std::function<QString(QSqlDatabase &)>;
    QFuture<QString> recordChange(Change change, AuditAction action);

    // Waits until everything recorded so far is committed, or has failed.
    void flush();

    AuditHead head() const;   // the last entry this process committed (seq 0 before any)
    qint64 written() const;   // entries this process committed
    qint64 lost() const;      // entries given up: the store closed, or the backlog overflowed
    int pending() const;

signals:
    void failed(const QString &message); // from the store's thread

private:
    void writePending(QSqlDatabase &db); // on the store's thread
    void committed(const AuditHead &head, qsizetype count);

    EventStore *m_store;
    mutable QMutex m_mutex;
    QList<AuditAction> m_pending; // guarded by m_mutex, in call order
    bool m_writeQueued = false;   // guarded: one queued write job at a time
    AuditHead m_head;             // guarded
    qint64 m_written = 0;         // guarded
    qint64 m_lost = 0;            // guarded
};

} // namespace tlr
