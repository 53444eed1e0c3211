#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace tlr {

// The database layout and how to get there from any older layout. The version lives in
// PRAGMA user_version; each step takes version N to N + 1, and all pending steps run in one
// transaction so that a crash leaves the old version intact.
class StoreSchema
{
public:
    static int currentVersion();

    // Looks at an existing file without modifying it (read-only connection): not a database,
    // locked by another writer, newer than us or failing quick_check each give a message naming
    // the file. Empty on success, and for a file that does not exist yet.
    static QString inspect(const QString &path, int busyTimeoutMilliseconds);

    // Applies the missing steps inside BEGIN IMMEDIATE, which also proves that no other writer
    // holds the database. Empty on success.
    static QString migrate(QSqlDatabase &db);

    // The shared tables (incidents, accounts, the audit log, alerts: the steps whose scope is
    // shared) on a PostgreSQL connection, by the same steps as SQLite's, in one transaction
    // under an advisory lock. The version lives in the table tlr_schema. Empty on success.
    static QString migrateShared(QSqlDatabase &db);

    // Advisory lock keys on the shared database: the schema's migration, and every write
    // transaction (WriteTransaction), which serializes the audit chain's writers.
    static constexpr qint64 kSchemaLockKey = 0x544c5201;
    static constexpr qint64 kWriteLockKey = 0x544c5202;
    static constexpr qint64 kRoomLeaderLockKey = 0x544c5203; // EventStore::holdRoomLeadership

    // Classifies an SQLite error for messages: "locked by another writer" rather than "5".
    static bool isBusy(const QSqlError &error);
};

} // namespace tlr
