#pragma once

#include "access/Actor.h"
#include "access/LoginThrottle.h"
#include "access/UserAccount.h"
#include "store/StoreRecords.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <optional>

namespace tlr {

class AuditLog;
class EventStore;

struct LoginOutcome
{
    enum class Result {
        LoggedIn,
        Refused,   // wrong name or password: the answer does not say which
        Disabled,  // the right password for a disabled account
        Throttled, // too soon after the last failure; not checked at all
        Failed,    // the store could not answer
    };
    Result result = Result::Failed;
    std::optional<Actor> actor;       // with LoggedIn
    std::chrono::milliseconds wait{}; // before the next attempt is accepted
    int failuresInARow = 0;           // at this console
    QString message;                  // with Failed: for the log, not for the screen
};

// Local accounts: logging in and keeping the users table. Key derivation (PBKDF2, about a
// second) runs on a pool of this object's, the SQL on the store's thread; nothing waits on the
// caller's thread. Every change, every login and every failed login goes to the audit log, a
// change in the same transaction as its entry. Changes need an actor who canManageUsers().
//
// The store and the audit log must outlive this object; the destructor waits for the work it
// started.
class AccountService : public QObject
{
    Q_OBJECT

public:
    AccountService(EventStore *store, AuditLog *audit, QObject *parent = nullptr);
    ~AccountService() override;

    // PBKDF2 iterations for new passwords; an account derived with fewer is re-derived at its
    // next successful login. Tests lower it.
    void setIterations(int iterations);
    int iterations() const { return m_iterations; }
    // The console's name in the audit log's notes (default: the host name).
    void setConsoleName(const QString &name);
    // The time the throttle runs on (tests); default: the system clock.
    void setClock(std::function<QDateTime()> now);

    QFuture<LoginOutcome> logIn(const QString &name, const QString &password);
    std::chrono::milliseconds throttleWait() const;

    // Each future holds an error message, empty on success.
    QFuture<QString> addUser(const Actor &by, const QString &name, Role role,
                             const QString &password);
    QFuture<QString> setEnabled(const Actor &by, const QString &name, bool enabled);
    QFuture<QString> setRole(const Actor &by, const QString &name, Role role);
    QFuture<QString> setPassword(const Actor &by, const QString &name, const QString &password);

    QFuture<StoreReply<QList<UserAccount>>> users() const;
    QFuture<StoreReply<int>> userCount() const;

private:
    LoginOutcome checkLogIn(const QString &name, const QString &password);
    QFuture<QString> change(const Actor &by, const QString &name, const QString &action,
                            const QString &note,
                            std::function<QString(QSqlDatabase &)> apply);
    QFuture<QString> refused(const QString &message) const;

    EventStore *m_store;
    AuditLog *m_audit;
    QThreadPool m_pool;
    int m_iterations = PasswordHash::kDefaultIterations;
    QString m_console;
    std::function<QDateTime()> m_now;
    mutable QMutex m_throttleMutex;
    LoginThrottle m_throttle; // guarded by m_throttleMutex
};

} // namespace tlr
