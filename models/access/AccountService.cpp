#include "AccountService.h"

#include "access/AccessCategory.h"
#include "access/Permissions.h"
#include "access/RoleKey.h"
#include "access/UserAccounts.h"
#include "audit/AuditLog.h"
#include "store/EventStore.h"

#include <QHostInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace tlr {
namespace {

// Runs job on the store's thread and hands its answer back through a future, which is
// cancelled without a result when the store went away before running it.
template <typename T>
QFuture<T> onStore(EventStore *store, std::function<T(QSqlDatabase &)> job)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    store->post([promise, job = std::move(job)](QSqlDatabase &db) {
        promise->addResult(job(db));
        promise->finish();
    });
    return future;
}

template <typename T> T waitFor(QFuture<T> future, T dropped)
{
    future.waitForFinished();
    return future.resultCount() > 0 ? future.result() : dropped;
}

QString storeGone()
{
    return QStringLiteral("the event store closed before the change was made");
}

} // namespace

AccountService::AccountService(EventStore *store, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_audit(audit)
    , m_console(QHostInfo::localHostName())
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("tlr.access"));
}

AccountService::~AccountService()
{
    m_pool.waitForDone();
}

void AccountService::setIterations(int iterations)
{
    m_iterations = std::max(iterations, PasswordHash::kMinimumIterations);
}

void AccountService::setConsoleName(const QString &name)
{
    m_console = name;
}

void AccountService::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

std::chrono::milliseconds AccountService::throttleWait() const
{
    QMutexLocker lock(&m_throttleMutex);
    return m_throttle.wait(m_now());
}

QFuture<LoginOutcome> AccountService::logIn(const QString &name, const QString &password)
{
    return QtConcurrent::run(&m_pool, [this, name, password] { return checkLogIn(name, password); });
}

LoginOutcome AccountService::checkLogIn(const QString &typedName, const QString &password)
{
    LoginOutcome outcome;
    {
        QMutexLocker lock(&m_throttleMutex);
        outcome.wait = m_throttle.wait(m_now());
        outcome.failuresInARow = m_throttle.failuresInARow();
    }
    if (outcome.wait.count() > 0) {
        // The login dialog waits the delay out; getting here means something did not.
        qCWarning(lcAccess) << "login attempt" << outcome.wait.count()
                            << "ms before the throttle allows one: not checked";
        outcome.result = LoginOutcome::Result::Throttled;
        return outcome;
    }

    const QString name = typedName.trimmed().toLower();
    const auto found = waitFor(onStore<StoreReply<std::optional<UserAccount>>>(
                                   m_store, [name](QSqlDatabase &db) {
                                       return UserAccounts(db).find(name);
                                   }),
                               {std::nullopt, storeGone()});
    if (!found.ok()) {
        outcome.result = LoginOutcome::Result::Failed;
        outcome.message = found.error;
        qCWarning(lcAccess).noquote() << "login: cannot read the account:" << found.error;
        return outcome;
    }

    // An unknown name costs the same derivation as a known one: the time taken must not tell
    // which names exist.
    const std::optional<UserAccount> &account = found.value;
    PasswordHash against;
    if (account) {
        against = account->password;
    } else {
        against.algorithm = PasswordHash::pbkdf2Sha256();
        against.iterations = m_iterations;
        against.salt = QByteArray(PasswordHash::kSaltBytes, '\0');
        against.key = QByteArray(PasswordHash::kKeyBytes, '\0');
    }
    const bool matches = against.matches(password) && account.has_value();

    const QDateTime now = m_now();
    const QString console = QStringLiteral("at console %1").arg(m_console);
    if (matches && account->enabled) {
        {
            QMutexLocker lock(&m_throttleMutex);
            m_throttle.registerSuccess();
        }
        std::optional<PasswordHash> rehashed;
        if (account->password.iterations < m_iterations)
            rehashed = PasswordHash::derive(password, m_iterations);
        QString note = console;
        if (rehashed) {
            note += QStringLiteral("; password re-derived with %1 iterations (was %2)")
                        .arg(m_iterations)
                        .arg(account->password.iterations);
        }
        const QString error = waitFor(
            m_audit->recordChange(
                [name, now, rehashed](QSqlDatabase &db) {
                    UserAccounts accounts(db);
                    if (rehashed) {
                        if (QString e = accounts.setPassword(name, *rehashed, now); !e.isEmpty())
                            return e;
                    }
                    return accounts.recordLogin(name, now);
                },
                {now, account->actor(), QStringLiteral("login.succeeded"),
                 QStringLiteral("user:%1").arg(name), note}),
            storeGone());
        if (!error.isEmpty()) {
            // Not logged in when the login could not be recorded: no unattributable session.
            outcome.result = LoginOutcome::Result::Failed;
            outcome.message = error;
            qCWarning(lcAccess).noquote() << "login of" << name << "not recorded:" << error;
            return outcome;
        }
        qCInfo(lcAccess).noquote() << name << "logged in as" << roleKey(account->role);
        outcome.result = LoginOutcome::Result::LoggedIn;
        outcome.actor = account->actor();
        outcome.failuresInARow = 0;
        return outcome;
    }

    {
        QMutexLocker lock(&m_throttleMutex);
        m_throttle.registerFailure(now);
        outcome.wait = m_throttle.wait(now);
        outcome.failuresInARow = m_throttle.failuresInARow();
    }
    const QString failures = QStringLiteral("%1; %2 failed in a row here")
                                 .arg(console)
                                 .arg(outcome.failuresInARow);
    if (matches) { // and disabled
        outcome.result = LoginOutcome::Result::Disabled;
        m_audit->record({now, account->actor(), QStringLiteral("login.refused"),
                         QStringLiteral("user:%1").arg(name),
                         QStringLiteral("account disabled; %1").arg(failures)});
    } else if (account) {
        outcome.result = LoginOutcome::Result::Refused;
        m_audit->recordChange(
            [name](QSqlDatabase &db) { return UserAccounts(db).recordFailedLogin(name); },
            {now, account->actor(), QStringLiteral("login.failed"),
             QStringLiteral("user:%1").arg(name), QStringLiteral("wrong password; %1").arg(failures)});
    } else {
        // The typed name is not kept: a password typed into the name field by mistake would
        // otherwise end up in the log.
        outcome.result = LoginOutcome::Result::Refused;
        m_audit->record({now, Actor{QStringLiteral("unknown"), Role::Operator},
                         QStringLiteral("login.failed"), QStringLiteral("user:?"),
                         QStringLiteral("no such account; %1").arg(failures)});
    }
    qCInfo(lcAccess) << "failed login" << outcome.failuresInARow << "in a row; next attempt in"
                     << outcome.wait.count() << "ms";
    return outcome;
}

QFuture<QString> AccountService::refused(const QString &message) const
{
    qCWarning(lcAccess).noquote() << message;
    return QtFuture::makeReadyFuture(message);
}

QFuture<QString> AccountService::change(const Actor &by, const QString &name,
                                        const QString &action, const QString &note,
                                        std::function<QString(QSqlDatabase &)> apply)
{
    if (!canManageUsers(by.role)) {
        return refused(QStringLiteral("%1 (%2) may not manage accounts")
                           .arg(by.name, roleKey(by.role)));
    }
    return m_audit->recordChange(std::move(apply), {m_now(), by, action,
                                                    QStringLiteral("user:%1").arg(name), note});
}

QFuture<QString> AccountService::addUser(const Actor &by, const QString &name, Role role,
                                         const QString &password)
{
    if (const QString problem = UserAccounts::nameProblem(name); !problem.isEmpty())
        return refused(problem);
    if (const QString problem = UserAccounts::passwordProblem(password); !problem.isEmpty())
        return refused(problem);
    if (!canManageUsers(by.role)) {
        return refused(QStringLiteral("%1 (%2) may not manage accounts")
                           .arg(by.name, roleKey(by.role)));
    }
    const int iterations = m_iterations;
    return QtConcurrent::run(&m_pool, [=, this] {
        UserAccount account;
        account.name = name;
        account.role = role;
        account.password = PasswordHash::derive(password, iterations);
        account.createdAt = m_now();
        account.passwordChangedAt = account.createdAt;
        return waitFor(change(by, name, QStringLiteral("user.added"),
                              QStringLiteral("role %1").arg(roleKey(role)),
                              [account](QSqlDatabase &db) { return UserAccounts(db).add(account); }),
                       storeGone());
    });
}

QFuture<QString> AccountService::setEnabled(const Actor &by, const QString &name, bool enabled)
{
    return change(by, name,
                  enabled ? QStringLiteral("user.enabled") : QStringLiteral("user.disabled"), {},
                  [name, enabled](QSqlDatabase &db) {
                      return UserAccounts(db).setEnabled(name, enabled);
                  });
}

QFuture<QString> AccountService::setRole(const Actor &by, const QString &name, Role role)
{
    return change(by, name, QStringLiteral("user.role_changed"),
                  QStringLiteral("role %1").arg(roleKey(role)),
                  [name, role](QSqlDatabase &db) { return UserAccounts(db).setRole(name, role); });
}

QFuture<QString> AccountService::setPassword(const Actor &by, const QString &name,
                                             const QString &password)
{
    if (const QString problem = UserAccounts::passwordProblem(password); !problem.isEmpty())
        return refused(problem);
    if (!canManageUsers(by.role)) {
        return refused(QStringLiteral("%1 (%2) may not manage accounts")
                           .arg(by.name, roleKey(by.role)));
    }
    const int iterations = m_iterations;
    return QtConcurrent::run(&m_pool, [=, this] {
        const PasswordHash hash = PasswordHash::derive(password, iterations);
        const QDateTime now = m_now();
        return waitFor(change(by, name, QStringLiteral("user.password_changed"), {},
                              [name, hash, now](QSqlDatabase &db) {
                                  return UserAccounts(db).setPassword(name, hash, now);
                              }),
                       storeGone());
    });
}

QFuture<StoreReply<QList<UserAccount>>> AccountService::users() const
{
    return onStore<StoreReply<QList<UserAccount>>>(
        m_store, [](QSqlDatabase &db) { return UserAccounts(db).list(); });
}

QFuture<StoreReply<int>> AccountService::userCount() const
{
    return onStore<StoreReply<int>>(m_store,
                                    [](QSqlDatabase &db) { return UserAccounts(db).count(); });
}

} // namespace tlr
