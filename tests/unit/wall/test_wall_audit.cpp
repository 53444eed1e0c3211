#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

// tlr-wall's audit log and account commands, run as a user runs them: separate processes on a
// database the wall itself wrote.

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runWall(const QStringList &arguments, const QByteArray &input = {},
            const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No tlr-wall.conf of the machine or the user running the tests changes what they see.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               QStringLiteral("offscreen:configfile=" TLR_TEST_DATA_DIR "/screens/screens-1.json"));
    env.insert(extra);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"), arguments);
    REQUIRE(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(90000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Run verify(const QString &db, const QStringList &more = {})
{
    return runWall(QStringList{QStringLiteral("--verify-audit"), QStringLiteral("--db"), db} + more);
}

// Plain SQL on the file, as someone with a copy of it would.
void tamper(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        for (const QString &sql : statements) {
            QSqlQuery query(db);
            INFO(sql.toStdString() << ": " << query.lastError().text().toStdString());
            REQUIRE(query.exec(sql));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("A demo run leaves an audit chain that --verify-audit checks")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("demo.db"));
    const QString stats = dir.filePath(QStringLiteral("stats.json"));
    const Run demo = runWall({QStringLiteral("--demo"), QStringLiteral("--quit-after"), QStringLiteral("6"),
                              QStringLiteral("--db"), db, QStringLiteral("--stats"), stats});
    INFO(demo.out.toStdString() << demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);

    // The demo's supervisor account: its password shown once, on stdout, and kept nowhere.
    const QRegularExpressionMatch printed =
        QRegularExpression(QStringLiteral("account \\(supervisor\\): demo  password: (\\S{12})")).match(demo.out);
    REQUIRE(printed.hasMatch());
    CHECK_FALSE(demo.err.contains(printed.captured(1)));
    QByteArray bytes = fileBytes(db) + fileBytes(db + QStringLiteral("-wal"));
    CHECK_FALSE(bytes.contains(printed.captured(1).toUtf8()));

    QFile statsFile(stats);
    REQUIRE(statsFile.open(QIODevice::ReadOnly));
    const QJsonObject audit = QJsonDocument::fromJson(statsFile.readAll()).object().value(QLatin1String("audit")).toObject();
    const QString head = audit.value(QLatin1String("head")).toString();
    CHECK(audit.value(QLatin1String("entries_written")).toInt() >= 3);
    CHECK(audit.value(QLatin1String("lost")).toInt() == 0);

    const Run holds = verify(db);
    INFO(holds.out.toStdString() << holds.err.toStdString());
    CHECK(holds.exitCode == 0);
    CHECK(holds.out.contains(QStringLiteral("audit log holds: %1 entries").arg(audit.value(QLatin1String("head_seq")).toInt())));
    CHECK(holds.out.contains(QStringLiteral("head ") + head));
    CHECK(verify(db, {QStringLiteral("--expect-head"), head}).exitCode == 0);

    // wall.started, the demo account, wall.stopped: all in the chain, attributed to the system.
    const Run users = runWall({QStringLiteral("--db"), db, QStringLiteral("--list-users")});
    CHECK(users.exitCode == 0);
    CHECK(users.out.contains(QRegularExpression(QStringLiteral("\\ndemo +supervisor +enabled"))));

    // Each kind of tampering on a copy of the same run's database.
    const auto copyOf = [&](const char *name) {
        const QString copy = dir.filePath(QString::fromLatin1(name));
        REQUIRE(QFile::copy(db, copy));
        return copy;
    };
    {
        INFO("an altered entry is named and the exit status is 1");
        const QString altered = copyOf("altered.db");
        tamper(altered, {QStringLiteral("DROP TRIGGER audit_log_no_update"),
                         QStringLiteral("UPDATE audit_log SET note = 'nothing happened' WHERE seq = 2")});
        const Run broken = verify(altered);
        CHECK(broken.exitCode == 1);
        CHECK(broken.out.contains(QLatin1String("entry 2: hash mismatch")));
    }
    {
        INFO("a deleted middle entry is named");
        const QString deleted = copyOf("deleted.db");
        tamper(deleted, {QStringLiteral("DROP TRIGGER audit_log_no_delete"),
                         QStringLiteral("DELETE FROM audit_log WHERE seq = 2")});
        const Run broken = verify(deleted);
        CHECK(broken.exitCode == 1);
        CHECK(broken.out.contains(QLatin1String("entry 2 is missing")));
    }
    {
        INFO("a cut-off tail is found against the head the stats recorded");
        const QString cut = copyOf("cut.db");
        tamper(cut, {QStringLiteral("DROP TRIGGER audit_log_no_delete"),
                     QStringLiteral("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")});
        CHECK(verify(cut).exitCode == 0);
        const Run broken = verify(cut, {QStringLiteral("--expect-head"), head});
        CHECK(broken.exitCode == 1);
        CHECK(broken.out.contains(QLatin1String("deleted from its end")));
    }
}

TEST_CASE("Account commands read the password from stdin or a variable and are audited")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("wall.db"));
    const QString password = QStringLiteral("Cisadane-Naik-2026");

    const Run added = runWall({QStringLiteral("--db"), db, QStringLiteral("--add-user"), QStringLiteral("siti"),
                               QStringLiteral("--role"), QStringLiteral("supervisor")},
                              password.toUtf8() + "\n");
    INFO(added.out.toStdString() << added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.contains(QLatin1String("added siti (supervisor); audit log entry 1")));

    QProcessEnvironment env;
    env.insert(QStringLiteral("TLR_NEW_PASSWORD"), QStringLiteral("Operator-Pagi-01"));
    CHECK(runWall({QStringLiteral("--db"), db, QStringLiteral("--add-user"), QStringLiteral("budi"),
                   QStringLiteral("--role"), QStringLiteral("operator"), QStringLiteral("--password-env"),
                   QStringLiteral("TLR_NEW_PASSWORD")},
                  {}, env)
              .exitCode == 0);
    CHECK(runWall({QStringLiteral("--db"), db, QStringLiteral("--disable-user"), QStringLiteral("budi")}).exitCode == 0);
    CHECK(runWall({QStringLiteral("--db"), db, QStringLiteral("--set-role"), QStringLiteral("siti"),
                   QStringLiteral("--role"), QStringLiteral("executive")})
              .exitCode == 0);

    const Run list = runWall({QStringLiteral("--db"), db, QStringLiteral("--list-users")});
    CHECK(list.exitCode == 0);
    CHECK(list.out.contains(QRegularExpression(QStringLiteral("\\nbudi +operator +disabled"))));
    CHECK(list.out.contains(QRegularExpression(QStringLiteral("\\nsiti +executive +enabled"))));

    const Run holds = verify(db);
    CHECK(holds.exitCode == 0);
    CHECK(holds.out.contains(QLatin1String("audit log holds: 4 entries")));

    const QByteArray bytes = fileBytes(db) + fileBytes(db + QStringLiteral("-wal"));
    CHECK(bytes.contains("siti"));
    CHECK_FALSE(bytes.contains(password.toUtf8()));
    CHECK_FALSE(bytes.contains("Operator-Pagi-01"));

    {
        INFO("refused: a taken name, a short password, an unknown account");
        CHECK(runWall({QStringLiteral("--db"), db, QStringLiteral("--add-user"), QStringLiteral("siti"),
                       QStringLiteral("--role"), QStringLiteral("operator")},
                      "Lain-Sekali-99\n")
                  .exitCode == 1);
        const Run shortPassword = runWall({QStringLiteral("--db"), db, QStringLiteral("--add-user"), QStringLiteral("eko"),
                                           QStringLiteral("--role"), QStringLiteral("operator")},
                                          "pendek\n");
        CHECK(shortPassword.exitCode == 1);
        CHECK(shortPassword.err.contains(QLatin1String("at least 8")));
        CHECK(runWall({QStringLiteral("--db"), db, QStringLiteral("--enable-user"), QStringLiteral("nobody")}).exitCode == 1);
        CHECK(runWall({QStringLiteral("--db"), db, QStringLiteral("--add-user"), QStringLiteral("eko"),
                       QStringLiteral("--role"), QStringLiteral("operator")})
                  .exitCode == 3); // no password on stdin
        CHECK(verify(db).out.contains(QLatin1String("audit log holds: 4 entries")));
    }
}

TEST_CASE("Command line mistakes and unreadable databases have their own exit status")
{
    QTemporaryDir dir;
    SECTION("usage: 2")
    {
        CHECK(runWall({QStringLiteral("--verify-audit")}).exitCode == 2);
        CHECK(runWall({QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db")), QStringLiteral("--add-user"),
                       QStringLiteral("siti")})
                  .exitCode == 2); // no --role
        CHECK(runWall({QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db")), QStringLiteral("--list-users"),
                       QStringLiteral("--verify-audit")})
                  .exitCode == 2);
        CHECK(runWall({QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db")), QStringLiteral("--verify-audit"),
                       QStringLiteral("--expect-head"), QStringLiteral("7")})
                  .exitCode == 2);
        CHECK(runWall({QStringLiteral("--demo"), QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db")),
                       QStringLiteral("--verify-audit")})
                  .exitCode == 2);
    }
    SECTION("unreadable: 3, and nothing created")
    {
        const QString missing = dir.filePath(QStringLiteral("missing.db"));
        const Run run = verify(missing);
        CHECK(run.exitCode == 3);
        CHECK(run.err.contains(QLatin1String("no such database file")));
        CHECK(runWall({QStringLiteral("--db"), missing, QStringLiteral("--list-users")}).exitCode == 3);
        CHECK_FALSE(QFile::exists(missing));
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(text);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("not a database\n");
        file.close();
        CHECK(verify(text).exitCode == 3);
    }
}
