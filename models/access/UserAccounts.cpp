#include "UserAccounts.h"

#include "access/RoleKey.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tlr {
namespace {

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QVariant msecs(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

constexpr auto kColumns = "name, role, enabled, algorithm, iterations, salt, password_hash, "
                          "created_at, password_changed_at, last_login_at, failed_logins";

std::optional<UserAccount> readAccount(const QSqlQuery &query, QString *problem)
{
    UserAccount account;
    account.name = query.value(0).toString();
    const auto role = roleFromKey(query.value(1).toString());
    if (!role) {
        *problem = QStringLiteral("account %1 has an unknown role \"%2\"")
                       .arg(account.name, query.value(1).toString());
        return std::nullopt;
    }
    account.role = *role;
    account.enabled = query.value(2).toBool();
    account.password.algorithm = query.value(3).toString();
    account.password.iterations = query.value(4).toInt();
    account.password.salt = query.value(5).toByteArray();
    account.password.key = query.value(6).toByteArray();
    account.createdAt = fromMsecs(query.value(7));
    account.passwordChangedAt = fromMsecs(query.value(8));
    account.lastLoginAt = fromMsecs(query.value(9));
    account.failedLogins = query.value(10).toInt();
    return account;
}

} // namespace

QString UserAccounts::nameProblem(const QString &name)
{
    static const QRegularExpression kName(QStringLiteral("^[a-z][a-z0-9._-]{0,31}$"));
    if (!kName.match(name).hasMatch()) {
        return QStringLiteral("an account name is 1 to 32 of a-z, 0-9, '.', '_' and '-', "
                              "starting with a letter; got \"%1\"")
            .arg(name.left(40));
    }
    if (name == Actor::system().name)
        return QStringLiteral("\"%1\" names the wall itself in the audit log").arg(name);
    return {};
}

QString UserAccounts::passwordProblem(const QString &password)
{
    if (password.size() < 8)
        return QStringLiteral("a password has at least 8 characters");
    if (password.size() > 1024)
        return QStringLiteral("a password has at most 1024 characters");
    return {};
}

UserAccounts::UserAccounts(const QSqlDatabase &db)
    : m_db(db)
{
}

StoreReply<std::optional<UserAccount>> UserAccounts::find(const QString &name) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM users WHERE name = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(name);
    if (!query.exec())
        return {std::nullopt, describe(query.lastError())};
    if (!query.next())
        return {};
    QString problem;
    auto account = readAccount(query, &problem);
    return {account, problem};
}

StoreReply<QList<UserAccount>> UserAccounts::list() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM users ORDER BY name").arg(QLatin1String(kColumns))))
        return {{}, describe(query.lastError())};
    StoreReply<QList<UserAccount>> reply;
    while (query.next()) {
        QString problem;
        if (auto account = readAccount(query, &problem))
            reply.value.append(*account);
        else
            return {{}, problem};
    }
    return reply;
}

StoreReply<int> UserAccounts::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM users")) || !query.next())
        return {0, describe(query.lastError())};
    return {query.value(0).toInt(), {}};
}

QString UserAccounts::add(const UserAccount &account)
{
    if (const QString problem = nameProblem(account.name); !problem.isEmpty())
        return problem;
    if (!account.password.isValid())
        return QStringLiteral("account %1: not a valid password hash").arg(account.name);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO users (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(QLatin1String(kColumns)));
    for (const QVariant &value :
         {QVariant(account.name), QVariant(roleKey(account.role)), QVariant(account.enabled ? 1 : 0),
          QVariant(account.password.algorithm), QVariant(account.password.iterations),
          QVariant(account.password.salt), QVariant(account.password.key),
          msecs(account.createdAt), msecs(account.passwordChangedAt), msecs(account.lastLoginAt),
          QVariant(account.failedLogins)}) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555): the name is taken.
        if (query.lastError().nativeErrorCode() == QLatin1String("1555"))
            return QStringLiteral("an account named %1 exists already").arg(account.name);
        return QStringLiteral("cannot add account %1: %2")
            .arg(account.name, describe(query.lastError()));
    }
    return {};
}

QString UserAccounts::changeOne(const QString &sql, const QVariantList &bindings,
                                const QString &name)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    query.addBindValue(name);
    if (!query.exec())
        return QStringLiteral("account %1: %2").arg(name, describe(query.lastError()));
    if (query.numRowsAffected() != 1)
        return QStringLiteral("no account named %1").arg(name);
    return {};
}

QString UserAccounts::setEnabled(const QString &name, bool enabled)
{
    return changeOne(QStringLiteral("UPDATE users SET enabled = ? WHERE name = ?"),
                     {enabled ? 1 : 0}, name);
}

QString UserAccounts::setRole(const QString &name, Role role)
{
    return changeOne(QStringLiteral("UPDATE users SET role = ? WHERE name = ?"),
                     {roleKey(role)}, name);
}

QString UserAccounts::setPassword(const QString &name, const PasswordHash &password,
                                  const QDateTime &at)
{
    if (!password.isValid())
        return QStringLiteral("account %1: not a valid password hash").arg(name);
    return changeOne(QStringLiteral("UPDATE users SET algorithm = ?, iterations = ?, salt = ?, "
                                    "password_hash = ?, password_changed_at = ? WHERE name = ?"),
                     {password.algorithm, password.iterations, password.salt, password.key,
                      msecs(at)},
                     name);
}

QString UserAccounts::recordLogin(const QString &name, const QDateTime &at)
{
    return changeOne(
        QStringLiteral("UPDATE users SET last_login_at = ?, failed_logins = 0 WHERE name = ?"),
        {msecs(at)}, name);
}

QString UserAccounts::recordFailedLogin(const QString &name)
{
    return changeOne(
        QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1 WHERE name = ?"), {},
        name);
}

} // namespace tlr
