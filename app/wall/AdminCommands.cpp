#include "AdminCommands.h"

#include "HandoverCommand.h"

#include "access/AccountService.h"
#include "access/RoleKey.h"
#include "access/UserAccounts.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "domain/Redaction.h"
#include "store/DatabaseUrl.h"
#include "store/EventStore.h"

#include <QFileInfo>
#include <QLocale>

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace tlr {
namespace {

constexpr int kDone = 0;
constexpr int kRefused = 1;
constexpr int kUnreadable = 3;

void printError(const QString &message)
{
    std::fprintf(stderr, "tlr-wall: %s\n", qPrintable(Redaction::text(message)));
}

template <typename T> std::optional<T> await(QFuture<T> future)
{
    future.waitForFinished();
    if (future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

int verifyAudit(const WallOptions &options)
{
    const auto anchor = options.expectedHead.isEmpty()
                            ? std::nullopt
                            : AuditAnchor::parse(options.expectedHead);
    const AuditVerification result = AuditVerifier::verifyFile(options.dbPath, anchor);
    if (result.problem == AuditVerification::Problem::Unreadable) {
        printError(result.message);
        return kUnreadable;
    }
    if (!result.ok()) {
        std::printf("audit log does NOT hold: %s\n", qPrintable(result.message));
        std::printf("%lld entries hold before it (up to entry %lld)\n",
                    static_cast<long long>(result.entries), static_cast<long long>(result.headSeq));
        return kRefused;
    }
    std::printf("audit log holds: %lld entries\n", static_cast<long long>(result.entries));
    const AuditAnchor head{result.headSeq, result.headHash};
    std::printf("head %s\n", qPrintable(head.toString()));
    if (anchor)
        std::printf("reaches the expected head at entry %lld\n", static_cast<long long>(anchor->seq));
    return kDone;
}

// One line from the terminal without echo, or from a pipe as it is.
std::optional<QString> readPasswordLine(const char *prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!read)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    QString password = QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return password;
}

std::optional<QString> readPassword(const WallOptions &options)
{
    if (!options.passwordEnvironment.isEmpty()) {
        const QByteArray name = options.passwordEnvironment.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            printError(QStringLiteral("--password-env: $%1 is not set").arg(options.passwordEnvironment));
            return std::nullopt;
        }
        return qEnvironmentVariable(name.constData());
    }
    const auto first = readPasswordLine("Password: ");
    if (!first) {
        printError(QStringLiteral("no password on stdin"));
        return std::nullopt;
    }
    if (isatty(STDIN_FILENO)) {
        const auto again = readPasswordLine("Password again: ");
        if (!again || *again != *first) {
            printError(QStringLiteral("the passwords differ"));
            return std::nullopt;
        }
    }
    return first;
}

Actor localAdministrator()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME");
    if (login.isEmpty())
        login = QStringLiteral("uid%1").arg(getuid());
    return {QStringLiteral("local:") + login, Role::Admin};
}

QString dateTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toString(Qt::ISODate) : QStringLiteral("-");
}

int listUsers(AccountService &accounts)
{
    const auto reply = await(accounts.users());
    if (!reply || !reply->ok()) {
        printError(reply ? reply->error : QStringLiteral("the event store closed"));
        return kUnreadable;
    }
    std::printf("%-32s %-10s %-8s %-20s %-6s %s\n", "name", "role", "state", "last login (UTC)",
                "failed", "iterations");
    for (const UserAccount &account : reply->value) {
        std::printf("%-32s %-10s %-8s %-20s %-6d %d\n", qPrintable(account.name),
                    qPrintable(roleKey(account.role)), account.enabled ? "enabled" : "disabled",
                    qPrintable(dateTime(account.lastLoginAt)), account.failedLogins,
                    account.password.iterations);
    }
    return kDone;
}

int changeAccounts(const WallOptions &options)
{
    using Command = WallOptions::Command;
    // A file that is not there would be created empty; a shared database is there or refuses.
    if (options.command != Command::AddUser && !DatabaseUrl::isPostgres(options.dbPath) &&
        !QFileInfo::exists(options.dbPath)) {
        printError(QStringLiteral("--db: %1 does not exist").arg(options.dbPath));
        return kUnreadable;
    }
    std::optional<QString> password;
    if (options.command == Command::AddUser || options.command == Command::SetPassword) {
        password = readPassword(options);
        if (!password)
            return kUnreadable;
    }

    EventStore store;
    EventStore::Options storeOptions;
    storeOptions.path = options.dbPath;
    storeOptions.retentionIntervalMinutes = 0; // a command is no time for a retention pass
    if (const QString error = store.open(storeOptions); !error.isEmpty()) {
        printError(QStringLiteral("--db: %1").arg(error));
        return kUnreadable;
    }
    AuditLog audit(&store);
    AccountService accounts(&store, &audit);
    const Actor by = localAdministrator();

    if (options.command == Command::ListUsers)
        return listUsers(accounts);

    QFuture<QString> change;
    QString done;
    switch (options.command) {
    case Command::AddUser:
        change = accounts.addUser(by, options.userName, *options.role, *password);
        done = QStringLiteral("added %1 (%2)").arg(options.userName, roleKey(*options.role));
        break;
    case Command::DisableUser:
        change = accounts.setEnabled(by, options.userName, false);
        done = QStringLiteral("disabled %1").arg(options.userName);
        break;
    case Command::EnableUser:
        change = accounts.setEnabled(by, options.userName, true);
        done = QStringLiteral("enabled %1").arg(options.userName);
        break;
    case Command::SetPassword:
        change = accounts.setPassword(by, options.userName, *password);
        done = QStringLiteral("set the password of %1").arg(options.userName);
        break;
    case Command::SetRole:
        change = accounts.setRole(by, options.userName, *options.role);
        done = QStringLiteral("%1 is now %2").arg(options.userName, roleKey(*options.role));
        break;
    default:
        return kRefused;
    }
    const auto error = await(change);
    if (!error) {
        printError(QStringLiteral("the event store closed before the change was made"));
        return kUnreadable;
    }
    if (!error->isEmpty()) {
        printError(*error);
        return kRefused;
    }
    audit.flush();
    std::printf("%s; audit log entry %lld by %s\n", qPrintable(done),
                static_cast<long long>(audit.head().seq), qPrintable(by.name));
    return kDone;
}

} // namespace

int AdminCommands::run(const WallOptions &options)
{
    if (options.command == WallOptions::Command::VerifyAudit)
        return verifyAudit(options);
    if (options.command == WallOptions::Command::HandoverReport)
        return HandoverCommand::run(options);
    return changeAccounts(options);
}

} // namespace tlr
