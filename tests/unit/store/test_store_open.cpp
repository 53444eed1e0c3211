#include "StoreTestSupport.h"

#include "store/StoreSchema.h"

#include <QRandomGenerator>

using namespace tlr;
using namespace tlr::test;

namespace {

void runSqlFile(const SqlProbe &probe, const QString &path)
{
    const QString script = QString::fromUtf8(fileBytes(path));
    // Statements end with a semicolon at the end of a line; comments are whole lines.
    QString statement;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("--")))
            continue;
        statement += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            REQUIRE(probe.exec(statement));
            statement.clear();
        }
    }
}

// A small real database written by the store itself, closed cleanly.
void createStoreDatabase(const QString &path, int observations)
{
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    for (int i = 0; i < observations; ++i) {
        store.append(makeMessage(QStringLiteral("dlh-air"), i,
                                 {makeObservation(QStringLiteral("urn:ngsi-ld:X:%1").arg(i % 7),
                                                  utc(2026, 11, 23, 1).addSecs(i),
                                                  {{QStringLiteral("pm25"), 10.0 + i, {}}})}));
    }
    store.flush();
}

bool hasGroupOrOtherAccess(QFileDevice::Permissions permissions)
{
    return permissions &
           (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

} // namespace

TEST_CASE("A new database is created private and in WAL mode at the current schema version")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.db"));
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    CHECK(store.isOpen());
    store.append(makeMessage(QStringLiteral("f"), 1, {}));
    store.flush();

    const auto permissions = QFile::permissions(path);
    CHECK((permissions & QFileDevice::ReadOwner));
    CHECK((permissions & QFileDevice::WriteOwner));
    CHECK_FALSE(hasGroupOrOtherAccess(permissions));
    // SQLite gives its side files the database's mode: they hold the same data.
    if (QFile::exists(path + QStringLiteral("-wal")))
        CHECK_FALSE(hasGroupOrOtherAccess(QFile::permissions(path + QStringLiteral("-wal"))));

    SqlProbe probe(path);
    CHECK(probe.value(QStringLiteral("PRAGMA user_version")).toInt() ==
          StoreSchema::currentVersion());
    CHECK(probe.value(QStringLiteral("PRAGMA journal_mode")).toString() == QLatin1String("wal"));
    for (const char *table :
         {"message_runs", "message_archive", "messages_v4", "entities", "observations", "alerts",
          "reports", "quarantine", "rollups_minute", "rollups_hour", "users", "audit_log"}) {
        INFO(table);
        CHECK(probe
                  .value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                        "'table' AND name = ?"),
                         {QString::fromLatin1(table)})
                  .toInt() == 1);
    }
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'view' "
                                     "AND name = 'measurements'"))
              .toInt() == 1);
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'view' "
                                     "AND name = 'messages'"))
              .toInt() == 1);
    CHECK(probe.count(QStringLiteral("messages")) == 1);
    CHECK(probe.count(QStringLiteral("message_archive")) == 1);
}

TEST_CASE("A version 1 database is migrated keeping its rows and rolling them up")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    {
        SqlProbe writer(path, false);
        runSqlFile(writer, QStringLiteral(TLR_STORE_DATA_DIR "/schema-v1-with-rows.sql"));
        REQUIRE(writer.value(QStringLiteral("PRAGMA user_version")).toInt() == 1);
    }
    const QString entity = QStringLiteral("urn:ngsi-ld:AirQualityObserved:cikokol");
    const QString pm25 = QStringLiteral("pm25");

    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    {
        SqlProbe probe(path);
        CHECK(probe.value(QStringLiteral("PRAGMA user_version")).toInt() ==
              StoreSchema::currentVersion());
        CHECK(probe.count(QStringLiteral("observations")) == 4);
        CHECK(probe.count(QStringLiteral("measurements")) == 6);
        CHECK(probe.count(QStringLiteral("rollups_minute")) == 4); // 3 pm25 buckets, 1 no2
        CHECK(probe.count(QStringLiteral("rollups_hour")) == 3);
    }
    const auto minutes = result(
        store.rollups(entity, pm25, Resolution::Minute, utc(2026, 11, 23), utc(2026, 11, 24)));
    REQUIRE(minutes.size() == 3);
    CHECK(minutes[0].bucketStart == utc(2026, 11, 23, 1, 0));
    CHECK(minutes[0].count == 2);
    CHECK(minutes[0].min == 31.0);
    CHECK(minutes[0].max == 45.0);
    CHECK(minutes[0].mean() == Approx(38.0));
    CHECK(minutes[1].bucketStart == utc(2026, 11, 23, 1, 1));
    CHECK(minutes[2].bucketStart == utc(2026, 11, 23, 2, 15));

    // Rollups carried over keep growing as new rows arrive.
    store.append(makeMessage(
        QStringLiteral("dlh-air"), 11,
        {makeObservation(entity, utc(2026, 11, 23, 1, 30), {{pm25, 5.0, QStringLiteral("GQ")}})}));
    const auto hours = result(
        store.rollups(entity, pm25, Resolution::Hour, utc(2026, 11, 23), utc(2026, 11, 24)));
    REQUIRE(hours.size() == 2);
    CHECK(hours[0].bucketStart == utc(2026, 11, 23, 1));
    CHECK(hours[0].count == 4);
    CHECK(hours[0].min == 5.0);
    CHECK(hours[0].max == 45.0);
    CHECK(hours[0].sum == Approx(101.0));
    CHECK(hours[1].count == 1);
    CHECK(hours[1].mean() == Approx(60.0));
    // The resumed feed continues after the last sequence number the old version stored.
    CHECK(result(store.lastSeq(QStringLiteral("dlh-air"))) == 11);
}

TEST_CASE("A version 7 database's message rows become runs with the same sequence numbers")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v7.db"));
    {
        EventStore created;
        REQUIRE(created.open(optionsFor(path)).isEmpty());
    }
    {
        // Version 7's one row per message, with gaps, two feeds and two archives.
        SqlProbe writer(path, false);
        REQUIRE(writer.exec(QStringLiteral("DROP VIEW messages")));
        REQUIRE(writer.exec(QStringLiteral("DROP TABLE message_runs")));
        REQUIRE(writer.exec(QStringLiteral(
            "CREATE TABLE messages (feed TEXT NOT NULL, seq INTEGER NOT NULL, "
            "archive INTEGER NOT NULL, PRIMARY KEY (feed, seq)) WITHOUT ROWID")));
        REQUIRE(writer.exec(QStringLiteral(
            "INSERT INTO messages VALUES ('a', 1, 1), ('a', 2, 1), ('a', 3, 1), ('a', 5, 1), "
            "('a', 6, 2), ('a', 7, 2), ('a', 4, 2), ('b', 10, 1), ('b', 12, 2)")));
        REQUIRE(writer.exec(QStringLiteral("PRAGMA user_version = 7")));
    }
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    SqlProbe probe(path);
    CHECK(probe.value(QStringLiteral("SELECT group_concat(run, ' ') FROM (SELECT feed || ':' || "
                                     "first_seq || '-' || last_seq || '@' || archive AS run "
                                     "FROM message_runs ORDER BY feed, first_seq)"))
              .toString() == QLatin1String("a:1-3@1 a:4-4@2 a:5-5@1 a:6-7@2 b:10-10@1 b:12-12@2"));
    CHECK(probe.value(QStringLiteral("SELECT group_concat(row, ' ') FROM (SELECT feed || seq || "
                                     "'@' || archive AS row FROM messages ORDER BY feed, seq)"))
              .toString() == QLatin1String("a1@1 a2@1 a3@1 a4@2 a5@1 a6@2 a7@2 b10@1 b12@2"));
    CHECK(result(store.lastSeq(QStringLiteral("a"))) == 7);
    store.append(makeMessage(QStringLiteral("a"), 4, {}));
    store.append(makeMessage(QStringLiteral("b"), 11, {}));
    store.flush();
    CHECK(store.duplicatesIgnored() == 1);
    CHECK(probe.count(QStringLiteral("messages")) == 10);
}

TEST_CASE("Migrating an already current database changes nothing")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.db"));
    createStoreDatabase(path, 10);
    const QByteArray before = fileBytes(path);
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    store.close();
    CHECK(fileBytes(path) == before);
}

TEST_CASE("A database with a newer schema version is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        SqlProbe writer(path, false);
        REQUIRE(writer.exec(QStringLiteral("CREATE TABLE from_the_future (x)")));
        REQUIRE(writer.exec(QStringLiteral("INSERT INTO from_the_future VALUES (42)")));
        REQUIRE(writer.exec(
            QStringLiteral("PRAGMA user_version = %1").arg(StoreSchema::currentVersion() + 1)));
    }
    const QByteArray before = fileBytes(path);
    EventStore store;
    const QString error = store.open(optionsFor(path));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("future.db")));
    CHECK(error.contains(QStringLiteral("newer")));
    CHECK_FALSE(store.isOpen());
    store.append(makeMessage(QStringLiteral("f"), 1, {}));
    store.close();
    CHECK(fileBytes(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    CHECK(store.droppedMessages() == 1);
}

TEST_CASE("Another application's SQLite database is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tiles.mbtiles"));
    {
        SqlProbe writer(path, false);
        REQUIRE(writer.exec(QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)")));
        REQUIRE(writer.exec(QStringLiteral("INSERT INTO metadata VALUES ('format', 'png')")));
    }
    const QByteArray before = fileBytes(path);
    EventStore store;
    const QString error = store.open(optionsFor(path));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("tiles.mbtiles")));
    CHECK(error.contains(QStringLiteral("not an event store")));
    CHECK(fileBytes(path) == before);
}

TEST_CASE("An empty file becomes a new event store")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.db"));
    writeFile(path, {});
    EventStore store;
    REQUIRE(store.open(optionsFor(path)).isEmpty());
    CHECK(store.isOpen());
    // Opening twice is refused and leaves the first open store working.
    CHECK(store.open(optionsFor(path)).contains(QStringLiteral("already open")));
    CHECK(store.isOpen());
    store.append(makeMessage(QStringLiteral("f"), 1, {}));
    CHECK(result(store.lastSeq(QStringLiteral("f"))) == 1);
}

TEST_CASE("A file of random bytes is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("random.db"));
    QRandomGenerator random(20261123);
    QByteArray bytes(16384, Qt::Uninitialized);
    for (auto &byte : bytes)
        byte = static_cast<char>(random.bounded(256));
    writeFile(path, bytes);

    EventStore store;
    const QString error = store.open(optionsFor(path));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("random.db")));
    CHECK(error.contains(QStringLiteral("not a SQLite database")));
    CHECK(fileBytes(path) == bytes);
}

TEST_CASE("A database with a valid header and garbage pages is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.db"));
    createStoreDatabase(path, 500);
    QByteArray bytes = fileBytes(path);
    REQUIRE(bytes.size() > 8 * 4096);
    // Keep page 1 (header and schema), scribble over every later page's b-tree header.
    QRandomGenerator random(7);
    for (qsizetype page = 4096; page < bytes.size(); page += 4096) {
        for (int i = 0; i < 64; ++i)
            bytes[page + i] = static_cast<char>(random.bounded(256));
    }
    writeFile(path, bytes);

    EventStore store;
    const QString error = store.open(optionsFor(path));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("garbage.db")));
    CHECK(error.contains(QStringLiteral("corrupt")));
    CHECK(fileBytes(path) == bytes);
}

TEST_CASE("A truncated database is refused and left byte-identical")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("truncated.db"));
    createStoreDatabase(path, 2000);
    QByteArray bytes = fileBytes(path);
    REQUIRE(bytes.size() > 16 * 4096);
    bytes.truncate(bytes.size() / 2);
    writeFile(path, bytes);

    EventStore store;
    const QString error = store.open(optionsFor(path));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("truncated.db")));
    CHECK(error.contains(QStringLiteral("corrupt")));
    CHECK_FALSE(store.isOpen());
    CHECK(fileBytes(path) == bytes);
}

TEST_CASE("A database locked by another writer is refused with a clear message")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.db"));
    createStoreDatabase(path, 10);

    SECTION("a store database in WAL mode")
    {
        SqlProbe other(path, false);
        REQUIRE(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        REQUIRE(other.exec(QStringLiteral("INSERT INTO message_runs (feed, first_seq, "
                                          "last_seq, archive) VALUES ('other', 1, 1, 0)")));
        EventStore store;
        const QString error = store.open(optionsFor(path));
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("locked.db")));
        CHECK(error.contains(QStringLiteral("locked by another writer")));
        CHECK_FALSE(store.isOpen());
        REQUIRE(other.exec(QStringLiteral("ROLLBACK")));
        // Once the other writer is gone the same file opens.
        CHECK(store.open(optionsFor(path)).isEmpty());
    }
    SECTION("an older database in rollback-journal mode")
    {
        const QString oldPath = dir.filePath(QStringLiteral("locked-v1.db"));
        SqlProbe other(oldPath, false);
        runSqlFile(other, QStringLiteral(TLR_STORE_DATA_DIR "/schema-v1-with-rows.sql"));
        REQUIRE(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        REQUIRE(other.exec(QStringLiteral("DELETE FROM measurements")));
        const QByteArray before = fileBytes(oldPath);
        EventStore store;
        const QString error = store.open(optionsFor(oldPath));
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("locked-v1.db")));
        CHECK(error.contains(QStringLiteral("locked by another writer")));
        CHECK(fileBytes(oldPath) == before);
        REQUIRE(other.exec(QStringLiteral("ROLLBACK")));
    }
}

TEST_CASE("A database in a folder that does not exist is refused")
{
    QTemporaryDir dir;
    EventStore store;
    const QString error = store.open(optionsFor(dir.filePath(QStringLiteral("no/such/x.db"))));
    CHECK(error.contains(QStringLiteral("does not exist")));
    CHECK_FALSE(store.isOpen());
}
