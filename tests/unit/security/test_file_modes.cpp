#include "PrivateFiles.h"
#include "store/EventStore.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <optional>
#include <sys/stat.h>

using namespace tlr;

// Files that hold callers' names, places and the room's operations are their owner's alone
// (docs/security.md). Each kind is made by the real program or the real writer, with this
// process's umask set to the usual 022 first: a program that forgot to restrict its own
// would leave them readable by everyone, and these checks would see it.

namespace {

class Umask
{
public:
    explicit Umask(mode_t mask) : m_previous(::umask(mask)) {}
    ~Umask() { ::umask(m_previous); }
    Umask(const Umask &) = delete;
    Umask &operator=(const Umask &) = delete;

private:
    mode_t m_previous;
};

// The permission bits, or nothing when the path does not exist.
std::optional<mode_t> modeOf(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return std::nullopt;
    return status.st_mode & 07777;
}

QString octal(std::optional<mode_t> mode)
{
    return mode ? QString::number(*mode, 8).rightJustified(4, u'0') : QStringLiteral("missing");
}

QProcessEnvironment testEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No tlr-wall.conf of the machine or the user running the tests changes what they see.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent/tlr-test-config"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               QStringLiteral("offscreen:configfile=" TLR_TEST_DATA_DIR "/screens/screens-1.json"));
    return env;
}

int runToEnd(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessEnvironment(testEnvironment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(120000));
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

TEST_CASE("tlr-wall creates its database, WAL, statistics, screenshots and handover report for "
          "its owner only")
{
    const Umask usual(022);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("wall.sqlite"));
    const QString stats = dir.filePath(QStringLiteral("stats.json"));
    const QString shots = dir.filePath(QStringLiteral("shots"));

    QProcess wall;
    wall.setProcessEnvironment(testEnvironment());
    wall.setProcessChannelMode(QProcess::MergedChannels);
    wall.start(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"),
               {QStringLiteral("--db"), db, QStringLiteral("--stats"), stats,
                QStringLiteral("--screenshot"), shots, QStringLiteral("--quit-after"),
                QStringLiteral("2")});
    REQUIRE(wall.waitForStarted());
    // SQLite removes its -wal and -shm files when the last connection closes: looked at while
    // the wall runs. They hold the same rows as the database.
    std::optional<mode_t> walMode;
    std::optional<mode_t> shmMode;
    while (!wall.waitForFinished(20) && wall.state() == QProcess::Running) {
        if (!walMode)
            walMode = modeOf(db + QStringLiteral("-wal"));
        if (!shmMode)
            shmMode = modeOf(db + QStringLiteral("-shm"));
    }
    const QString output = QString::fromUtf8(wall.readAll());
    INFO(output.toStdString());
    REQUIRE(wall.exitStatus() == QProcess::NormalExit);
    REQUIRE(wall.exitCode() == 0);

    CHECK(octal(modeOf(db)) == QStringLiteral("0600"));
    CHECK(octal(walMode) == QStringLiteral("0600"));
    CHECK(octal(shmMode) == QStringLiteral("0600"));
    CHECK(octal(modeOf(stats)) == QStringLiteral("0600"));
    CHECK(octal(modeOf(shots)) == QStringLiteral("0700"));
    CHECK(octal(modeOf(QDir(shots).filePath(QStringLiteral("screen-0.png")))) ==
          QStringLiteral("0600"));

    // The report names who acknowledged what: the same rule for the command that writes it.
    const QString report = dir.filePath(QStringLiteral("handover.pdf"));
    QString reportOutput;
    const int reportExit = runToEnd(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"),
                                    {QStringLiteral("--db"), db,
                                     QStringLiteral("--handover-report"), report},
                                    &reportOutput);
    INFO(reportOutput.toStdString());
    REQUIRE(reportExit == 0);
    CHECK(octal(modeOf(report)) == QStringLiteral("0600"));
}

TEST_CASE("tlr-wall's account commands create the database for its owner only")
{
    const Umask usual(022);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("accounts.sqlite"));
    QProcess process;
    QProcessEnvironment env = testEnvironment();
    env.insert(QStringLiteral("TLR_TEST_PASSWORD"), QStringLiteral("correct horse battery"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(TLR_BINARY_DIR "/tlr-wall"),
                  {QStringLiteral("--db"), db, QStringLiteral("--add-user"), QStringLiteral("siti"),
                   QStringLiteral("--role"), QStringLiteral("supervisor"),
                   QStringLiteral("--password-env"), QStringLiteral("TLR_TEST_PASSWORD")});
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(120000));
    INFO(QString::fromUtf8(process.readAll()).toStdString());
    REQUIRE(process.exitCode() == 0);
    CHECK(octal(modeOf(db)) == QStringLiteral("0600"));
}

TEST_CASE("tlr-feedsim writes its report for its owner only")
{
    const Umask usual(022);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString report = dir.filePath(QStringLiteral("feedsim-report.json"));
    QString output;
    const int exitCode = runToEnd(QStringLiteral(TLR_BINARY_DIR "/tlr-feedsim"),
                                  {QStringLiteral("--duration"), QStringLiteral("0.3"),
                                   QStringLiteral("--report"), report},
                                  &output);
    INFO(output.toStdString());
    REQUIRE(exitCode == 0);
    CHECK(octal(modeOf(report)) == QStringLiteral("0600"));
}

TEST_CASE("The event store makes a new database and SQLite's side files private whatever the "
          "umask")
{
    // The store does not rely on the program's umask: it creates the file 0600 itself, and
    // SQLite gives -wal and -shm the database's mode (unixOpen → findCreateFileMode).
    const Umask loose(0);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.sqlite"));
    EventStore store;
    StoreOptions options;
    options.path = path;
    REQUIRE(store.open(options).isEmpty());
    store.flush();
    CHECK(octal(modeOf(path)) == QStringLiteral("0600"));
    CHECK(octal(modeOf(path + QStringLiteral("-wal"))) == QStringLiteral("0600"));
    CHECK(octal(modeOf(path + QStringLiteral("-shm"))) == QStringLiteral("0600"));
    store.close();
}

TEST_CASE("PrivateFiles::restrictToOwner takes group and others away and keeps a stricter mask")
{
    const Umask restore(022);
    PrivateFiles::restrictToOwner();
    CHECK(::umask(0277) == 077);
    PrivateFiles::restrictToOwner();
    CHECK(::umask(022) == 0277);
}
