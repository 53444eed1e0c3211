#include "HandoverStoreReader.h"

#include "domain/Report.h"
#include "kpi/ComplaintSla.h"
#include "store/IncidentTables.h"
#include "store/StoreSchema.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QVariant>

namespace tlr {
namespace {

bool run(QSqlQuery &query, QString &error)
{
    if (query.exec())
        return true;
    const QSqlError e = query.lastError();
    error = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return false;
}

bool readAudit(QSqlDatabase &db, const QDateTime &from, const QDateTime &to,
               QList<AuditEntry> &entries, QString &error)
{
    // The run going at `from` started at the last wall.started before it; its alerts' stories
    // begin there. A log without one (a test, a very old file) is read from its start.
    QSqlQuery start(db);
    start.prepare(QStringLiteral("SELECT coalesce(max(seq), 1) FROM audit_log "
                                 "WHERE action = 'wall.started' AND at <= ?"));
    start.addBindValue(from.toMSecsSinceEpoch());
    if (!run(start, error) || !start.next())
        return false;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, at, actor, role, action, subject, note "
                                 "FROM audit_log WHERE seq >= ? AND at <= ? ORDER BY seq"));
    query.addBindValue(start.value(0).toLongLong());
    query.addBindValue(to.toMSecsSinceEpoch());
    if (!run(query, error))
        return false;
    while (query.next()) {
        AuditEntry entry;
        entry.seq = query.value(0).toLongLong();
        entry.atMsecs = query.value(1).toLongLong();
        entry.actor = query.value(2).toString();
        entry.role = query.value(3).toString();
        entry.action = query.value(4).toString();
        entry.subject = query.value(5).toString();
        entry.note = query.value(6).toString();
        entries.append(std::move(entry));
    }
    return true;
}

bool readComplaints(QSqlDatabase &db, const QDateTime &to, QList<ComplaintRecord> &complaints,
                    QString &error)
{
    // ComplaintSla::isComplaint in SQL: not an emergency, not a 112 call.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, received_at, category, kecamatan FROM reports "
        "WHERE received_at <= ? AND emergency = 0 AND coalesce(kind, '') != ? "
        "AND coalesce(channel, '') != ? ORDER BY received_at"));
    query.addBindValue(to.toMSecsSinceEpoch() - ComplaintSla::kLimitSeconds * 1000);
    query.addBindValue(reportKindKey(Report::Kind::Emergency));
    query.addBindValue(channelKey(Report::Channel::Call112));
    if (!run(query, error))
        return false;
    while (query.next()) {
        complaints.append({query.value(0).toString(),
                           QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
                           query.value(2).toString(), query.value(3).toString()});
    }
    return true;
}

} // namespace

StoreReply<HandoverSources> HandoverStoreReader::read(QSqlDatabase db, const QDateTime &from,
                                                      const QDateTime &to)
{
    StoreReply<HandoverSources> reply;
    if (!readAudit(db, from, to, reply.value.audit, reply.error)) {
        reply.error = QStringLiteral("cannot read the audit log: %1").arg(reply.error);
        return reply;
    }
    auto incidents = IncidentTables::load(db, from);
    if (!incidents.ok()) {
        reply.error = QStringLiteral("cannot read the incidents: %1").arg(incidents.error);
        return reply;
    }
    reply.value.incidents = std::move(incidents.value);
    if (!readComplaints(db, to, reply.value.complaints, reply.error))
        reply.error = QStringLiteral("cannot read the complaints: %1").arg(reply.error);
    return reply;
}

StoreReply<HandoverSources> HandoverStoreReader::readFile(const QString &path,
                                                          const QDateTime &from,
                                                          const QDateTime &to)
{
    StoreReply<HandoverSources> reply;
    {
        QFile file(path);
        static const QByteArray kMagic("SQLite format 3\0", 16);
        if (!file.open(QIODevice::ReadOnly)) {
            reply.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return reply;
        }
        if (file.read(kMagic.size()) != kMagic) {
            reply.error = QStringLiteral("%1 is not an SQLite database").arg(path);
            return reply;
        }
    }
    // As AuditVerifier::verifyFile: without a -wal file the database is opened immutable and
    // nothing is created beside it; with one (a wall running) it is read through it.
    const bool walPresent = QFileInfo::exists(path + QStringLiteral("-wal"));
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setQuery(walPresent ? QStringLiteral("mode=ro") : QStringLiteral("mode=ro&immutable=1"));
    const QString connection =
        QStringLiteral("tlr.reports.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            reply.error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery version(db);
            if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
                reply.error = QStringLiteral("%1 is corrupt or not a database").arg(path);
            } else if (version.value(0).toInt() < 4) {
                reply.error = QStringLiteral("%1 has schema version %2, from before the audit "
                                             "log (4): open it with the wall once to migrate it")
                                  .arg(path)
                                  .arg(version.value(0).toInt());
            } else if (version.value(0).toInt() > StoreSchema::currentVersion()) {
                reply.error = QStringLiteral("%1 has schema version %2, newer than this "
                                             "program's %3")
                                  .arg(path)
                                  .arg(version.value(0).toInt())
                                  .arg(StoreSchema::currentVersion());
            } else {
                reply = read(db, from, to);
            }
            version.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return reply;
}

} // namespace tlr
