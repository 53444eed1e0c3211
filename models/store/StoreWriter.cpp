#include "StoreWriter.h"

#include "AlertJson.h"
#include "MeasurementsJson.h"
#include "StoreLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace tlr {
namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

qint64 bucketStart(qint64 ms, qint64 size)
{
    return ms - ((ms % size) + size) % size; // floor, also before 1970
}

void bindCoordinate(SqliteStatement &statement, int index, double value, bool valid)
{
    if (valid)
        statement.bind(index, value);
    else
        statement.bindNull(index);
}

void bindSeq(SqliteStatement &statement, int index, qint64 seq)
{
    if (seq >= 0)
        statement.bind(index, seq);
    else
        statement.bindNull(index);
}

// Errors after which SQLite may have rolled the transaction back on its own (disk full, I/O,
// out of memory, corruption): the batch cannot continue. A constraint or type error only
// spoils the one row.
bool isFatal(int extendedCode)
{
    const int code = extendedCode & 0xff;
    constexpr int kTooBig = 18, kConstraint = 19, kMismatch = 20, kRange = 25;
    return code != kTooBig && code != kConstraint && code != kMismatch && code != kRange;
}

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// A caller's name and number live in the reports table only, where retention and access rules
// apply to them; the raw frame that carried them is not kept.
bool carriesPersonalData(const StoredMessage &message)
{
    return !message.personalDetails.isEmpty();
}

PersonalDetails detailsOf(const StoredMessage &message, const QString &reportId)
{
    for (const PersonalDetails &details : message.personalDetails) {
        if (details.reportId == reportId)
            return details;
    }
    return {};
}

QJsonValue withoutReporters(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(withoutReporters(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    object.remove(QLatin1String("reporter"));
    for (auto it = object.begin(); it != object.end(); ++it)
        *it = withoutReporters(*it);
    return object;
}

// What a refused frame keeps for the operator to look at. A refused report is the same person's
// name and number as an accepted one, with no reports row to keep them: the reporter is taken
// out, and a frame that might hold one but cannot be read is not kept at all.
QByteArray quarantinedBytes(const StoredMessage &message)
{
    if (!message.bytes.contains("\"reporter\"") && message.personalDetails.isEmpty())
        return message.bytes;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(message.bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    const QJsonValue kept =
        withoutReporters(document.isArray() ? QJsonValue(document.array()) : document.object());
    return kept.isArray() ? QJsonDocument(kept.toArray()).toJson(QJsonDocument::Compact)
                          : QJsonDocument(kept.toObject()).toJson(QJsonDocument::Compact);
}

QString eventPath(int index)
{
    return QStringLiteral("events[%1]").arg(index);
}

} // namespace

StoreWriter::StoreWriter(const QSqlDatabase &db, bool keepRawMessages)
    : m_db(db)
    , m_keepRawMessages(keepRawMessages)
{
}

QString StoreWriter::prepare()
{
    const auto rollupUpsert = [](QLatin1String table) {
        return QString::fromLatin1(
                   "INSERT INTO %1 (entity_id, quantity, bucket_start, sample_count, min_value, "
                   "max_value, sum_value) VALUES (?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (entity_id, quantity, bucket_start) DO UPDATE SET "
                   "sample_count = sample_count + excluded.sample_count, "
                   "min_value = min(min_value, excluded.min_value), "
                   "max_value = max(max_value, excluded.max_value), "
                   "sum_value = sum_value + excluded.sum_value")
            .arg(table)
            .toUtf8();
    };
    // The same parameters as the upsert's, for a row the last batch wrote.
    const auto rollupUpdate = [](QLatin1String table) {
        return QString::fromLatin1(
                   "UPDATE %1 SET sample_count = sample_count + ?4, "
                   "min_value = min(min_value, ?5), max_value = max(max_value, ?6), "
                   "sum_value = sum_value + ?7 "
                   "WHERE entity_id = ?1 AND quantity = ?2 AND bucket_start = ?3")
            .arg(table)
            .toUtf8();
    };
    const std::pair<SqliteStatement *, QByteArray> statements[] = {
        {&m_insertRun,
         QByteArrayLiteral("INSERT INTO message_runs (feed, first_seq, last_seq, archive) "
                        "VALUES (?, ?, ?, ?)")},
        // Runs never overlap: the one starting last at or before seq is the only candidate.
        {&m_findRun,
         QByteArrayLiteral("SELECT last_seq FROM message_runs WHERE feed = ? AND first_seq <= ? "
                        "ORDER BY first_seq DESC LIMIT 1")},
        {&m_lastRun,
         QByteArrayLiteral("SELECT last_seq FROM message_runs WHERE feed = ? "
                        "ORDER BY first_seq DESC LIMIT 1")},
        {&m_insertArchive,
         QByteArrayLiteral("INSERT INTO message_archive (id, feed, first_seq, last_seq, "
                        "first_received_at, last_received_at, message_count, encoding, bytes) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        {&m_insertQuarantine,
         QByteArrayLiteral("INSERT INTO quarantine (feed, seq, received_at, reason, bytes) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, seq, reason) DO NOTHING")},
        {&m_upsertEntity,
         QByteArrayLiteral("INSERT INTO entities (entity_id, entity_type, kind, source, name) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity_id) DO UPDATE SET "
                        "entity_type = excluded.entity_type, kind = excluded.kind, "
                        "source = excluded.source, name = excluded.name RETURNING id")},
        {&m_insertObservation,
         QByteArrayLiteral("INSERT INTO observations (entity, observed_at, lat, lon, kecamatan, "
                        "status, measurements) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (entity, observed_at) DO NOTHING")},
        {&m_findObservation,
         QByteArrayLiteral("SELECT id, measurements FROM observations "
                        "WHERE entity = ? AND observed_at = ?")},
        {&m_updateMeasurements,
         QByteArrayLiteral("UPDATE observations SET measurements = ? WHERE id = ?")},
        {&m_insertAlert,
         QByteArrayLiteral("INSERT INTO alerts (source, identifier, sender, sent, status, msg_type, "
                        "severity, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (sender, identifier, sent) DO NOTHING")},
        {&m_insertReport,
         QByteArrayLiteral("INSERT INTO reports (id, source, received_at, channel, kind, category, "
                        "emergency, kecamatan, lat, lon, agency, description, reporter_name, "
                        "reporter_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO NOTHING")},
        {&m_upsertMinute, rollupUpsert(QLatin1String("rollups_minute"))},
        {&m_upsertHour, rollupUpsert(QLatin1String("rollups_hour"))},
        {&m_minute.update, rollupUpdate(QLatin1String("rollups_minute"))},
        {&m_hour.update, rollupUpdate(QLatin1String("rollups_hour"))},
    };
    sqlite3 *handle = SqliteStatement::handleOf(m_db);
    if (!handle)
        return QStringLiteral("the store's connection is not an SQLite connection");
    for (const auto &[statement, sql] : statements) {
        if (!statement->prepare(handle, sql.constData()))
            return QStringLiteral("cannot prepare a statement: %1").arg(statement->errorMessage());
    }
    if (!loadNextArchiveId())
        return QStringLiteral("cannot read the message archive: %1").arg(describe(m_db.lastError()));
    return {};
}

// Archive rows get their ids before they are written, so that each message's row can name its
// archive as it goes in; this writer is the database's only writer.
bool StoreWriter::loadNextArchiveId()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM message_archive")) ||
        !query.next())
        return false;
    m_nextArchiveId = query.value(0).toLongLong();
    return true;
}

StoreWriter::PendingArchive &StoreWriter::archiveOf(FeedState &feed)
{
    PendingArchive &pending = feed.pending; // kept across batches: its buffer is reused
    if (pending.id < 0)
        pending.id = m_nextArchiveId++;
    return pending;
}

bool StoreWriter::writeArchives(Outcome &outcome)
{
    for (auto it = m_feeds.cbegin(); it != m_feeds.cend(); ++it) {
        const MessageArchive &archive = it->pending.archive;
        if (archive.isEmpty())
            continue;
        const QByteArray blob = archive.compressed(m_compressor);
        m_insertArchive.reset();
        m_insertArchive.bind(1, it->pending.id);
        m_insertArchive.bind(2, it.key());
        bindSeq(m_insertArchive, 3, archive.firstSeq());
        bindSeq(m_insertArchive, 4, archive.lastSeq());
        m_insertArchive.bind(5, archive.firstReceivedAtMs());
        m_insertArchive.bind(6, archive.lastReceivedAtMs());
        m_insertArchive.bind(7, qint64(archive.count()));
        m_insertArchive.bind(8, QString::fromLatin1(MessageArchive::kEncoding));
        m_insertArchive.bind(9, blob);
        if (!run(m_insertArchive, outcome)) {
            if (outcome.error.isEmpty())
                outcome.error = m_insertArchive.errorMessage(); // the messages name this row
            return false;
        }
    }
    return true;
}

qint64 StoreWriter::lastStoredSeq(const QString &feed, FeedState &state, Outcome &outcome)
{
    if (state.lastSeq)
        return *state.lastSeq;
    m_lastRun.reset();
    m_lastRun.bind(1, feed);
    if (!run(m_lastRun, outcome))
        return -2;
    const qint64 last = m_lastRun.hasRow() ? m_lastRun.columnInt64(0) : -1;
    m_lastRun.reset();
    state.lastSeq = last;
    return last;
}

int StoreWriter::isStored(const QString &feed, FeedState &state, qint64 seq, Outcome &outcome)
{
    const qint64 last = lastStoredSeq(feed, state, outcome);
    if (last == -2)
        return -1;
    if (seq > last)
        return 0; // the common case: a healthy feed's next message
    // A replay after a reconnect or a restart, or a message that overtook others.
    for (const SeqRun &run : std::as_const(state.runs)) {
        if (seq >= run.first && seq <= run.last)
            return 1;
    }
    m_findRun.reset();
    m_findRun.bind(1, feed);
    m_findRun.bind(2, seq);
    if (!run(m_findRun, outcome))
        return -1;
    const bool stored = m_findRun.hasRow() && m_findRun.columnInt64(0) >= seq;
    m_findRun.reset();
    return stored ? 1 : 0;
}

void StoreWriter::recordStored(FeedState &feed, qint64 seq, qint64 archive)
{
    QList<SeqRun> &runs = feed.runs;
    if (!runs.isEmpty() && runs.last().archive == archive && runs.last().last + 1 == seq)
        runs.last().last = seq;
    else
        runs.append({seq, seq, archive});
    // Read by isStored() before: known unless a failed batch forgot it, then read again.
    if (feed.lastSeq)
        feed.lastSeq = std::max(*feed.lastSeq, seq);
}

bool StoreWriter::writeRuns(Outcome &outcome)
{
    for (auto feed = m_feeds.cbegin(); feed != m_feeds.cend(); ++feed) {
        for (const SeqRun &stretch : feed->runs) {
            m_insertRun.reset();
            m_insertRun.bind(1, feed.key());
            m_insertRun.bind(2, stretch.first);
            m_insertRun.bind(3, stretch.last);
            m_insertRun.bind(4, stretch.archive);
            if (!run(m_insertRun, outcome)) {
                if (outcome.error.isEmpty())
                    outcome.error = m_insertRun.errorMessage(); // a message would go unaccounted
                return false;
            }
        }
    }
    return true;
}

StoreWriter::Outcome StoreWriter::write(std::span<const StoredMessage> batch)
{
    Outcome outcome;
    if (batch.empty())
        return outcome;
    m_minuteRollups.clear();
    m_hourRollups.clear();
    // Numbers name quantities within a batch's rollups only: a feed inventing quantity names
    // cannot grow the table beyond a batch's worth.
    if (m_quantities.size() > 1024) {
        m_quantityNumbers.clear();
        m_quantities.clear();
        for (EntityRow &entity : m_entities)
            entity.rollups.clear(); // their numbers named the old quantities
    }
    for (FeedState &feed : m_feeds) {
        feed.pending.archive.clear();
        feed.pending.id = -1;
        feed.runs.clear();
    }
    const qint64 firstArchiveId = m_nextArchiveId;
    if (!m_db.transaction()) {
        outcome.error =
            QStringLiteral("cannot begin a transaction: %1").arg(describe(m_db.lastError()));
        return outcome;
    }
    bool ok = true;
    for (const auto &message : batch) {
        if (!writeMessage(message, outcome)) {
            ok = false;
            break;
        }
    }
    if (ok)
        closeOpenRollups();
    ok = ok && writeArchives(outcome) && writeRuns(outcome) &&
         flushRollups(m_minuteRollups, m_upsertMinute, m_minute, outcome) &&
         flushRollups(m_hourRollups, m_upsertHour, m_hour, outcome);
    if (ok && !m_db.commit()) {
        outcome.error = QStringLiteral("commit failed: %1").arg(describe(m_db.lastError()));
        ok = false;
    }
    if (!ok) {
        m_db.rollback();
        m_nextArchiveId = firstArchiveId;
        m_entities.clear(); // rows this batch added are gone with it
        for (FeedState &feed : m_feeds)
            feed.lastSeq.reset();
        const QString error = outcome.error;
        outcome = {};
        outcome.error = error;
    }
    return outcome;
}

bool StoreWriter::run(SqliteStatement &statement, Outcome &outcome)
{
    const int result = statement.step();
    if (result == SqliteStatement::kDone || result == SqliteStatement::kRow)
        return true;
    if (isFatal(result))
        outcome.error = statement.errorMessage();
    return false;
}

bool StoreWriter::writeMessage(const StoredMessage &message, Outcome &outcome)
{
    if (message.isRejected())
        return quarantine(message, message.rejectReason, outcome);

    // One lookup of the feed a message: its archive, runs and highest number together.
    FeedState &feed = m_feeds[message.feed];
    PendingArchive &pending = archiveOf(feed);
    if (message.seq >= 0) {
        const int stored = isStored(message.feed, feed, message.seq, outcome);
        if (stored < 0) {
            if (!outcome.error.isEmpty())
                return false;
            return quarantine(message,
                              QStringLiteral("database refused the message: %1")
                                  .arg(m_findRun.errorMessage()),
                              outcome);
        }
        if (stored > 0) {
            // The feed sent this sequence number before (a replay after a reconnect or a
            // restart): its events are already stored.
            ++outcome.duplicates;
            return true;
        }
        recordStored(feed, message.seq, pending.id);
    }
    pending.archive.add(message, m_keepRawMessages && !carriesPersonalData(message));
    for (int i = 0; i < message.events.size(); ++i) {
        const bool ok = std::visit(
            [&](const auto &event) {
                using T = std::decay_t<decltype(event)>;
                if constexpr (std::is_same_v<T, Observation>)
                    return writeObservation(message, i, event, outcome);
                else if constexpr (std::is_same_v<T, Alert>)
                    return writeAlert(message, i, event, outcome);
                else
                    return writeReport(message, i, event, outcome);
            },
            message.events.at(i));
        if (!ok)
            return false;
    }
    return true;
}

bool StoreWriter::quarantine(const StoredMessage &message, const QString &reason, Outcome &outcome)
{
    m_insertQuarantine.reset();
    m_insertQuarantine.bind(1, message.feed);
    bindSeq(m_insertQuarantine, 2, message.seq);
    m_insertQuarantine.bind(3, message.receivedAt.toMSecsSinceEpoch());
    m_insertQuarantine.bind(4, reason);
    // Bound without a copy: the bytes must live until the statement has run (a temporary
    // here was read after it was freed, ASan in test_store).
    const QByteArray kept = quarantinedBytes(message);
    m_insertQuarantine.bind(5, kept); // null: NULL
    if (!run(m_insertQuarantine, outcome)) {
        qCWarning(lcStore) << "cannot quarantine a message of" << message.feed << message.seq
                           << m_insertQuarantine.errorMessage();
        return outcome.error.isEmpty();
    }
    if (m_insertQuarantine.changes() == 0)
        ++outcome.duplicates;
    else
        ++outcome.quarantined;
    return true;
}

bool StoreWriter::writeObservation(const StoredMessage &message, int index, const Observation &o,
                                   Outcome &outcome)
{
    if (o.entityId.isEmpty())
        return quarantine(message, eventPath(index) + QStringLiteral(": observation without an entity id"),
                          outcome);
    if (!o.observedAt.isValid()) {
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": observation of %1 without a valid "
                                                "observedAt")
                                     .arg(o.entityId),
                          outcome);
    }
    const auto storable = [](const Measurement &m) {
        return std::isfinite(m.value) && !m.quantity.isEmpty();
    };
    // Nearly always every reading is a number: then the event's own list is written, uncopied.
    const QList<Measurement> *measurements = &o.measurements;
    QList<Measurement> finite;
    if (!std::all_of(o.measurements.cbegin(), o.measurements.cend(), storable)) {
        finite.reserve(o.measurements.size());
        for (int m = 0; m < o.measurements.size(); ++m) {
            const Measurement &measurement = o.measurements.at(m);
            if (storable(measurement)) {
                finite.append(measurement);
                continue;
            }
            // One bad number must not cost the station's other readings.
            quarantine(message,
                       QStringLiteral("%1/measurements[%2]: %3 of %4 is not a finite number")
                           .arg(eventPath(index))
                           .arg(m)
                           .arg(measurement.quantity, o.entityId),
                       outcome);
            if (!outcome.error.isEmpty())
                return false;
        }
        measurements = &finite;
    }

    EntityRow *const entityRow = this->entityRow(o, outcome);
    if (!entityRow) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": database refused entity %1: %2")
                                     .arg(o.entityId, m_upsertEntity.errorMessage()),
                          outcome);
    }
    const qint64 entity = entityRow->id;
    const qint64 observedAt = o.observedAt.toMSecsSinceEpoch();
    const bool located = o.location.isValid();
    MeasurementsJson::encode(*measurements, m_measurementsJson);
    m_insertObservation.reset();
    m_insertObservation.bind(1, entity);
    m_insertObservation.bind(2, observedAt);
    bindCoordinate(m_insertObservation, 3, o.location.latitude(), located);
    bindCoordinate(m_insertObservation, 4, o.location.longitude(), located);
    m_insertObservation.bind(5, o.kecamatan);
    m_insertObservation.bind(6, o.status);
    m_insertObservation.bindText(7, m_measurementsJson);
    if (!run(m_insertObservation, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": database refused it: %1")
                                     .arg(m_insertObservation.errorMessage()),
                          outcome);
    }
    if (m_insertObservation.changes() > 0) {
        accumulateRollups(*entityRow, o.entityId, observedAt, *measurements);
        ++outcome.storedEvents;
        return true;
    }
    // Stored before: a replay, or a second message adding readings taken at the same time.
    QList<Measurement> added;
    if (!mergeMeasurements(entity, observedAt, *measurements, added, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": database refused its added readings: %1")
                                     .arg(m_updateMeasurements.errorMessage()),
                          outcome);
    }
    accumulateRollups(*entityRow, o.entityId, observedAt, added);
    if (added.isEmpty())
        ++outcome.duplicates;
    else
        ++outcome.storedEvents;
    return true;
}

StoreWriter::EntityRow *StoreWriter::entityRow(const Observation &o, Outcome &outcome)
{
    const auto cached = m_entities.find(o.entityId);
    if (cached != m_entities.end() && cached->kind == o.kind &&
        cached->entityType == o.entityType && cached->source == o.source &&
        cached->name == o.name)
        return &*cached;

    m_upsertEntity.reset();
    m_upsertEntity.bind(1, o.entityId);
    m_upsertEntity.bind(2, o.entityType);
    m_upsertEntity.bind(3, feedKindKey(o.kind));
    m_upsertEntity.bind(4, o.source);
    m_upsertEntity.bind(5, o.name);
    if (!run(m_upsertEntity, outcome) || !m_upsertEntity.hasRow())
        return nullptr;
    const qint64 id = m_upsertEntity.columnInt64(0);
    m_upsertEntity.reset(); // RETURNING leaves the statement mid-way until it is reset
    // Renamed: the batch's open rollups stay with it.
    EntityRow &row = cached != m_entities.end() ? *cached : m_entities[o.entityId];
    row.id = id;
    row.entityType = o.entityType;
    row.kind = o.kind;
    row.source = o.source;
    row.name = o.name;
    return &row;
}

bool StoreWriter::mergeMeasurements(qint64 entity, qint64 observedAt,
                                    const QList<Measurement> &incoming, QList<Measurement> &added,
                                    Outcome &outcome)
{
    m_findObservation.reset();
    m_findObservation.bind(1, entity);
    m_findObservation.bind(2, observedAt);
    if (!run(m_findObservation, outcome))
        return false;
    if (!m_findObservation.hasRow())
        return true;
    const qint64 id = m_findObservation.columnInt64(0);
    QList<Measurement> merged = MeasurementsJson::decode(m_findObservation.columnBytes(1));
    m_findObservation.reset();
    for (const Measurement &measurement : incoming) {
        const bool known = std::any_of(merged.cbegin(), merged.cend(), [&](const Measurement &m) {
            return m.quantity == measurement.quantity;
        });
        if (!known) {
            merged.append(measurement);
            added.append(measurement);
        }
    }
    if (added.isEmpty())
        return true;
    const QByteArray json = MeasurementsJson::encode(merged);
    m_updateMeasurements.reset();
    m_updateMeasurements.bindText(1, json);
    m_updateMeasurements.bind(2, id);
    if (!run(m_updateMeasurements, outcome)) {
        added.clear();
        return false;
    }
    return true;
}

int StoreWriter::quantityNumber(const QString &quantity)
{
    const auto known = m_quantityNumbers.constFind(quantity);
    if (known != m_quantityNumbers.cend())
        return *known;
    const int number = int(m_quantities.size());
    m_quantities.append(quantity);
    m_quantityNumbers.insert(quantity, number);
    return number;
}

void StoreWriter::addReading(RollupValue &r, double value)
{
    r.min = r.count == 0 ? value : std::min(r.min, value);
    r.max = r.count == 0 ? value : std::max(r.max, value);
    r.sum += value;
    ++r.count;
}

void StoreWriter::accumulateRollups(EntityRow &entity, const QString &entityId, qint64 observedAt,
                                    const QList<Measurement> &measurements)
{
    const qint64 minute = bucketStart(observedAt, kMinute);
    const qint64 hour = bucketStart(observedAt, kHour);
    for (const Measurement &measurement : measurements) {
        // Interned names (FastFrameParser) are the same string; others compare by text.
        const auto open = std::find_if(
            entity.rollups.begin(), entity.rollups.end(), [&](const OpenRollup &r) {
                return r.quantity.constData() == measurement.quantity.constData() ||
                       r.quantity == measurement.quantity;
            });
        OpenRollup *r = open != entity.rollups.end() ? &*open : nullptr;
        if (!r) {
            r = &entity.rollups.emplaceBack();
            r->quantity = measurement.quantity;
            r->number = quantityNumber(measurement.quantity);
        }
        const auto add = [&](Rollups &rollups, qint64 &start, RollupValue &value, qint64 bucket) {
            if (value.count > 0 && start != bucket) {
                mergeRollup(rollups[{entity.id, start, r->number}], value);
                value = {};
            }
            if (value.count == 0) {
                start = bucket;
                value.entityId = entityId;
            }
            addReading(value, measurement.value);
        };
        add(m_minuteRollups, r->minuteStart, r->minute, minute);
        add(m_hourRollups, r->hourStart, r->hour, hour);
    }
}

void StoreWriter::closeOpenRollups()
{
    for (EntityRow &entity : m_entities) {
        for (OpenRollup &r : entity.rollups) {
            if (r.minute.count > 0)
                mergeRollup(m_minuteRollups[{entity.id, r.minuteStart, r.number}], r.minute);
            if (r.hour.count > 0)
                mergeRollup(m_hourRollups[{entity.id, r.hourStart, r.number}], r.hour);
            r.minute = {};
            r.hour = {};
        }
    }
}

void StoreWriter::mergeRollup(RollupValue &into, const RollupValue &from)
{
    if (into.count == 0) {
        into = from;
        return;
    }
    into.min = std::min(into.min, from.min);
    into.max = std::max(into.max, from.max);
    into.sum += from.sum;
    into.count += from.count;
}

bool StoreWriter::writeAlert(const StoredMessage &message, int index, const Alert &alert,
                             Outcome &outcome)
{
    if (alert.identifier.isEmpty() || alert.sender.isEmpty() || !alert.sent.isValid()) {
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": alert without identifier, sender "
                                                "or sent"),
                          outcome);
    }
    m_insertAlert.reset();
    m_insertAlert.bind(1, alert.source);
    m_insertAlert.bind(2, alert.identifier);
    m_insertAlert.bind(3, alert.sender);
    m_insertAlert.bind(4, alert.sent.toMSecsSinceEpoch());
    m_insertAlert.bind(5, AlertJson::statusKey(alert.status));
    m_insertAlert.bind(6, AlertJson::msgTypeKey(alert.msgType));
    m_insertAlert.bind(7, severityKey(alert.highestSeverity()));
    m_insertAlert.bind(8, QString::fromUtf8(AlertJson::toJson(alert)));
    if (!run(m_insertAlert, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": database refused it: %1")
                                     .arg(m_insertAlert.errorMessage()),
                          outcome);
    }
    if (m_insertAlert.changes() == 0)
        ++outcome.duplicates; // CAP: sender, identifier and sent name one message
    else
        ++outcome.storedEvents;
    return true;
}

bool StoreWriter::writeReport(const StoredMessage &message, int index, const Report &report,
                              Outcome &outcome)
{
    if (report.id.isEmpty())
        return quarantine(message, eventPath(index) + QStringLiteral(": report without an id"), outcome);
    // A report's own time is what the operator sorts by; the wire time stands in for it.
    const QDateTime receivedAt =
        report.receivedAt.isValid() ? report.receivedAt : message.receivedAt;
    const bool located = report.location.isValid();
    m_insertReport.reset();
    m_insertReport.bind(1, report.id);
    m_insertReport.bind(2, report.source);
    m_insertReport.bind(3, receivedAt.toMSecsSinceEpoch());
    m_insertReport.bind(4, channelKey(report.channel));
    m_insertReport.bind(5, reportKindKey(report.kind));
    m_insertReport.bind(6, report.category);
    m_insertReport.bind(7, qint64(report.emergency ? 1 : 0));
    m_insertReport.bind(8, report.kecamatan);
    bindCoordinate(m_insertReport, 9, report.location.latitude(), located);
    bindCoordinate(m_insertReport, 10, report.location.longitude(), located);
    m_insertReport.bind(11, agencyKey(report.agency));
    m_insertReport.bind(12, report.description);
    const PersonalDetails reporter = detailsOf(message, report.id);
    m_insertReport.bind(13, reporter.name);
    m_insertReport.bind(14, reporter.phone);
    if (!run(m_insertReport, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          eventPath(index) + QStringLiteral(": database refused it: %1")
                                     .arg(m_insertReport.errorMessage()),
                          outcome);
    }
    if (m_insertReport.changes() == 0)
        ++outcome.duplicates;
    else
        ++outcome.storedEvents;
    return true;
}

StoreReply<RetentionResult> StoreWriter::applyRetention(const QDateTime &now, int retentionDays,
                                                        int hourRollupRetentionDays)
{
    StoreReply<RetentionResult> reply;
    const qint64 cutoff = now.toMSecsSinceEpoch() - qint64(retentionDays) * kDay;
    const qint64 hourCutoff = now.toMSecsSinceEpoch() - qint64(hourRollupRetentionDays) * kDay;
    struct Pass
    {
        const char *sql;
        qint64 cutoff;
        qint64 RetentionResult::*count;
    };
    // Reports go too: a caller's name and number are kept no longer than the rest.
    const Pass passes[] = {
        {"DELETE FROM observations WHERE observed_at < ?", cutoff, &RetentionResult::observations},
        {"DELETE FROM messages_v4 WHERE received_at < ?", cutoff, &RetentionResult::messages},
        {"DELETE FROM alerts WHERE sent < ?", cutoff, &RetentionResult::alerts},
        {"DELETE FROM reports WHERE received_at < ?", cutoff, &RetentionResult::reports},
        {"DELETE FROM quarantine WHERE received_at < ?", cutoff, &RetentionResult::quarantine},
        {"DELETE FROM rollups_minute WHERE bucket_start < ?", cutoff,
         &RetentionResult::minuteRollups},
        {"DELETE FROM rollups_hour WHERE bucket_start < ?", hourCutoff,
         &RetentionResult::hourRollups},
    };
    if (!m_db.transaction()) {
        reply.error = describe(m_db.lastError());
        return reply;
    }
    QSqlQuery query(m_db);
    const auto fail = [&](const QSqlQuery &failed) {
        reply.error = QStringLiteral("retention failed: %1").arg(describe(failed.lastError()));
        m_db.rollback();
        return reply;
    };
    for (const auto &pass : passes) {
        query.prepare(QString::fromLatin1(pass.sql));
        query.bindValue(0, pass.cutoff);
        if (!query.exec())
            return fail(query);
        reply.value.*pass.count = query.numRowsAffected();
    }
    // A message's run goes with its archive; a run's length is the number of messages it held.
    query.prepare(QStringLiteral(
        "SELECT coalesce(sum(last_seq - first_seq + 1), 0) FROM message_runs WHERE archive IN "
        "(SELECT id FROM message_archive WHERE last_received_at < ?)"));
    query.addBindValue(cutoff);
    if (!query.exec() || !query.next())
        return fail(query);
    reply.value.messages += query.value(0).toLongLong();
    query.prepare(QStringLiteral("DELETE FROM message_runs WHERE archive IN "
                                 "(SELECT id FROM message_archive WHERE last_received_at < ?)"));
    query.addBindValue(cutoff);
    if (!query.exec())
        return fail(query);
    query.prepare(QStringLiteral("DELETE FROM message_archive WHERE last_received_at < ?"));
    query.addBindValue(cutoff);
    if (!query.exec())
        return fail(query);
    if (!m_db.commit()) {
        reply.error =
            QStringLiteral("retention commit failed: %1").arg(describe(m_db.lastError()));
        m_db.rollback();
        reply.value = {};
    }
    return reply;
}

// A bucket is written by every batch until its minute or hour has passed: a row the last batch
// wrote is updated in place, which costs SQLite a third less than the upsert's failed insert
// (callgrind). The remembered keys are a hint only: the update names the whole key, and when it
// finds no row (rolled back, or removed by retention) the upsert writes it.
bool StoreWriter::flushRollups(Rollups &rollups, SqliteStatement &upsert, RollupRows &rows,
                               Outcome &outcome)
{
    QSet<RollupKey> written;
    written.reserve(rollups.size());
    for (auto it = rollups.cbegin(); it != rollups.cend(); ++it) {
        const auto write = [&](SqliteStatement &statement) {
            statement.reset();
            statement.bind(1, it.value().entityId);
            statement.bind(2, m_quantities.at(it.key().quantity));
            statement.bind(3, it.key().bucketStart);
            statement.bind(4, it.value().count);
            statement.bind(5, it.value().min);
            statement.bind(6, it.value().max);
            statement.bind(7, it.value().sum);
            if (run(statement, outcome))
                return true;
            if (outcome.error.isEmpty())
                outcome.error = statement.errorMessage(); // rollups must stay exact
            return false;
        };
        if (rows.written.contains(it.key())) {
            if (!write(rows.update))
                return false;
            if (rows.update.changes() > 0) {
                written.insert(it.key());
                continue;
            }
        }
        if (!write(upsert))
            return false;
        written.insert(it.key());
    }
    rows.written.swap(written);
    rollups.clear();
    return true;
}

} // namespace tlr
