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

    // Classifies an SQLite error for messages: "locked by another writer" rather than "5".
    static bool isBusy(const QSqlError &error);
};

} // namespace tlr
