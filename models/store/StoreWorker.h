#pragma once

#include "StoreOptions.h"
#include "StoreReader.h"
#include "StoreRecords.h"
#include "StoredMessage.h"

#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <vector>

namespace tlr {

class StoreWriter;

// Figures the GUI thread reads while the store's thread writes them.
struct StoreCounters
{
    std::atomic<qint64> storedEvents{0};
    std::atomic<qint64> quarantined{0};
    std::atomic<qint64> duplicatesIgnored{0};
    std::atomic<qint64> droppedMessages{0}; // lost to a failed transaction or a closed store
    std::atomic<qint64> peakPending{0};     // the most messages ever queued at once
};

// The event store's half that lives on its own thread and owns the database connection (an
// SQLite connection is used only on the thread that opened it). Only submit() may be called
// from another thread; EventStore runs everything else on this object's thread.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    explicit StoreWorker(std::shared_ptr<StoreCounters> counters);
    ~StoreWorker() override;

    // Any thread: queues a message; the first one of a batch arms the batch timer. While a full
    // batch waits to be taken it waits too, at most StoreOptions::maxAppendWaitMilliseconds.
    void submit(StoredMessage message);

    // A file path opens an SQLite event store; a postgresql:// URL the shared database, which
    // holds only the shared tables (no messages are appended to it).
    QString open(const StoreOptions &options);
    void close(); // writes what is pending first
    bool isOpen() const { return m_writer != nullptr || m_shared; }
    bool isShared() const { return m_shared; }
    void writePending();
    StoreReply<RetentionResult> applyRetention(const QDateTime &now);
    StoreReader reader() const { return StoreReader(m_db); }
    QSqlDatabase database() const { return m_db; } // for the store's own tables' classes
    QSqlDatabase &connection() { return m_db; } // not open while the store is closed

signals:
    void stored(qint64 totalEvents);
    void failed(const QString &message);
    // Another console's NOTIFY payload ("alert:<id>"), or "reconnected" after the connection
    // was lost: what changed meanwhile is unknown, read everything again.
    void sharedChange(const QString &what);

private:
    void waitForRoom(QMutexLocker<QMutex> &lock);
    void schedule();
    void closeConnection();
    QString openShared(const StoreOptions &options);
    void listenForChanges();
    void checkSharedConnection();

    std::shared_ptr<StoreCounters> m_counters;
    QMutex m_mutex;
    std::vector<StoredMessage> m_pending; // guarded by m_mutex
    // Written messages, freed by the next submit() on the thread that allocated them: guarded by
    // m_mutex.
    std::vector<StoredMessage> m_spent;
    QWaitCondition m_batchTaken;   // with m_mutex: writePending() took the queue
    bool m_behind = false;         // guarded by m_mutex: a full batch was not taken in time
    std::atomic<bool> m_writing{false}; // a writer is open: a full batch will be taken
    std::atomic<int> m_maxAppendWait{200};
    std::size_t m_lastTaken = 0;   // store's thread: the size of the last queue taken
    std::atomic<int> m_maxBatch{5000};
    std::atomic<qsizetype> m_maxPending{500000};
    std::atomic<bool> m_overflowing{false}; // reported once per episode, not per message
    StoreOptions m_options;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<StoreWriter> m_writer;
    bool m_shared = false; // a PostgreSQL connection: no writer, no retention
    QTimer m_batchTimer;
    QTimer m_retentionTimer;
    QTimer m_healthTimer; // shared: is the server still there?
    bool m_connectionLost = false;
};

} // namespace tlr
