#include "AuditTestSupport.h"

#include "audit/AuditVerifier.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QFileInfo>

using namespace tlr;
using namespace tlr::test;

namespace {

using Problem = AuditVerification::Problem;

// A closed file with `count` entries written through the audit log.
QString writeChain(const QTemporaryDir &dir, int count)
{
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    AuditedStore audited(path);
    for (int i = 1; i <= count; ++i) {
        audited.audit->record(action(QStringLiteral("alert.raised"),
                                     QStringLiteral("alert:%1").arg(i),
                                     QStringLiteral("Tinggi muka air %1 cm").arg(600 + i)));
    }
    audited.audit->flush();
    REQUIRE(audited.audit->written() == count);
    REQUIRE(audited.audit->head().seq == count);
    return path;
}

AuditVerification verified(const QString &path,
                           const std::optional<AuditAnchor> &anchor = std::nullopt)
{
    const AuditVerification result = AuditVerifier::verifyFile(path, anchor);
    UNSCOPED_INFO(result.message.toStdString());
    return result;
}

} // namespace

TEST_CASE("An appended chain verifies with its entry count and head")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    AuditHead head;
    {
        AuditedStore audited(path);
        audited.audit->record(action(QStringLiteral("wall.started"), QStringLiteral("wall:test")));
        audited.audit->record(action(QStringLiteral("alert.acknowledged"),
                                     QStringLiteral("alert:7"), QStringLiteral("Sudah ditangani"),
                                     {QStringLiteral("siti"), Role::Supervisor}));
        audited.audit->record(action(QStringLiteral("note.odd"), QStringLiteral("x"),
                                     QStringLiteral("baris\nbaru, ünïcode, 'kutip'; --")));
        audited.audit->record(action(QStringLiteral("note.empty"), QStringLiteral("x")));
        audited.audit->flush();
        head = audited.audit->head();
        CHECK(head.seq == 4);
        SqlProbe probe(path);
        CHECK(probe.value(QStringLiteral("SELECT prev_hash FROM audit_log WHERE seq = 1"))
                  .toString() == QString(64, QLatin1Char('0')));
        CHECK(probe.value(QStringLiteral("SELECT note FROM audit_log WHERE seq = 3")).toString() ==
              QStringLiteral("baris\nbaru, ünïcode, 'kutip'; --"));
        // Beside the running writer, through its write-ahead log.
        const AuditVerification live = verified(path);
        CHECK(live.ok());
        CHECK(live.entries == 4);
    }
    const AuditVerification result = verified(path);
    CHECK(result.ok());
    CHECK(result.entries == 4);
    CHECK(result.headSeq == 4);
    CHECK(result.headHash == head.hash);
    CHECK(verified(path, AuditAnchor{head.seq, head.hash}).ok());
}

TEST_CASE("An empty log verifies with no entries")
{
    QTemporaryDir dir;
    const QString path = writeChain(dir, 0);
    const AuditVerification result = verified(path);
    CHECK(result.ok());
    CHECK(result.entries == 0);
}

TEST_CASE("The wall's own code cannot update or delete an entry")
{
    QTemporaryDir dir;
    const QString path = writeChain(dir, 3);
    SqlProbe probe(path, false);
    CHECK_FALSE(probe.exec(QStringLiteral("UPDATE audit_log SET note = 'x' WHERE seq = 2")));
    CHECK_FALSE(probe.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")));
    CHECK(probe.count(QStringLiteral("audit_log")) == 3);
}

TEST_CASE("Tampering with plain SQL is found and the first bad entry named")
{
    QTemporaryDir dir;
    const QString path = writeChain(dir, 8);
    REQUIRE(verified(path).ok());
    {
        SqlProbe probe(path, false);
        dropAppendOnlyTriggers(probe);
    }
    SqlProbe probe(path, false);

    SECTION("one field of one entry altered")
    {
        REQUIRE(probe.exec(QStringLiteral(
            "UPDATE audit_log SET note = 'Tinggi muka air 500 cm' WHERE seq = 4")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::HashMismatch);
        CHECK(result.badSeq == 4);
        CHECK(result.entries == 3);
        CHECK(result.message.startsWith(QLatin1String("entry 4: hash mismatch")));
    }
    SECTION("the actor of the first entry altered")
    {
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET actor = 'siti' WHERE seq = 1")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::HashMismatch);
        CHECK(result.badSeq == 1);
    }
    SECTION("an entry altered and its hash recomputed: the next link breaks")
    {
        AuditEntry entry;
        entry.seq = 4;
        entry.atMsecs = probe.value(QStringLiteral("SELECT at FROM audit_log WHERE seq = 4")).toLongLong();
        entry.actor = QStringLiteral("system");
        entry.role = QStringLiteral("admin");
        entry.action = QStringLiteral("alert.raised");
        entry.subject = QStringLiteral("alert:4");
        entry.note = QStringLiteral("Tinggi muka air 500 cm");
        entry.prevHash = probe.value(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 3"))
                             .toString()
                             .toLatin1();
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET note = '%1', hash = '%2' WHERE seq = 4")
                               .arg(entry.note, QString::fromLatin1(entry.computeHash()))));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::BrokenLink);
        CHECK(result.badSeq == 5);
        CHECK(result.message.contains(QLatin1String("entry 4 rewritten")));
    }
    SECTION("a middle entry deleted")
    {
        REQUIRE(probe.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::SeqGap);
        CHECK(result.badSeq == 6);
        CHECK(result.entries == 4);
        CHECK(result.message == QLatin1String("entry 6 follows entry 4: entry 5 is missing (deleted)"));
    }
    SECTION("a middle entry deleted and the rest renumbered: the link breaks")
    {
        REQUIRE(probe.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5")));
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET seq = seq - 1 WHERE seq > 5")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::BrokenLink);
        CHECK(result.badSeq == 5);
    }
    SECTION("the first entries deleted")
    {
        REQUIRE(probe.exec(QStringLiteral("DELETE FROM audit_log WHERE seq <= 2")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::SeqGap);
        CHECK(result.badSeq == 3);
        CHECK(result.message.contains(QLatin1String("entries 1 to 2 are missing")));
    }
    SECTION("two entries swapped")
    {
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET seq = -3 WHERE seq = 3")));
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = 4")));
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET seq = 4 WHERE seq = -3")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::BrokenLink);
        CHECK(result.badSeq == 3);
        CHECK(result.message.contains(QLatin1String("reordered")));
    }
    SECTION("a hash that is not a hash")
    {
        REQUIRE(probe.exec(QStringLiteral("UPDATE audit_log SET hash = 'x' WHERE seq = 7")));
        const AuditVerification result = verified(path);
        CHECK(result.problem == Problem::BadField);
        CHECK(result.badSeq == 7);
    }
}

TEST_CASE("A cut-off tail is found only against an anchor recorded elsewhere")
{
    QTemporaryDir dir;
    const QString path = writeChain(dir, 6);
    const AuditVerification before = verified(path);
    REQUIRE(before.ok());
    const AuditAnchor anchor{before.headSeq, before.headHash};
    const auto parsed = AuditAnchor::parse(anchor.toString());
    REQUIRE(parsed.has_value());
    CHECK(parsed->seq == 6);
    CHECK(parsed->hash == before.headHash);
    {
        SqlProbe probe(path, false);
        dropAppendOnlyTriggers(probe);
        REQUIRE(probe.exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 4")));
    }
    CHECK(verified(path).ok()); // what is left is a valid chain
    const AuditVerification result = verified(path, anchor);
    CHECK(result.problem == Problem::AnchorMissing);
    CHECK(result.badSeq == 5);
    CHECK(result.message.contains(QLatin1String("entries 5 to 6 were deleted")));

    const AuditVerification wrongHash =
        verified(path, AuditAnchor{4, QByteArray(64, 'a')});
    CHECK(wrongHash.problem == Problem::AnchorMismatch);
    CHECK(wrongHash.badSeq == 4);
}

TEST_CASE("Malformed anchors are refused")
{
    for (const char *text : {"", "12", ":abc", "0:" "0000000000000000000000000000000000000000000000000000000000000000",
                             "3:xyz", "x:0000000000000000000000000000000000000000000000000000000000000000"}) {
        INFO(text);
        CHECK_FALSE(AuditAnchor::parse(QString::fromLatin1(text)).has_value());
    }
}

TEST_CASE("The verifier never writes to the file it checks")
{
    QTemporaryDir dir;
    const QString path = writeChain(dir, 5);
    const QByteArray before = sha256OfFile(path);
    const QDateTime modified = QFileInfo(path).lastModified();
    REQUIRE(verified(path).ok());
    CHECK(sha256OfFile(path) == before);
    CHECK(QFileInfo(path).lastModified() == modified);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-shm")));

    SECTION("not even the schema of an old database")
    {
        const QString old = dir.filePath(QStringLiteral("v1.db"));
        {
            SqlProbe writer(old, false);
            REQUIRE(writer.exec(QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY)")));
            REQUIRE(writer.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        const QByteArray oldBytes = sha256OfFile(old);
        const AuditVerification result = verified(old);
        CHECK(result.problem == Problem::Unreadable);
        CHECK(result.message.contains(QLatin1String("has no audit log")));
        CHECK(sha256OfFile(old) == oldBytes);
    }
    SECTION("nor create one that is missing")
    {
        const QString missing = dir.filePath(QStringLiteral("missing.db"));
        CHECK(verified(missing).problem == Problem::Unreadable);
        CHECK_FALSE(QFile::exists(missing));
    }
}

TEST_CASE("Actions recorded from several threads form one gapless chain")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    {
        AuditedStore audited(path);
        QList<QFuture<void>> writers;
        for (int t = 0; t < 4; ++t) {
            writers.append(QtConcurrent::run([&audited, t] {
                for (int i = 0; i < 250; ++i) {
                    audited.audit->record(action(QStringLiteral("alert.raised"),
                                                 QStringLiteral("alert:%1-%2").arg(t).arg(i)));
                }
            }));
        }
        for (QFuture<void> &writer : writers)
            writer.waitForFinished();
        audited.audit->flush();
        CHECK(audited.audit->written() == 1000);
        CHECK(audited.audit->lost() == 0);
        // Within one thread, call order is chain order.
        SqlProbe probe(path);
        QSqlQuery query(probe.db());
        REQUIRE(query.exec(QStringLiteral("SELECT subject FROM audit_log WHERE subject LIKE "
                                          "'alert:2-%' ORDER BY seq")));
        int expected = 0;
        while (query.next())
            CHECK(query.value(0).toString() == QStringLiteral("alert:2-%1").arg(expected++));
        CHECK(expected == 250);
    }
    const AuditVerification result = verified(path);
    CHECK(result.ok());
    CHECK(result.entries == 1000);
}

TEST_CASE("Two writers on one file continue one chain instead of forking it")
{
    // A running wall and tlr-wall --add-user on the same database.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    AuditedStore wall(path);
    AuditedStore admin(path);
    for (int i = 0; i < 20; ++i) {
        AuditedStore &writer = i % 3 == 0 ? admin : wall;
        writer.audit->record(action(QStringLiteral("step"), QStringLiteral("n:%1").arg(i)));
        writer.audit->flush();
    }
    const AuditVerification result = verified(path);
    CHECK(result.ok());
    CHECK(result.entries == 20);
}

TEST_CASE("A change and its audit entry commit together or not at all")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));
    AuditedStore audited(path);
    const auto run = [&](AuditLog::Change change) {
        QFuture<QString> future = audited.audit->recordChange(
            std::move(change), action(QStringLiteral("user.added"), QStringLiteral("user:x")));
        future.waitForFinished();
        REQUIRE(future.resultCount() == 1);
        return future.result();
    };
    CHECK(run([](QSqlDatabase &db) {
              QSqlQuery(db).exec(QStringLiteral("CREATE TABLE scratch (x)"));
              return QStringLiteral("refused halfway");
          }) == QLatin1String("refused halfway"));
    SqlProbe probe(path);
    CHECK(probe.count(QStringLiteral("audit_log")) == 0);
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'"))
              .toInt() == 0);
    CHECK(run([](QSqlDatabase &db) {
              return QSqlQuery(db).exec(QStringLiteral("CREATE TABLE scratch (x)"))
                         ? QString()
                         : QStringLiteral("failed");
          }).isEmpty());
    CHECK(probe.count(QStringLiteral("audit_log")) == 1);
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'"))
              .toInt() == 1);
}

TEST_CASE("Actions recorded after the store closed are counted as lost, not hung on")
{
    QTemporaryDir dir;
    AuditedStore audited(dir.filePath(QStringLiteral("audit.db")));
    audited.store.close();
    audited.audit->record(action(QStringLiteral("late"), QStringLiteral("x")));
    audited.audit->flush();
    CHECK(audited.audit->lost() == 1);
    CHECK(audited.audit->written() == 0);
}
