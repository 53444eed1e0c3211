#pragma once

#include <QSqlDatabase>
#include <QString>

namespace tlr {

// Telling the other consoles on a shared (PostgreSQL) database what changed: NOTIFY on
// kChannel with what names it ("alert:<id>", "incident:<id>"), queued in the transaction that
// made the change and delivered when it commits. Each console LISTENs (StoreWorker) and
// re-reads what it is told of; a console is not told of its own changes. Nothing on SQLite,
// where one console is alone. Empty on success, otherwise the database's error.
namespace SharedChanges {

inline constexpr const char *kChannel = "tlr_changes";

QString notify(QSqlDatabase &db, const QString &what);

} // namespace SharedChanges
} // namespace tlr
