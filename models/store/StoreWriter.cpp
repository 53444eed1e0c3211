#include "StoreWriter.h"

#include "AlertJson.h"
#include "StoreLog.h"

#include <QSqlError>
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

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant coordinate(double value, bool valid)
{
    return valid ? QVariant(value) : QVariant(QMetaType(QMetaType::Double));
}

// Errors after which SQLite may have rolled the transaction back on its own (disk full, I/O,
// out of memory, corruption): the batch cannot continue. A constraint or type error only
// spoils the one row.
bool isFatal(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return true;
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
    return std::any_of(message.events.cbegin(), message.events.cend(), [](const auto &event) {
        const auto *report = std::get_if<Report>(&event);
        return report && !report->reporter.isEmpty();
    });
}

QString eventPath(int index)
{
    return QStringLiteral("events[%1]").arg(index);
}

} // namespace

StoreWriter::StoreWriter(const QSqlDatabase &db, bool keepRawMessages)
    : m_db(db)
    , m_keepRawMessages(keepRawMessages)
    , m_insertMessage(db)
    , m_insertQuarantine(db)
    , m_insertObservation(db)
    , m_findObservation(db)
    , m_insertMeasurement(db)
    , m_insertAlert(db)
    , m_insertReport(db)
    , m_upsertMinute(db)
    , m_upsertHour(db)
{
}

QString StoreWriter::prepare()
{
    const auto rollupUpsert = [](QLatin1String table) {
        return QStringLiteral(
                   "INSERT INTO %1 (entity_id, quantity, bucket_start, sample_count, min_value, "
                   "max_value, sum_value) VALUES (?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (entity_id, quantity, bucket_start) DO UPDATE SET "
                   "sample_count = sample_count + excluded.sample_count, "
                   "min_value = min(min_value, excluded.min_value), "
                   "max_value = max(max_value, excluded.max_value), "
                   "sum_value = sum_value + excluded.sum_value")
            .arg(table);
    };
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_insertMessage,
         QStringLiteral("INSERT INTO messages (feed, seq, received_at, format, bytes) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, seq) DO NOTHING")},
        {&m_insertQuarantine,
         QStringLiteral("INSERT INTO quarantine (feed, seq, received_at, reason, bytes) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed, seq, reason) DO NOTHING")},
        {&m_insertObservation,
         QStringLiteral("INSERT INTO observations (entity_id, entity_type, kind, source, "
                        "observed_at, lat, lon, kecamatan, status, name) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (entity_id, observed_at) DO NOTHING")},
        {&m_findObservation,
         QStringLiteral("SELECT id FROM observations WHERE entity_id = ? AND observed_at = ?")},
        {&m_insertMeasurement,
         QStringLiteral("INSERT INTO measurements (observation_id, quantity, value, unit) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (observation_id, quantity) DO NOTHING")},
        {&m_insertAlert,
         QStringLiteral("INSERT INTO alerts (source, identifier, sender, sent, status, msg_type, "
                        "severity, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (sender, identifier, sent) DO NOTHING")},
        {&m_insertReport,
         QStringLiteral("INSERT INTO reports (id, source, received_at, channel, kind, category, "
                        "emergency, kecamatan, lat, lon, agency, description, reporter_name, "
                        "reporter_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO NOTHING")},
        {&m_upsertMinute, rollupUpsert(QLatin1String("rollups_minute"))},
        {&m_upsertHour, rollupUpsert(QLatin1String("rollups_hour"))},
    };
    for (const auto &[query, sql] : statements) {
        if (!query->prepare(sql))
            return QStringLiteral("cannot prepare a statement: %1")
                .arg(describe(query->lastError()));
    }
    m_findObservation.setForwardOnly(true);
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

bool StoreWriter::exec(QSqlQuery &query, Outcome &outcome)
{
    if (query.exec())
        return true;
    if (isFatal(query.lastError()))
        outcome.error = describe(query.lastError());
    return false;
}

bool StoreWriter::writeMessage(const StoredMessage &message, Outcome &outcome)
{
    if (message.isRejected())
        return quarantine(message, message.rejectReason, outcome);

    m_insertMessage.bindValue(0, message.feed);
    m_insertMessage.bindValue(1, message.seq >= 0 ? QVariant(message.seq)
                                                  : QVariant(QMetaType(QMetaType::LongLong)));
    m_insertMessage.bindValue(2, message.receivedAt.toMSecsSinceEpoch());
    m_insertMessage.bindValue(3, payloadFormatKey(message.format));
    m_insertMessage.bindValue(4, m_keepRawMessages && !carriesPersonalData(message)
                                     ? QVariant(message.bytes)
                                     : QVariant(QMetaType(QMetaType::QByteArray)));
    if (!exec(m_insertMessage, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          QStringLiteral("database refused the message: %1")
                              .arg(describe(m_insertMessage.lastError())),
                          outcome);
    }
    if (m_insertMessage.numRowsAffected() == 0) {
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
    m_insertQuarantine.bindValue(0, message.feed);
    m_insertQuarantine.bindValue(1, message.seq >= 0 ? QVariant(message.seq)
                                                     : QVariant(QMetaType(QMetaType::LongLong)));
    m_insertQuarantine.bindValue(2, message.receivedAt.toMSecsSinceEpoch());
    m_insertQuarantine.bindValue(3, reason);
    m_insertQuarantine.bindValue(4, message.bytes);
    if (!exec(m_insertQuarantine, outcome)) {
        qCWarning(lcStore) << "cannot quarantine a message of" << message.feed << message.seq
                           << describe(m_insertQuarantine.lastError());
        return outcome.error.isEmpty();
    }
    if (m_insertQuarantine.numRowsAffected() == 0)
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
    m_insertObservation.bindValue(0, o.entityId);
    m_insertObservation.bindValue(1, nullable(o.entityType));
    m_insertObservation.bindValue(2, feedKindKey(o.kind));
    m_insertObservation.bindValue(3, nullable(o.source));
    m_insertObservation.bindValue(4, observedAt);
    m_insertObservation.bindValue(5, coordinate(o.location.latitude(), located));
    m_insertObservation.bindValue(6, coordinate(o.location.longitude(), located));
    m_insertObservation.bindValue(7, nullable(o.kecamatan));
    m_insertObservation.bindValue(8, nullable(o.status));
    m_insertObservation.bindValue(9, nullable(o.name));
    if (!exec(m_insertObservation, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          path + QStringLiteral(": database refused it: %1")
                                     .arg(describe(m_insertObservation.lastError())),
                          outcome);
    }
    const bool newObservation = m_insertObservation.numRowsAffected() > 0;
    qint64 observationId = -1;
    if (newObservation) {
        observationId = m_insertObservation.lastInsertId().toLongLong();
    } else {
        m_findObservation.bindValue(0, o.entityId);
        m_findObservation.bindValue(1, observedAt);
        if (!exec(m_findObservation, outcome))
            return outcome.error.isEmpty();
        if (m_findObservation.next())
            observationId = m_findObservation.value(0).toLongLong();
        m_findObservation.finish();
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
        m_insertMeasurement.bindValue(0, observationId);
        m_insertMeasurement.bindValue(1, measurement.quantity);
        m_insertMeasurement.bindValue(2, measurement.value);
        m_insertMeasurement.bindValue(3, nullable(measurement.unit));
        if (!exec(m_insertMeasurement, outcome)) {
            if (!outcome.error.isEmpty())
                return false;
            continue;
        }
        if (m_insertMeasurement.numRowsAffected() == 0)
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
    m_insertAlert.bindValue(0, nullable(alert.source));
    m_insertAlert.bindValue(1, alert.identifier);
    m_insertAlert.bindValue(2, alert.sender);
    m_insertAlert.bindValue(3, alert.sent.toMSecsSinceEpoch());
    m_insertAlert.bindValue(4, AlertJson::statusKey(alert.status));
    m_insertAlert.bindValue(5, AlertJson::msgTypeKey(alert.msgType));
    m_insertAlert.bindValue(6, severityKey(alert.highestSeverity()));
    m_insertAlert.bindValue(7, QString::fromUtf8(AlertJson::toJson(alert)));
    if (!exec(m_insertAlert, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          path + QStringLiteral(": database refused it: %1")
                                     .arg(describe(m_insertAlert.lastError())),
                          outcome);
    }
    if (m_insertAlert.numRowsAffected() == 0)
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
    m_insertReport.bindValue(0, report.id);
    m_insertReport.bindValue(1, nullable(report.source));
    m_insertReport.bindValue(2, receivedAt.toMSecsSinceEpoch());
    m_insertReport.bindValue(3, channelKey(report.channel));
    m_insertReport.bindValue(4, reportKindKey(report.kind));
    m_insertReport.bindValue(5, nullable(report.category));
    m_insertReport.bindValue(6, report.emergency ? 1 : 0);
    m_insertReport.bindValue(7, nullable(report.kecamatan));
    m_insertReport.bindValue(8, coordinate(report.location.latitude(), located));
    m_insertReport.bindValue(9, coordinate(report.location.longitude(), located));
    m_insertReport.bindValue(10, agencyKey(report.agency));
    m_insertReport.bindValue(11, nullable(report.description));
    m_insertReport.bindValue(12, nullable(report.reporter.name));
    m_insertReport.bindValue(13, nullable(report.reporter.phone));
    if (!exec(m_insertReport, outcome)) {
        if (!outcome.error.isEmpty())
            return false;
        return quarantine(message,
                          path + QStringLiteral(": database refused it: %1")
                                     .arg(describe(m_insertReport.lastError())),
                          outcome);
    }
    if (m_insertReport.numRowsAffected() == 0)
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

bool StoreWriter::flushRollups(Rollups &rollups, QSqlQuery &upsert, Outcome &outcome)
{
    for (auto it = rollups.cbegin(); it != rollups.cend(); ++it) {
        upsert.bindValue(0, it.key().entityId);
        upsert.bindValue(1, it.key().quantity);
        upsert.bindValue(2, it.key().bucketStart);
        upsert.bindValue(3, it.value().count);
        upsert.bindValue(4, it.value().min);
        upsert.bindValue(5, it.value().max);
        upsert.bindValue(6, it.value().sum);
        if (!exec(upsert, outcome)) {
            if (outcome.error.isEmpty())
                outcome.error = describe(upsert.lastError()); // rollups must stay exact
            return false;
        }
    }
    rollups.clear();
    return true;
}

} // namespace tlr
