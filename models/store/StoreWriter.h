#pragma once

#include "MessageArchive.h"
#include "SqliteStatement.h"
#include "StoreRecords.h"
#include "StoredMessage.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <optional>
#include <span>

namespace tlr {

// Writes batches of messages into an open, migrated database, with statements prepared once.
// Lives on the store's thread, like the connection it uses.
class StoreWriter
{
public:
    struct Outcome
    {
        qint64 storedEvents = 0; // events that added something new
        qint64 quarantined = 0;  // quarantine rows added (whole messages or single events)
        qint64 duplicates = 0;   // messages and events that were already stored
        QString error;           // the batch was rolled back: nothing of it is stored
    };

    StoreWriter(const QSqlDatabase &db, bool keepRawMessages);

    QString prepare(); // empty on success
    Outcome write(std::span<const StoredMessage> batch);
    StoreReply<RetentionResult> applyRetention(const QDateTime &now, int retentionDays,
                                               int hourRollupRetentionDays);

private:
    // Keyed by the entity's row id and the quantity's number in m_quantities: hashing and
    // comparing an NGSI-LD URN, then a quantity's name, for every reading was a sixth of the
    // store thread's work.
    struct RollupKey
    {
        qint64 entityRow;
        qint64 bucketStart;
        int quantity;
        friend bool operator==(const RollupKey &, const RollupKey &) = default;
        friend size_t qHash(const RollupKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.entityRow, key.bucketStart, key.quantity);
        }
    };
    struct RollupValue
    {
        QString entityId; // what the rollup tables are keyed by
        qint64 count = 0;
        double min = 0.0;
        double max = 0.0;
        double sum = 0.0;
    };
    using Rollups = QHash<RollupKey, RollupValue>;
    // The keys the last batch wrote to one rollup table, which the next batch most likely
    // adds to, and the statement that adds to such a row.
    struct RollupRows
    {
        QSet<RollupKey> written;
        SqliteStatement update;
    };

    // The minute and hour an entity's quantity is being summed into in this batch. A sensor's
    // readings arrive in time order, so nearly every reading adds to the open buckets, found
    // by a look along the entity's few quantities: two hash lookups and a quantity's name
    // hashed for every reading were the largest share of the store thread's own code. A
    // reading for another minute or hour closes the bucket into the batch's rollups.
    struct OpenRollup
    {
        QString quantity;
        int number = -1; // in m_quantities
        qint64 minuteStart = 0;
        qint64 hourStart = 0;
        RollupValue minute; // count 0: none open
        RollupValue hour;
    };

    // What the entities table holds of an entity, so that a row is written only when a name
    // or type changes.
    struct EntityRow
    {
        qint64 id = -1;
        QString entityType;
        FeedKind kind = FeedKind::Unknown;
        QString source;
        QString name;
        QList<OpenRollup> rollups; // of the batch being written
    };
    struct PendingArchive
    {
        qint64 id = -1;
        MessageArchive archive;
    };
    // An unbroken stretch of one feed's sequence numbers stored in one archive.
    struct SeqRun
    {
        qint64 first = -1;
        qint64 last = -1;
        qint64 archive = -1;
    };
    // What the writer keeps of a feed, found by one lookup a message (three hashes of the
    // feed's name a message before).
    struct FeedState
    {
        PendingArchive pending; // of the batch being written; its buffer kept across batches
        QList<SeqRun> runs;     // of the batch being written
        // The highest stored sequence number, read when the feed is first seen: anything above
        // it is new without asking the database. Forgotten when a batch fails.
        std::optional<qint64> lastSeq;
    };

    // Each returns false when the statement failed in a way that dooms the transaction.
    bool writeMessage(const StoredMessage &message, Outcome &outcome);
    bool quarantine(const StoredMessage &message, const QString &reason, Outcome &outcome);
    bool writeObservation(const StoredMessage &message, int index, const Observation &o,
                          Outcome &outcome);
    bool writeAlert(const StoredMessage &message, int index, const Alert &alert, Outcome &outcome);
    bool writeReport(const StoredMessage &message, int index, const Report &report,
                     Outcome &outcome);
    // The observation's entity, writing its row when it is new or renamed; null when that
    // failed (outcome.error set when it dooms the transaction). Valid until the next call.
    EntityRow *entityRow(const Observation &o, Outcome &outcome);
    // Adds the quantities a stored observation lacks; false when a statement failed.
    bool mergeMeasurements(qint64 entity, qint64 observedAt, const QList<Measurement> &incoming,
                           QList<Measurement> &added, Outcome &outcome);
    void accumulateRollups(EntityRow &entity, const QString &entityId, qint64 observedAt,
                           const QList<Measurement> &measurements);
    // Moves the open buckets' sums into the batch's rollups, before they are written.
    void closeOpenRollups();
    static void addReading(RollupValue &r, double value);
    static void mergeRollup(RollupValue &into, const RollupValue &from);
    int quantityNumber(const QString &quantity);
    PendingArchive &archiveOf(FeedState &feed);
    // Whether the feed's message `seq` is stored, by this batch or before; -1: a statement
    // failed (outcome.error set when it dooms the transaction).
    int isStored(const QString &feed, FeedState &state, qint64 seq, Outcome &outcome);
    // -2: a statement failed
    qint64 lastStoredSeq(const QString &feed, FeedState &state, Outcome &outcome);
    void recordStored(FeedState &feed, qint64 seq, qint64 archive);
    bool writeRuns(Outcome &outcome);
    bool writeArchives(Outcome &outcome);
    bool loadNextArchiveId();
    bool flushRollups(Rollups &rollups, SqliteStatement &upsert, RollupRows &rows,
                      Outcome &outcome);
    // Runs a bound statement; false when it failed, with outcome.error set when the failure
    // dooms the transaction.
    bool run(SqliteStatement &statement, Outcome &outcome);

    QSqlDatabase m_db;
    bool m_keepRawMessages = true;
    SqliteStatement m_insertRun;
    SqliteStatement m_findRun;
    SqliteStatement m_lastRun;
    SqliteStatement m_insertArchive;
    SqliteStatement m_insertQuarantine;
    SqliteStatement m_upsertEntity;
    SqliteStatement m_insertObservation;
    SqliteStatement m_findObservation;
    SqliteStatement m_updateMeasurements;
    SqliteStatement m_insertAlert;
    SqliteStatement m_insertReport;
    SqliteStatement m_upsertMinute;
    SqliteStatement m_upsertHour;
    Rollups m_minuteRollups; // of the batch being written, flushed before COMMIT
    Rollups m_hourRollups;
    RollupRows m_minute;
    RollupRows m_hour;
    QHash<QString, int> m_quantityNumbers; // the rollups' quantities: numbers of this batch
    QList<QString> m_quantities;           // by number
    QByteArray m_measurementsJson;         // the row being written's, its buffer kept
    QHash<QString, EntityRow> m_entities;          // by entity id; cleared when a batch fails
    QHash<QString, FeedState> m_feeds;
    qint64 m_nextArchiveId = 1;
    MessageArchive::Compressor m_compressor; // the archives' blobs, one context for all
};

} // namespace tlr
