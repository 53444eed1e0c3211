#include "StoreWriter.h"

#include "AlertJson.h"
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
    const std::pair<SqliteStatement *, QByteArray> statements[] = {
        {&m_insertMessage,
         QByteArrayLiteral("INSERT INTO messages (feed, seq, received_at, format, bytes) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, seq) DO NOTHING")},
        {&m_insertQuarantine,
         QByteArrayLiteral("INSERT INTO quarantine (feed, seq, received_at, reason, bytes) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, seq, reason) DO NOTHING")},
        {&m_insertObservation,
         QByteArrayLiteral("INSERT INTO observations (entity_id, entity_type, kind, source, "
                        "observed_at, lat, lon, kecamatan, status, name) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (entity_id, observed_at) DO NOTHING")},
        {&m_findObservation,
         QByteArrayLiteral("SELECT id FROM observations WHERE entity_id = ? AND observed_at = ?")},
        {&m_insertMeasurement,
         QByteArrayLiteral("INSERT INTO measurements (observation_id, quantity, value, unit) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (observation_id, quantity) DO NOTHING")},
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
    };
    sqlite3 *handle = SqliteStatement::handleOf(m_db);
    if (!handle)
        return QStringLiteral("the store's connection is not an SQLite connection");
    for (const auto &[statement, sql] : statements) {
        if (!statement->prepare(handle, sql.constData()))
            return QStringLiteral("cannot prepare a statement: %1").arg(statement->errorMessage());
    }
    return {};
}

StoreWriter::Outcome StoreWriter::write(std::span<const StoredMessage> batch)
{
    Outcome outcome;
    if (batch.empty())
        return outcome;
    m_minuteRollups.clear();
    m_hourRollups.clear();
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
    ok = ok && flushRollups(m_minuteRollups, m_upsertMinute, outcome) &&
         flushRollups(m_hourRollups, m_upsertHour, outcome);
    if (ok && !m_db.commit()) {
        outcome.error = QStringLiteral("commit failed: %1").arg(describe(m_db.lastError()));
        ok = false;
    }
    if (!ok) {
        m_db.rollback();
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

    m_insertMessage.reset();
    m_insertMessage.bind(1, message.feed);
    bindSeq(m_insertMessage, 2, message.seq);
    m_insertMessage.bind(3, message.receivedAt.toMSecsSinceEpoch());
    m_insertMessage.bind(4, payloadFormatKey(message.format));
    if (m_keepRawMessages && !carriesPersonalData(message))
        m_insertMessage.bind(5, message.bytes);
    else
        m_insertMessage.bindNull(5);
    if (!run(m_insertMessage, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          QStringLiteral("database refused the message: %1")
                              .arg(m_insertMessage.errorMessage()),
                          outcome);
    }
    if (m_insertMessage.changes() == 0) {
        // The feed sent this sequence number before (a replay after a reconnect): its events
        // are already stored.
        ++outcome.duplicates;
        return true;
    }
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
    m_insertQuarantine.bind(5, quarantinedBytes(message)); // null: NULL
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
    const QString path = eventPath(index);
    if (o.entityId.isEmpty())
        return quarantine(message, path + QStringLiteral(": observation without an entity id"),
                          outcome);
    if (!o.observedAt.isValid()) {
        return quarantine(message,
                          path + QStringLiteral(": observation of %1 without a valid "
                                                "observedAt")
                                     .arg(o.entityId),
                          outcome);
    }
    const qint64 observedAt = o.observedAt.toMSecsSinceEpoch();
    const bool located = o.location.isValid();
    m_insertObservation.reset();
    m_insertObservation.bind(1, o.entityId);
    m_insertObservation.bind(2, o.entityType);
    m_insertObservation.bind(3, feedKindKey(o.kind));
    m_insertObservation.bind(4, o.source);
    m_insertObservation.bind(5, observedAt);
    bindCoordinate(m_insertObservation, 6, o.location.latitude(), located);
    bindCoordinate(m_insertObservation, 7, o.location.longitude(), located);
    m_insertObservation.bind(8, o.kecamatan);
    m_insertObservation.bind(9, o.status);
    m_insertObservation.bind(10, o.name);
    if (!run(m_insertObservation, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          path + QStringLiteral(": database refused it: %1")
                                     .arg(m_insertObservation.errorMessage()),
                          outcome);
    }
    const bool newObservation = m_insertObservation.changes() > 0;
    qint64 observationId = -1;
    if (newObservation) {
        observationId = m_insertObservation.lastInsertId();
    } else {
        m_findObservation.reset();
        m_findObservation.bind(1, o.entityId);
        m_findObservation.bind(2, observedAt);
        if (!run(m_findObservation, outcome))
            return outcome.error.isEmpty();
        if (m_findObservation.hasRow())
            observationId = m_findObservation.columnInt64(0);
        m_findObservation.reset();
        if (observationId < 0)
            return true;
    }

    int added = 0;
    for (int m = 0; m < o.measurements.size(); ++m) {
        const Measurement &measurement = o.measurements.at(m);
        if (!std::isfinite(measurement.value) || measurement.quantity.isEmpty()) {
            // One bad number must not cost the station's other readings.
            quarantine(message,
                       QStringLiteral("%1/measurements[%2]: %3 of %4 is not a finite "
                                      "number")
                           .arg(path)
                           .arg(m)
                           .arg(measurement.quantity, o.entityId),
                       outcome);
            if (!outcome.error.isEmpty())
                return false;
            continue;
        }
        m_insertMeasurement.reset();
        m_insertMeasurement.bind(1, observationId);
        m_insertMeasurement.bind(2, measurement.quantity);
        m_insertMeasurement.bind(3, measurement.value);
        m_insertMeasurement.bind(4, measurement.unit);
        if (!run(m_insertMeasurement, outcome)) {
            if (!outcome.error.isEmpty())
                return false;
            continue;
        }
        if (m_insertMeasurement.changes() == 0)
            continue; // already stored: the rollups have counted it
        ++added;
        const auto accumulate = [&](Rollups &rollups, qint64 size) {
            RollupValue &r =
                rollups[{o.entityId, measurement.quantity, bucketStart(observedAt, size)}];
            r.min = r.count == 0 ? measurement.value : std::min(r.min, measurement.value);
            r.max = r.count == 0 ? measurement.value : std::max(r.max, measurement.value);
            r.sum += measurement.value;
            ++r.count;
        };
        accumulate(m_minuteRollups, kMinute);
        accumulate(m_hourRollups, kHour);
    }
    if (newObservation || added > 0)
        ++outcome.storedEvents;
    else
        ++outcome.duplicates;
    return true;
}

bool StoreWriter::writeAlert(const StoredMessage &message, int index, const Alert &alert,
                             Outcome &outcome)
{
    const QString path = eventPath(index);
    if (alert.identifier.isEmpty() || alert.sender.isEmpty() || !alert.sent.isValid()) {
        return quarantine(message,
                          path + QStringLiteral(": alert without identifier, sender "
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
                          path + QStringLiteral(": database refused it: %1")
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
    const QString path = eventPath(index);
    if (report.id.isEmpty())
        return quarantine(message, path + QStringLiteral(": report without an id"), outcome);
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
                          path + QStringLiteral(": database refused it: %1")
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
    // Observations go before their messages; measurements follow them by ON DELETE CASCADE.
    // Reports go too: a caller's name and number are kept no longer than the rest.
    const Pass passes[] = {
        {"DELETE FROM observations WHERE observed_at < ?", cutoff, &RetentionResult::observations},
        {"DELETE FROM messages WHERE received_at < ?", cutoff, &RetentionResult::messages},
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
    for (const auto &pass : passes) {
        query.prepare(QString::fromLatin1(pass.sql));
        query.bindValue(0, pass.cutoff);
        if (!query.exec()) {
            reply.error = QStringLiteral("retention failed: %1").arg(describe(query.lastError()));
            m_db.rollback();
            return reply;
        }
        reply.value.*pass.count = query.numRowsAffected();
    }
    if (!m_db.commit()) {
        reply.error =
            QStringLiteral("retention commit failed: %1").arg(describe(m_db.lastError()));
        m_db.rollback();
        reply.value = {};
    }
    return reply;
}

bool StoreWriter::flushRollups(Rollups &rollups, SqliteStatement &upsert, Outcome &outcome)
{
    for (auto it = rollups.cbegin(); it != rollups.cend(); ++it) {
        upsert.reset();
        upsert.bind(1, it.key().entityId);
        upsert.bind(2, it.key().quantity);
        upsert.bind(3, it.key().bucketStart);
        upsert.bind(4, it.value().count);
        upsert.bind(5, it.value().min);
        upsert.bind(6, it.value().max);
        upsert.bind(7, it.value().sum);
        if (!run(upsert, outcome)) {
            if (outcome.error.isEmpty())
                outcome.error = upsert.errorMessage(); // rollups must stay exact
            return false;
        }
    }
    rollups.clear();
    return true;
}

} // namespace tlr
