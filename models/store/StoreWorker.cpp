#include "StoreWorker.h"

#include "DatabaseUrl.h"
#include "SharedAcknowledgement.h"
#include "StoreLog.h"
#include "StoreSchema.h"
#include "StoreWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <span>

namespace tlr {
namespace {

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace

StoreWorker::StoreWorker(std::shared_ptr<StoreCounters> counters)
    : m_counters(std::move(counters))
    , m_batchTimer(this)
    , m_retentionTimer(this)
    , m_healthTimer(this)
{
    connect(&m_healthTimer, &QTimer::timeout, this, &StoreWorker::checkSharedConnection);
    m_batchTimer.setSingleShot(true);
    connect(&m_batchTimer, &QTimer::timeout, this, &StoreWorker::writePending);
    connect(&m_retentionTimer, &QTimer::timeout, this,
            [this] { applyRetention(QDateTime::currentDateTimeUtc()); });
}

StoreWorker::~StoreWorker()
{
    closeConnection();
}

void StoreWorker::submit(StoredMessage message)
{
    std::vector<StoredMessage> spent; // freed after the lock is released
    qsizetype size = 0;
    {
        QMutexLocker lock(&m_mutex);
        spent.swap(m_spent);
        waitForRoom(lock);
        size = static_cast<qsizetype>(m_pending.size());
        if (size < m_maxPending.load(std::memory_order_relaxed)) {
            m_pending.push_back(std::move(message));
            ++size;
        } else {
            size = -1;
        }
    }
    if (size < 0) {
        // The disk cannot keep up (or the store never opened): memory must stay bounded.
        ++m_counters->droppedMessages;
        if (!m_overflowing.exchange(true)) {
            const QString text = QStringLiteral("%1 messages wait for the event store: "
                                                "dropping new ones until it catches up")
                                     .arg(m_maxPending.load());
            qCWarning(lcStore).noquote() << text;
            emit failed(text);
        }
        return;
    }
    qint64 peak = m_counters->peakPending.load(std::memory_order_relaxed);
    while (size > peak && !m_counters->peakPending.compare_exchange_weak(peak, size)) {
    }
    // One wake-up per batch, not per message: 10,000 appends cost two queued calls.
    if (size == 1 || size == m_maxBatch.load(std::memory_order_relaxed))
        QMetaObject::invokeMethod(this, &StoreWorker::schedule, Qt::QueuedConnection);
}

// A producer faster than the disk waits for the store to take the full batch before it queues
// more, so that about two batches are in flight rather than everything the producer can parse:
// a queue of 100,000 messages grew the heap page by page on the producer's thread and cost it
// half its time in malloc and page faults. The wait is bounded: a store that takes no batch within
// maxAppendWaitMilliseconds (a slow disk, a locked database, a long retention pass) is behind, and
// producers queue without waiting, up to maxPendingMessages, until it takes the queue again.
void StoreWorker::waitForRoom(QMutexLocker<QMutex> &lock)
{
    const auto full = [this] {
        return qsizetype(m_pending.size()) >= m_maxBatch.load(std::memory_order_relaxed);
    };
    if (!full() || m_behind || !m_writing.load() || QThread::currentThread() == thread())
        return;
    const QDeadlineTimer deadline(m_maxAppendWait.load(std::memory_order_relaxed));
    while (full() && m_writing.load()) {
        if (!m_batchTaken.wait(lock.mutex(), deadline)) {
            m_behind = true;
            qCInfo(lcStore) << "the event store did not take a full batch within"
                            << m_maxAppendWait.load() << "ms: queueing without waiting";
            return;
        }
    }
}

void StoreWorker::schedule()
{
    qsizetype size = 0;
    {
        QMutexLocker lock(&m_mutex);
        size = static_cast<qsizetype>(m_pending.size());
    }
    if (size >= m_maxBatch.load(std::memory_order_relaxed))
        writePending();
    else if (size > 0 && !m_batchTimer.isActive())
        m_batchTimer.start(m_options.batchMilliseconds);
}

QString StoreWorker::openShared(const StoreOptions &options)
{
    const auto url = DatabaseUrl::parse(options.path);
    if (const auto *error = std::get_if<DatabaseUrl::Error>(&url))
        return error->message;
    const DatabaseUrl &where = std::get<DatabaseUrl>(url);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return QStringLiteral("cannot use %1: Qt's PostgreSQL driver (QPSQL) is not installed "
                              "(Debian: libqt6sql6-psql)")
            .arg(where.toString());
    }
    m_connectionName =
        QStringLiteral("tlr.shared.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_db.setHostName(where.host);
    m_db.setPort(where.port);
    m_db.setUserName(where.user);
    m_db.setDatabaseName(where.databaseName);
    // No password here: libpq reads PGPASSWORD or ~/.pgpass itself.
    QString connectOptions = QStringLiteral("connect_timeout=%1;application_name=tlr-wall")
                                 .arg(std::max(1, options.busyTimeoutMilliseconds / 1000));
    if (const QString tls = where.connectOptions(); !tls.isEmpty())
        connectOptions += u';' + tls;
    m_db.setConnectOptions(connectOptions);
    if (!m_db.open()) {
        const QString error = QStringLiteral("cannot connect to %1: %2")
                                  .arg(where.toString(), describe(m_db.lastError()).trimmed());
        closeConnection();
        return error;
    }
    if (const QString error = StoreSchema::migrateShared(m_db); !error.isEmpty()) {
        closeConnection();
        return error;
    }
    // Every console hears what the others change (SharedAcknowledgement's NOTIFY): the driver
    // watches the connection's socket on this thread's event loop.
    connect(m_db.driver(), &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource source, const QVariant &payload) {
                if (source == QSqlDriver::OtherSource)
                    emit sharedChange(payload.toString());
            });
    listenForChanges();
    m_shared = true;
    m_options = options;
    m_options.path = where.toString();
    // A server restarted or a cable pulled leaves the connection dead without a word: looked at
    // every few seconds, and opened again (with its LISTEN) once the server answers.
    m_healthTimer.start(std::chrono::seconds(2));
    qCInfo(lcStore).noquote() << "opened shared database" << where.toString() << "schema version"
                              << StoreSchema::currentVersion();
    return {};
}

void StoreWorker::listenForChanges()
{
    QSqlDriver *driver = m_db.driver();
    if (!driver->subscribeToNotification(QLatin1String(SharedAcknowledgement::kChangesChannel))) {
        qCWarning(lcStore).noquote() << "cannot listen for changes on" << m_options.path << ":"
                                     << describe(driver->lastError());
    }
}

void StoreWorker::checkSharedConnection()
{
    if (!m_shared)
        return;
    {
        QSqlQuery ping(m_db);
        if (m_db.isOpen() && ping.exec(QStringLiteral("SELECT 1")))
            return;
    }
    if (!m_connectionLost) {
        m_connectionLost = true;
        const QString message =
            QStringLiteral("lost the connection to %1: reconnecting").arg(m_options.path);
        qCWarning(lcStore).noquote() << message;
        emit failed(message);
    }
    m_db.close();
    if (!m_db.open())
        return; // tried again at the next check
    listenForChanges();
    m_connectionLost = false;
    qCInfo(lcStore).noquote() << "connected again to" << m_options.path;
    emit sharedChange(QStringLiteral("reconnected")); // what was missed: read it again
}

QString StoreWorker::open(const StoreOptions &options)
{
    if (isOpen())
        return QStringLiteral("the event store is already open on %1").arg(m_options.path);
    if (DatabaseUrl::isPostgres(options.path))
        return openShared(options);
    const QString path = QFileInfo(options.path).absoluteFilePath();
    const QString name = QDir::toNativeSeparators(path);
    if (options.path.isEmpty())
        return QStringLiteral("no database file given for the event store");
    if (!QFileInfo(path).absoluteDir().exists())
        return QStringLiteral("cannot create %1: its folder does not exist").arg(name);

    if (const QString error = StoreSchema::inspect(path, options.busyTimeoutMilliseconds);
        !error.isEmpty()) {
        return error;
    }
    if (!QFileInfo::exists(path)) {
        // Created empty and private before SQLite writes anything into it: the file holds
        // callers' names and phone numbers. SQLite gives its -wal and -shm files the same mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return QStringLiteral("cannot create %1: %2").arg(name, file.errorString());
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.close();
    }

    m_connectionName =
        QStringLiteral("tlr.store.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMilliseconds));
    if (!m_db.open()) {
        const QString error =
            QStringLiteral("cannot open %1: %2").arg(name, describe(m_db.lastError()));
        closeConnection();
        return error;
    }

    QSqlQuery pragma(m_db);
    // WAL lets the wall's queries read while a batch commits; NORMAL is durable across a crash
    // of the program, and loses at most the last batch when the machine loses power.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.next() ||
        pragma.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        const QString error = StoreSchema::isBusy(pragma.lastError())
                                  ? QStringLiteral("%1 is locked by another writer").arg(name)
                                  : QStringLiteral("%1: cannot switch to WAL mode: %2")
                                        .arg(name, describe(pragma.lastError()));
        pragma = QSqlQuery();
        closeConnection();
        return error;
    }
    // Checkpoints (the WAL copied back into the database, with an fsync) every 40 MB rather
    // than SQLite's default 4 MB: at the feeds' peak rates they were a fifth of the store's time.
    const char *const settings[] = {"PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                                    "PRAGMA wal_autocheckpoint=10000"};
    for (const char *setting : settings) {
        if (!pragma.exec(QString::fromLatin1(setting))) {
            const QString error = QStringLiteral("%1: %2").arg(name, describe(pragma.lastError()));
            pragma = QSqlQuery();
            closeConnection();
            return error;
        }
    }
    pragma = QSqlQuery();

    if (const QString error = StoreSchema::migrate(m_db); !error.isEmpty()) {
        closeConnection();
        return error;
    }
    auto writer = std::make_unique<StoreWriter>(m_db, options.keepRawMessages);
    if (const QString error = writer->prepare(); !error.isEmpty()) {
        writer.reset();
        closeConnection();
        return QStringLiteral("%1: %2").arg(name, error);
    }
    m_writer = std::move(writer);
    m_options = options;
    m_options.path = path;
    m_options.maxBatch = std::max(1, options.maxBatch);
    m_maxBatch.store(m_options.maxBatch);
    m_maxPending.store(std::max(1, options.maxPendingMessages));
    m_maxAppendWait.store(std::max(0, options.maxAppendWaitMilliseconds));
    m_writing = true;
    if (m_options.retentionIntervalMinutes > 0 && m_options.retentionDays > 0) {
        m_retentionTimer.start(std::chrono::minutes(m_options.retentionIntervalMinutes));
        QMetaObject::invokeMethod(
            this, [this] { applyRetention(QDateTime::currentDateTimeUtc()); },
            Qt::QueuedConnection);
    }
    qCInfo(lcStore) << "opened" << name << "schema version" << StoreSchema::currentVersion();
    // Messages appended before open() waited for it.
    QMetaObject::invokeMethod(this, &StoreWorker::schedule, Qt::QueuedConnection);
    return {};
}

void StoreWorker::close()
{
    writePending();
    closeConnection();
    std::vector<StoredMessage> spent;
    QMutexLocker lock(&m_mutex);
    spent.swap(m_spent);
    if (!m_pending.empty()) { // appended to a store that never opened
        m_counters->droppedMessages += static_cast<qint64>(m_pending.size());
        qCWarning(lcStore) << "closing: dropped" << m_pending.size() << "unwritten messages";
        m_pending.clear();
    }
}

void StoreWorker::closeConnection()
{
    if (m_writing.exchange(false)) {
        QMutexLocker lock(&m_mutex);
        m_batchTaken.wakeAll(); // nobody waits for a batch that will not be taken
    }
    m_batchTimer.stop();
    m_retentionTimer.stop();
    m_healthTimer.stop();
    m_writer.reset();
    m_shared = false;
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

void StoreWorker::writePending()
{
    m_batchTimer.stop();
    if (!m_writer)
        return; // kept until open(); close() and the destructor count what is left
    std::vector<StoredMessage> pending;
    // The next queue's room, allocated outside the lock; a batch at most, also after a queue
    // grew while the store was behind.
    pending.reserve(std::min(m_lastTaken, std::size_t(m_options.maxBatch)));
    {
        QMutexLocker lock(&m_mutex);
        pending.swap(m_pending);
        m_behind = false;
        m_batchTaken.wakeAll();
    }
    m_lastTaken = pending.size();
    m_overflowing = false;
    const std::span<const StoredMessage> all(pending);
    const auto batchSize = static_cast<std::size_t>(m_options.maxBatch);
    for (std::size_t first = 0; first < all.size(); first += batchSize) {
        const auto batch = all.subspan(first, std::min(batchSize, all.size() - first));
        const StoreWriter::Outcome outcome = m_writer->write(batch);
        if (!outcome.error.isEmpty()) {
            m_counters->droppedMessages += static_cast<qint64>(batch.size());
            const QString message = QStringLiteral("%1: %2 messages lost: %3")
                                        .arg(QDir::toNativeSeparators(m_options.path))
                                        .arg(batch.size())
                                        .arg(outcome.error);
            qCWarning(lcStore).noquote() << message;
            emit failed(message);
            continue;
        }
        m_counters->quarantined += outcome.quarantined;
        m_counters->duplicatesIgnored += outcome.duplicates;
        const qint64 total = m_counters->storedEvents += outcome.storedEvents;
        emit stored(total);
    }
    // Freed by the producer's next append, on the thread that allocated them: freed here, each
    // message's blocks went back to the other thread's heap under its lock, and its strings'
    // reference counts bounced between the cores. A batch not collected by then (a quiet feed)
    // is freed here: at most one batch waits.
    QMutexLocker lock(&m_mutex);
    if (m_spent.empty())
        m_spent.swap(pending);
    lock.unlock();
}

StoreReply<RetentionResult> StoreWorker::applyRetention(const QDateTime &now)
{
    if (!m_writer)
        return {{}, QStringLiteral("the event store is not open")};
    if (m_options.retentionDays <= 0)
        return {};
    writePending();
    auto reply = m_writer->applyRetention(
        now, m_options.retentionDays,
        std::max(m_options.retentionDays, m_options.hourRollupRetentionDays));
    if (!reply.ok()) {
        qCWarning(lcStore).noquote() << reply.error;
        emit failed(reply.error);
    } else if (reply.value.total() > 0) {
        qCInfo(lcStore) << "retention removed" << reply.value.total() << "rows older than"
                        << m_options.retentionDays << "days";
    }
    return reply;
}

} // namespace tlr
