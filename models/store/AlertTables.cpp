#include "AlertTables.h"

#include "AlertJson.h"
#include "SqlValues.h"

#include <QStringList>

#include <algorithm>

namespace tlr {
namespace {

using namespace sqlvalues;

const char *const kColumns[] = {
    "id",
    "source",
    "resource",
    "event",
    "origin",
    "title",
    "kecamatan",
    "agency",
    "severity",
    "state",
    "live",
    "status",
    "lat",
    "lon",
    "raised_at",
    "updated_at",
    "unacknowledged_since",
    "duplicate_count",
    "escalation_level",
    "flapping",
    "condition_active",
    "acknowledged",
    "acknowledged_by",
    "acknowledged_at",
    "acknowledge_note",
    "shelved_by",
    "shelve_reason",
    "shelved_until",
    "state_before_shelving",
    "shelve_reminded",
    "closed_at",
};

QString columnList()
{
    QStringList names;
    for (const char *column : kColumns)
        names.append(QLatin1String(column));
    return names.join(QLatin1String(", "));
}

// An upsert both SQLite (3.24+) and PostgreSQL understand.
QString upsert()
{
    QStringList placeholders;
    QStringList updates;
    for (const char *column : kColumns) {
        placeholders.append(QStringLiteral("?"));
        if (qstrcmp(column, "id") != 0)
            updates.append(QStringLiteral("%1 = excluded.%1").arg(QLatin1String(column)));
    }
    return QStringLiteral(
               "INSERT INTO alert_states (%1) VALUES (%2) ON CONFLICT (id) DO UPDATE SET %3")
        .arg(columnList(), placeholders.join(QLatin1String(", ")),
             updates.join(QLatin1String(", ")));
}

QVariant stateOrNull(AlertState state)
{
    return state == AlertState::Unknown ? QVariant(QMetaType(QMetaType::QString))
                                        : QVariant(alertStateKey(state));
}

void bind(QSqlQuery &query, const AlertRecord &a)
{
    for (const QVariant &value :
         {QVariant(qint64(a.id)),
          QVariant(a.source),
          QVariant(a.resource),
          QVariant(a.event),
          QVariant(a.origin),
          QVariant(a.title),
          QVariant(a.kecamatan),
          agency(a.agency),
          QVariant(severityKey(a.severity)),
          QVariant(alertStateKey(a.state)),
          QVariant(a.live ? 1 : 0),
          QVariant(AlertJson::statusKey(a.status)),
          coordinate(a.location, true),
          coordinate(a.location, false),
          QVariant(a.raisedAt.isValid() ? a.raisedAt.toMSecsSinceEpoch() : a.raisedAtMs),
          ms(a.updatedAt.isValid() ? a.updatedAt : a.raisedAt),
          ms(a.unacknowledgedSince),
          QVariant(a.duplicateCount),
          QVariant(a.escalationLevel),
          QVariant(a.flapping ? 1 : 0),
          QVariant(a.conditionActive ? 1 : 0),
          QVariant(a.acknowledged ? 1 : 0),
          optionalText(a.acknowledgedBy),
          ms(a.acknowledgedAt),
          optionalText(a.acknowledgeNote),
          optionalText(a.shelvedBy),
          optionalText(a.shelveReason),
          ms(a.shelvedUntil),
          stateOrNull(a.stateBeforeShelving),
          QVariant(a.shelveReminded ? 1 : 0),
          ms(a.closedAt)}) {
        query.addBindValue(value);
    }
}

// Empty when the row reads back whole; otherwise why it cannot be taken up.
QString read(const QSqlQuery &query, AlertRecord &a)
{
    int c = 0;
    const auto next = [&query, &c] {
        return query.value(c++);
    };
    a.id = next().toULongLong();
    a.source = next().toString();
    a.resource = next().toString();
    a.event = next().toString();
    a.origin = next().toString();
    a.title = next().toString();
    a.kecamatan = next().toString();
    a.agency = agencyFrom(next());
    a.severity = severityFromKey(next().toString()).value_or(Severity::Unknown);
    const QString state = next().toString();
    const auto parsedState = alertStateFromKey(state);
    if (!parsedState || *parsedState == AlertState::Unknown)
        return QStringLiteral("alert %1 has an unknown state \"%2\"").arg(a.id).arg(state);
    a.state = *parsedState;
    a.live = next().toInt() != 0;
    a.status = AlertJson::statusFromKey(next().toString()).value_or(Alert::Status::Unknown);
    const QVariant lat = next();
    a.location = coordinateFrom(lat, next());
    a.raisedAtMs = next().toLongLong();
    a.raisedAt = QDateTime::fromMSecsSinceEpoch(a.raisedAtMs, Qt::UTC);
    a.updatedAt = fromMs(next());
    a.unacknowledgedSince = fromMs(next());
    a.duplicateCount = next().toInt();
    a.escalationLevel = next().toInt();
    a.flapping = next().toInt() != 0;
    a.conditionActive = next().toInt() != 0;
    a.acknowledged = next().toInt() != 0;
    a.acknowledgedBy = next().toString();
    a.acknowledgedAt = fromMs(next());
    a.acknowledgeNote = next().toString();
    a.shelvedBy = next().toString();
    a.shelveReason = next().toString();
    a.shelvedUntil = fromMs(next());
    a.stateBeforeShelving = alertStateFromKey(next().toString()).value_or(AlertState::Unknown);
    a.shelveReminded = next().toInt() != 0;
    a.closedAt = fromMs(next());
    return {};
}

} // namespace

StoreReply<int> AlertTables::save(QSqlDatabase db, const QList<AlertRecord> &alerts)
{
    StoreReply<int> reply;
    if (alerts.isEmpty())
        return reply;
    if (!db.transaction()) {
        reply.error = QStringLiteral("alerts: cannot begin: %1").arg(db.lastError().text());
        return reply;
    }
    reply = saveInTransaction(db, alerts);
    if (!reply.ok()) {
        db.rollback();
        return reply;
    }
    if (!db.commit()) {
        reply.error = QStringLiteral("alerts: commit failed: %1").arg(db.lastError().text());
        db.rollback();
    }
    return reply;
}

StoreReply<int> AlertTables::saveInTransaction(QSqlDatabase db, const QList<AlertRecord> &alerts)
{
    StoreReply<int> reply;
    QList<const AlertRecord *> ordered;
    ordered.reserve(alerts.size());
    for (const AlertRecord &alert : alerts)
        ordered.append(&alert);
    std::sort(ordered.begin(), ordered.end(),
              [](const AlertRecord *a, const AlertRecord *b) { return a->id < b->id; });
    QSqlQuery query(db);
    if (!query.prepare(upsert())) {
        reply.error = QStringLiteral("alerts: %1").arg(describe(query));
        return reply;
    }
    for (const AlertRecord *alert : std::as_const(ordered)) {
        bind(query, *alert);
        QString error;
        if (!exec(query, error)) {
            reply.error =
                QStringLiteral("alerts: saving alert %1 failed: %2").arg(alert->id).arg(error);
            return reply;
        }
    }
    reply.value = int(ordered.size());
    return reply;
}

StoreReply<StoredAlerts> AlertTables::load(QSqlDatabase db, const QDateTime &closedSince)
{
    StoreReply<StoredAlerts> reply;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM alert_states")) ||
        !query.next()) {
        reply.error = QStringLiteral("alerts: %1").arg(describe(query));
        return reply;
    }
    reply.value.nextId = query.value(0).toULongLong() + 1;
    query.prepare(QStringLiteral("SELECT %1 FROM alert_states "
                                 "WHERE state <> 'closed' OR closed_at >= ? ORDER BY id")
                      .arg(columnList()));
    query.addBindValue(closedSince.toMSecsSinceEpoch());
    if (!exec(query, reply.error))
        return reply;
    while (query.next()) {
        AlertRecord alert;
        if (QString error = read(query, alert); !error.isEmpty()) {
            reply.error = error;
            return reply;
        }
        reply.value.alerts.append(std::move(alert));
    }
    return reply;
}

StoreReply<std::optional<AlertRecord>> AlertTables::loadOne(QSqlDatabase db, quint64 id)
{
    StoreReply<std::optional<AlertRecord>> reply;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM alert_states WHERE id = ?").arg(columnList()));
    query.addBindValue(qint64(id));
    if (!exec(query, reply.error) || !query.next())
        return reply;
    AlertRecord alert;
    reply.error = read(query, alert);
    if (reply.error.isEmpty())
        reply.value = std::move(alert);
    return reply;
}

} // namespace tlr
