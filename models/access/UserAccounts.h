#pragma once

#include "access/UserAccount.h"
#include "store/StoreRecords.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace tlr {

// The users table, read and written with SQL on a connection the caller owns (the store's, on
// its thread). Every write is one statement; whoever calls it provides the transaction, so that
// a change and its audit entry commit together (AuditLog::recordChange).
class UserAccounts
{
public:
    // Why a name cannot be an account's, or empty: 1–32 of a–z, 0–9, '.', '_', '-', starting
    // with a letter; "system" is the wall's own name in the audit log.
    static QString nameProblem(const QString &name);
    // At least 8 characters (NIST SP 800-63B); no upper limit below 1,024.
    static QString passwordProblem(const QString &password);

    explicit UserAccounts(const QSqlDatabase &db);

    StoreReply<std::optional<UserAccount>> find(const QString &name) const;
    StoreReply<QList<UserAccount>> list() const;
    StoreReply<int> count() const;

    // Each returns an error message, empty on success; naming an account that does not exist
    // is an error.
    QString add(const UserAccount &account);
    QString setEnabled(const QString &name, bool enabled);
    QString setRole(const QString &name, Role role);
    QString setPassword(const QString &name, const PasswordHash &password, const QDateTime &at);
    QString recordLogin(const QString &name, const QDateTime &at);
    QString recordFailedLogin(const QString &name);

private:
    QString changeOne(const QString &sql, const QVariantList &bindings, const QString &name);

    QSqlDatabase m_db;
};

} // namespace tlr
