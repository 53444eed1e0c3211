#pragma once

#include <QString>
#include <QTemporaryDir>

namespace tlr::test {

// A PostgreSQL server of the test's own: initdb into a temporary folder, started on loopback on
// a free port, stopped and removed with this object. The superuser `tlr` has a password and the
// server asks for it over TCP (scram-sha-256), so that the wall's way of finding it (PGPASSWORD)
// is exercised; start() puts it in this process's environment. Root cannot run the server:
// then it runs as the `postgres` account through runuser.
class ThrowawayPostgres
{
public:
    ThrowawayPostgres();
    ~ThrowawayPostgres();
    ThrowawayPostgres(const ThrowawayPostgres &) = delete;
    ThrowawayPostgres &operator=(const ThrowawayPostgres &) = delete;

    // Where initdb, pg_ctl and postgres are (the newest /usr/lib/postgresql/N/bin, or
    // TLR_PG_BIN); empty when the server is not installed: the tests skip.
    static QString binDir();

    QString start(); // empty on success, else why
    void stop();
    // A new empty database; empty on success.
    QString createDatabase(const QString &name) const;
    QString url(const QString &databaseName) const; // postgresql://tlr@127.0.0.1:PORT/NAME
    int port() const { return m_port; }
    static QString password() { return QStringLiteral("tlr-test-secret"); }

private:
    QString run(const QStringList &command, int timeoutMs) const;

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false;
};

} // namespace tlr::test
