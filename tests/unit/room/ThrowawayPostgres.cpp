#include "ThrowawayPostgres.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tlr::test {
namespace {

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool chownTree(const QString &path, uid_t uid, gid_t gid)
{
    return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}

} // namespace

ThrowawayPostgres::ThrowawayPostgres()
    : m_bin(binDir())
{
}

ThrowawayPostgres::~ThrowawayPostgres()
{
    stop();
}

QString ThrowawayPostgres::binDir()
{
    const QString given = qEnvironmentVariable("TLR_PG_BIN");
    if (!given.isEmpty())
        return QFile::exists(given + QStringLiteral("/initdb")) ? given : QString();
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(), numeric);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = root.filePath(*it + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) &&
            QFile::exists(bin + QStringLiteral("/pg_ctl")) &&
            QFile::exists(bin + QStringLiteral("/postgres"))) {
            return bin;
        }
    }
    return {};
}

QString ThrowawayPostgres::run(const QStringList &command, int timeoutMs) const
{
    QStringList arguments = command;
    QString program = arguments.takeFirst();
    if (m_asPostgres) {
        arguments.prepend(program);
        arguments =
            QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} +
            arguments;
        program = QStringLiteral("runuser");
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("%1 did not finish: %2").arg(command.first(), process.errorString());
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return QStringLiteral("%1 failed (%2): %3")
            .arg(command.first())
            .arg(process.exitCode())
            .arg(QString::fromLocal8Bit(process.readAll()).trimmed());
    }
    return {};
}

QString ThrowawayPostgres::start()
{
    if (m_bin.isEmpty())
        return QStringLiteral("no PostgreSQL server binaries (/usr/lib/postgresql/N/bin)");
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
    if (::geteuid() == 0) {
        // initdb refuses to run as root: the server's files belong to the postgres account.
        const passwd *account = ::getpwnam("postgres");
        if (!account)
            return QStringLiteral("running as root and there is no postgres account");
        if (!chownTree(m_dir.path(), account->pw_uid, account->pw_gid))
            return QStringLiteral("cannot give %1 to postgres").arg(m_dir.path());
        m_asPostgres = true;
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(passwordFile);
        file.write(password().toUtf8() + '\n');
    }
    if (m_asPostgres) {
        const passwd *account = ::getpwnam("postgres");
        chownTree(passwordFile, account->pw_uid, account->pw_gid);
    }
    if (QString error =
            run({m_bin + QStringLiteral("/initdb"), QStringLiteral("-D"), data,
                 QStringLiteral("--username=tlr"), QStringLiteral("--pwfile=") + passwordFile,
                 QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
                 QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-sync")},
                60000);
        !error.isEmpty()) {
        return error;
    }
    m_port = freePort();
    if (m_port == 0)
        return QStringLiteral("no free port on loopback");
    // Durability is not what these tests are about: no fsync, small buffers, fast start.
    const QString serverOptions =
        QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB "
                       "-c max_connections=40")
            .arg(m_port)
            .arg(m_dir.path());
    if (QString error = run({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data,
                             QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                             QStringLiteral("-o"), serverOptions, QStringLiteral("-w"),
                             QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                            70000);
        !error.isEmpty()) {
        return error;
    }
    m_running = true;
    qputenv("PGPASSWORD", password().toUtf8());
    return {};
}

void ThrowawayPostgres::stop()
{
    if (!m_running)
        return;
    m_running = false;
    run({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
         m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"), QStringLiteral("fast"),
         QStringLiteral("-w"), QStringLiteral("stop")},
        30000);
}

QString ThrowawayPostgres::createDatabase(const QString &name) const
{
    const QString connection =
        QStringLiteral("throwaway.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("tlr"));
        db.setPassword(password());
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name)))
                error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

QString ThrowawayPostgres::url(const QString &databaseName) const
{
    return QStringLiteral("postgresql://tlr@127.0.0.1:%1/%2").arg(m_port).arg(databaseName);
}

} // namespace tlr::test
