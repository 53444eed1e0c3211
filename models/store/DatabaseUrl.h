#pragma once

#include <QString>

#include <optional>
#include <variant>

namespace tlr {

// Where the shared state lives when several consoles share it: a PostgreSQL server named by a
// URL, `postgresql://user@host:port/dbname` (docs/room.md). The password never appears in it:
// command lines are visible to every user of the machine (ps, /proc) and end up in shell
// histories and unit files, so libpq takes it from PGPASSWORD or ~/.pgpass instead.
struct DatabaseUrl
{
    QString user;
    QString host;
    int port = 5432;
    QString databaseName;
    // ?sslmode=disable|allow|prefer|require|verify-ca|verify-full and &sslrootcert=/ABSOLUTE/ca.pem,
    // as libpq takes them; empty: libpq's defaults (PGSSLMODE, else prefer).
    QString sslMode;
    QString sslRootCert;

    struct Error
    {
        QString message;
    };

    // Whether `text` names a PostgreSQL database (postgresql:// or postgres://) rather than an
    // SQLite file; parse() then says whether it does so correctly.
    static bool isPostgres(const QString &text);
    static std::variant<DatabaseUrl, Error> parse(const QString &text);

    // For logs and messages: the URL as given, which holds no secret.
    QString toString() const;
    // The TLS settings as QPSQL connect options ("sslmode=…;sslrootcert=…"), to append to the
    // others with ';'; empty when the URL gives none.
    QString connectOptions() const;
};

} // namespace tlr
