#include "AuditVerifier.h"

#include "audit/AuditEntry.h"
#include "store/DatabaseUrl.h"
#include "store/StoreSchema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace tlr {
namespace {

using Problem = AuditVerification::Problem;

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

bool isHash(const QByteArray &hex)
{
    static const QRegularExpression kHex(QStringLiteral("^[0-9a-f]{64}$"));
    return kHex.match(QString::fromLatin1(hex)).hasMatch();
}

QString shortHash(const QByteArray &hash)
{
    return QString::fromLatin1(hash.left(12)) + QStringLiteral("…");
}

AuditVerification failure(AuditVerification result, Problem problem, qint64 seq, QString message)
{
    result.problem = problem;
    result.badSeq = seq;
    result.message = std::move(message);
    return result;
}

AuditVerification verifyOpen(QSqlDatabase &db, const QString &name,
                             const std::optional<AuditAnchor> &anchor)
{
    AuditVerification result;
    if (!db.open()) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("cannot open %1: %2").arg(name, describe(db.lastError())));
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return failure(result, Problem::Unreadable, 0,
                       StoreSchema::isBusy(query.lastError())
                           ? QStringLiteral("%1 is locked by another writer").arg(name)
                           : QStringLiteral("%1 is corrupt or not a database: %2")
                                 .arg(name, describe(query.lastError())));
    }
    const int version = query.value(0).toInt();
    if (version > StoreSchema::currentVersion()) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("%1 has schema version %2, newer than this program's %3 "
                                      "(use a newer Live Room to verify it)")
                           .arg(name)
                           .arg(version)
                           .arg(StoreSchema::currentVersion()));
    }
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND name = 'audit_log'")) ||
        !query.next()) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("cannot read %1: %2").arg(name, describe(query.lastError())));
    }
    if (query.value(0).toInt() == 0) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("%1 has no audit log (schema version %2: written before "
                                      "the audit log came, with version 4)")
                           .arg(name)
                           .arg(version));
    }
    query.finish();
    return AuditVerifier::verify(db, anchor);
}

} // namespace

std::optional<AuditAnchor> AuditAnchor::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    AuditAnchor anchor;
    anchor.seq = text.left(colon).toLongLong(&ok);
    anchor.hash = text.mid(colon + 1).trimmed().toLower().toLatin1();
    if (!ok || anchor.seq < 1 || !isHash(anchor.hash))
        return std::nullopt;
    return anchor;
}

QString AuditAnchor::toString() const
{
    return QStringLiteral("%1:%2").arg(seq).arg(QString::fromLatin1(hash));
}

AuditVerification AuditVerifier::verify(const QSqlDatabase &db,
                                        const std::optional<AuditAnchor> &anchor)
{
    AuditVerification result;
    result.headHash = AuditEntry::genesisHash();
    QSqlQuery query(db);
    query.setForwardOnly(true); // a month of entries streams; it is never held in memory
    if (!query.exec(QStringLiteral("SELECT seq, at, actor, role, action, subject, note, "
                                   "prev_hash, hash FROM audit_log ORDER BY seq"))) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("cannot read the audit log: %1")
                           .arg(describe(query.lastError())));
    }
    QByteArray anchorHashSeen;
    while (query.next()) {
        AuditEntry entry;
        bool seqOk = false;
        bool atOk = false;
        entry.seq = query.value(0).toLongLong(&seqOk);
        entry.atMsecs = query.value(1).toLongLong(&atOk);
        const qint64 expected = result.headSeq + 1;
        bool complete = seqOk && atOk;
        for (int column = 0; column < 9 && complete; ++column)
            complete = !query.value(column).isNull();
        if (!complete) {
            const qint64 seq = seqOk ? entry.seq : expected;
            return failure(result, Problem::BadField, seq,
                           QStringLiteral("entry %1: a field is empty or not a number where "
                                          "the wall writes one")
                               .arg(seq));
        }
        entry.actor = query.value(2).toString();
        entry.role = query.value(3).toString();
        entry.action = query.value(4).toString();
        entry.subject = query.value(5).toString();
        entry.note = query.value(6).toString();
        entry.prevHash = query.value(7).toString().toLatin1();
        entry.hash = query.value(8).toString().toLatin1();

        if (entry.seq != expected) {
            const QString missing = entry.seq == expected + 1
                                        ? QStringLiteral("entry %1 is missing").arg(expected)
                                        : QStringLiteral("entries %1 to %2 are missing")
                                              .arg(expected)
                                              .arg(entry.seq - 1);
            return failure(result, Problem::SeqGap, entry.seq,
                           result.headSeq == 0
                               ? QStringLiteral("entry %1: the log starts there: %2 (deleted)")
                                     .arg(entry.seq)
                                     .arg(missing)
                               : QStringLiteral("entry %1 follows entry %2: %3 (deleted)")
                                     .arg(entry.seq)
                                     .arg(result.headSeq)
                                     .arg(missing));
        }
        if (!isHash(entry.prevHash) || !isHash(entry.hash)) {
            return failure(result, Problem::BadField, entry.seq,
                           QStringLiteral("entry %1: prev_hash or hash is not 64 lower-case hex "
                                          "digits")
                               .arg(entry.seq));
        }
        if (entry.prevHash != result.headHash) {
            return failure(
                result, Problem::BrokenLink, entry.seq,
                QStringLiteral("entry %1: broken link: its prev_hash %2 is not the hash %3 of "
                               "entry %4 (entries reordered, or entry %4 rewritten)")
                    .arg(entry.seq)
                    .arg(shortHash(entry.prevHash), shortHash(result.headHash))
                    .arg(result.headSeq));
        }
        if (entry.computeHash() != entry.hash) {
            return failure(result, Problem::HashMismatch, entry.seq,
                           QStringLiteral("entry %1: hash mismatch: its fields do not give its "
                                          "stored hash (altered after it was written)")
                               .arg(entry.seq));
        }
        result.headSeq = entry.seq;
        result.headHash = entry.hash;
        ++result.entries;
        if (anchor && entry.seq == anchor->seq)
            anchorHashSeen = entry.hash;
    }
    if (query.lastError().isValid()) {
        return failure(result, Problem::Unreadable, result.headSeq + 1,
                       QStringLiteral("reading the audit log stopped after entry %1: %2")
                           .arg(result.headSeq)
                           .arg(describe(query.lastError())));
    }
    if (anchor) {
        if (anchor->seq > result.headSeq) {
            return failure(result, Problem::AnchorMissing, result.headSeq + 1,
                           QStringLiteral("the chain ends at entry %1 but the anchor names "
                                          "entry %2: entries %3 to %2 were deleted from its end")
                               .arg(result.headSeq)
                               .arg(anchor->seq)
                               .arg(result.headSeq + 1));
        }
        if (anchorHashSeen != anchor->hash) {
            return failure(result, Problem::AnchorMismatch, anchor->seq,
                           QStringLiteral("entry %1: its hash %2 is not the anchor's %3: the "
                                          "chain was rewritten up to there")
                               .arg(anchor->seq)
                               .arg(shortHash(anchorHashSeen), shortHash(anchor->hash)));
        }
    }
    return result;
}

AuditVerification AuditVerifier::verifyFile(const QString &path,
                                            const std::optional<AuditAnchor> &anchor)
{
    if (DatabaseUrl::isPostgres(path))
        return verifyShared(path, anchor);
    AuditVerification result;
    const QString name = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile()) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("%1: no such database file").arg(name));
    }
    {
        QFile file(path);
        static const QByteArray kMagic("SQLite format 3\0", 16);
        if (!file.open(QIODevice::ReadOnly))
            return failure(result, Problem::Unreadable, 0,
                           QStringLiteral("cannot read %1: %2").arg(name, file.errorString()));
        if (file.read(kMagic.size()) != kMagic)
            return failure(result, Problem::Unreadable, 0,
                           QStringLiteral("%1 is not an SQLite database").arg(name));
    }

    // Read only, like everything below: a verifier that migrated or repaired the file would
    // alter the evidence it is asked about. SQLite's read-only mode still creates the -wal and
    // -shm files of a database in WAL mode; without a -wal file everything is in the database
    // file itself, which is then opened immutable and nothing is created beside it. With one
    // (a wall running, or one that crashed), the read-only connection reads through it.
    const bool walPresent = QFileInfo::exists(path + QStringLiteral("-wal"));
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setQuery(walPresent ? QStringLiteral("mode=ro") : QStringLiteral("mode=ro&immutable=1"));

    const QString connection =
        QStringLiteral("tlr.audit.verify.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        result = verifyOpen(db, name, anchor);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

AuditVerification AuditVerifier::verifyShared(const QString &url,
                                              const std::optional<AuditAnchor> &anchor)
{
    AuditVerification result;
    const auto parsed = DatabaseUrl::parse(url);
    if (const auto *error = std::get_if<DatabaseUrl::Error>(&parsed))
        return failure(result, Problem::Unreadable, 0, error->message);
    const DatabaseUrl &where = std::get<DatabaseUrl>(parsed);
    const QString name = where.toString();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return failure(result, Problem::Unreadable, 0,
                       QStringLiteral("cannot read %1: Qt's PostgreSQL driver (QPSQL) is not "
                                      "installed (Debian: libqt6sql6-psql)")
                           .arg(name));
    }
    const QString connection =
        QStringLiteral("tlr.audit.verify.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(where.host);
        db.setPort(where.port);
        db.setUserName(where.user);
        db.setDatabaseName(where.databaseName);
        // Read only, as on a file: the server refuses any write from this session.
        QString connectOptions = QStringLiteral(
            "connect_timeout=5;options='-c default_transaction_read_only=on'");
        if (const QString tls = where.connectOptions(); !tls.isEmpty())
            connectOptions += u';' + tls;
        db.setConnectOptions(connectOptions);
        if (!db.open()) {
            result = failure(result, Problem::Unreadable, 0,
                             QStringLiteral("cannot connect to %1: %2")
                                 .arg(name, describe(db.lastError()).trimmed()));
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT version FROM tlr_schema")) || !query.next()) {
                result = failure(result, Problem::Unreadable, 0,
                                 QStringLiteral("%1 is not a Live Room shared database: %2")
                                     .arg(name, describe(query.lastError())));
            } else if (query.value(0).toInt() > StoreSchema::currentVersion()) {
                result = failure(result, Problem::Unreadable, 0,
                                 QStringLiteral("%1 has schema version %2, newer than this "
                                                "program's %3 (use a newer Live Room to verify it)")
                                     .arg(name)
                                     .arg(query.value(0).toInt())
                                     .arg(StoreSchema::currentVersion()));
            } else {
                query.finish();
                result = verify(db, anchor);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

} // namespace tlr
