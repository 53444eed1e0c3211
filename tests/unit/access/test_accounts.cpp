#include "AuditTestSupport.h"

#include "access/AccountService.h"
#include "access/UserAccounts.h"
#include "audit/AuditVerifier.h"

using namespace tlr;
using namespace tlr::test;
using namespace std::chrono_literals;

namespace {

constexpr int kFast = 1000;

const Actor kAdmin{QStringLiteral("local:root"), Role::Admin};

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    REQUIRE(future.resultCount() == 1);
    return future.result();
}

struct Fixture
{
    Fixture()
        : audited(dir.filePath(QStringLiteral("wall.db")))
        , accounts(&audited.store, audited.audit.get())
    {
        accounts.setIterations(kFast);
        accounts.setConsoleName(QStringLiteral("meja-supervisor"));
        accounts.setClock([this] { return now; });
    }

    void add(const QString &name, Role role, const QString &password)
    {
        const QString error = await(accounts.addUser(kAdmin, name, role, password));
        INFO(error.toStdString());
        REQUIRE(error.isEmpty());
    }

    QStringList auditActions()
    {
        audited.audit->flush();
        SqlProbe probe(path());
        QSqlQuery query(probe.db());
        REQUIRE(query.exec(QStringLiteral("SELECT action FROM audit_log ORDER BY seq")));
        QStringList actions;
        while (query.next())
            actions.append(query.value(0).toString());
        return actions;
    }

    QString path() const { return dir.filePath(QStringLiteral("wall.db")); }

    QTemporaryDir dir;
    AuditedStore audited;
    AccountService accounts;
    QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC);
};

} // namespace

TEST_CASE("An account logs in with its password and not with another")
{
    Fixture f;
    f.add(QStringLiteral("siti"), Role::Supervisor, QStringLiteral("Pintu-Air-10"));

    const LoginOutcome wrong =
        await(f.accounts.logIn(QStringLiteral("siti"), QStringLiteral("pintu-air-10")));
    CHECK(wrong.result == LoginOutcome::Result::Refused);
    CHECK_FALSE(wrong.actor.has_value());
    CHECK(wrong.failuresInARow == 1);
    CHECK(wrong.wait == 1s);

    f.now = f.now.addSecs(2); // the throttle's delay is over
    const LoginOutcome right =
        await(f.accounts.logIn(QStringLiteral(" Siti "), QStringLiteral("Pintu-Air-10")));
    REQUIRE(right.result == LoginOutcome::Result::LoggedIn);
    REQUIRE(right.actor.has_value());
    CHECK(right.actor->name == QLatin1String("siti"));
    CHECK(right.actor->role == Role::Supervisor);
    CHECK(right.failuresInARow == 0);

    CHECK(f.auditActions() ==
          QStringList{"user.added", "login.failed", "login.succeeded"});
    SqlProbe probe(f.path());
    CHECK(probe.value(QStringLiteral("SELECT failed_logins FROM users WHERE name = 'siti'")).toInt() == 0);
    CHECK(probe.value(QStringLiteral("SELECT last_login_at FROM users WHERE name = 'siti'"))
              .toLongLong() == f.now.toMSecsSinceEpoch());
}

TEST_CASE("Failed logins are counted per account, delayed at the console and audited")
{
    Fixture f;
    f.add(QStringLiteral("budi"), Role::Operator, QStringLiteral("Ciledug-Raya-1"));
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const LoginOutcome outcome =
            await(f.accounts.logIn(QStringLiteral("budi"), QStringLiteral("tebak-%1").arg(attempt)));
        CHECK(outcome.result == LoginOutcome::Result::Refused);
        CHECK(outcome.failuresInARow == attempt);
        CHECK(outcome.wait == LoginThrottle::delayAfter(attempt));
        CHECK(f.accounts.throttleWait() == LoginThrottle::delayAfter(attempt));

        // Too early: refused without being checked, whatever the password.
        const LoginOutcome early =
            await(f.accounts.logIn(QStringLiteral("budi"), QStringLiteral("Ciledug-Raya-1")));
        CHECK(early.result == LoginOutcome::Result::Throttled);
        CHECK(early.wait > 0ms);
        f.now = f.now.addMSecs(LoginThrottle::delayAfter(attempt).count());
    }
    f.audited.audit->flush(); // the log writes on the store's thread: read it once it has
    SqlProbe probe(f.path());
    CHECK(probe.value(QStringLiteral("SELECT failed_logins FROM users WHERE name = 'budi'")).toInt() == 3);
    CHECK(f.auditActions() ==
          QStringList{"user.added", "login.failed", "login.failed", "login.failed"});
    CHECK(probe.value(QStringLiteral("SELECT note FROM audit_log WHERE seq = 4"))
              .toString()
              .contains(QLatin1String("3 failed in a row")));
}

TEST_CASE("An unknown name fails like a wrong password and is not written down")
{
    Fixture f;
    const LoginOutcome outcome =
        await(f.accounts.logIn(QStringLiteral("Rahasia-Salah-Ketik"), QStringLiteral("x")));
    CHECK(outcome.result == LoginOutcome::Result::Refused);
    f.audited.audit->flush();
    SqlProbe probe(f.path());
    CHECK(probe.value(QStringLiteral("SELECT subject FROM audit_log WHERE action = 'login.failed'"))
              .toString() == QLatin1String("user:?"));
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor LIKE '%ahasia%' "
                                     "OR note LIKE '%ahasia%'"))
              .toInt() == 0);
}

TEST_CASE("A disabled account cannot log in, and re-enabled it can")
{
    Fixture f;
    f.add(QStringLiteral("andi"), Role::Supervisor, QStringLiteral("Karawaci-0411"));
    REQUIRE(await(f.accounts.setEnabled(kAdmin, QStringLiteral("andi"), false)).isEmpty());
    CHECK(await(f.accounts.logIn(QStringLiteral("andi"), QStringLiteral("Karawaci-0411"))).result ==
          LoginOutcome::Result::Disabled);
    REQUIRE(await(f.accounts.setEnabled(kAdmin, QStringLiteral("andi"), true)).isEmpty());
    f.now = f.now.addSecs(5);
    CHECK(await(f.accounts.logIn(QStringLiteral("andi"), QStringLiteral("Karawaci-0411"))).result ==
          LoginOutcome::Result::LoggedIn);
    CHECK(f.auditActions() == QStringList{"user.added", "user.disabled", "login.refused",
                                          "user.enabled", "login.succeeded"});
}

TEST_CASE("Only an admin changes accounts - a refused change leaves no trace in the tables")
{
    Fixture f;
    f.add(QStringLiteral("siti"), Role::Supervisor, QStringLiteral("Pintu-Air-10"));
    for (Role role : {Role::Operator, Role::Supervisor, Role::Executive}) {
        const Actor by{QStringLiteral("siti"), role};
        CHECK_FALSE(await(f.accounts.addUser(by, QStringLiteral("eko"), Role::Admin,
                                             QStringLiteral("Jadi-Admin-99")))
                        .isEmpty());
        CHECK_FALSE(await(f.accounts.setRole(by, QStringLiteral("siti"), Role::Admin)).isEmpty());
        CHECK_FALSE(await(f.accounts.setEnabled(by, QStringLiteral("siti"), false)).isEmpty());
        CHECK_FALSE(await(f.accounts.setPassword(by, QStringLiteral("siti"),
                                                 QStringLiteral("Baru-Sekali-1")))
                        .isEmpty());
    }
    SqlProbe probe(f.path());
    CHECK(probe.count(QStringLiteral("users")) == 1);
    CHECK(probe.value(QStringLiteral("SELECT role FROM users")).toString() ==
          QLatin1String("supervisor"));
    CHECK(f.auditActions() == QStringList{"user.added"});
}

TEST_CASE("Names, passwords and duplicates are checked before anything is stored")
{
    Fixture f;
    f.add(QStringLiteral("siti"), Role::Supervisor, QStringLiteral("Pintu-Air-10"));
    CHECK(await(f.accounts.addUser(kAdmin, QStringLiteral("siti"), Role::Operator,
                                   QStringLiteral("Lain-Lagi-22")))
              .contains(QLatin1String("exists already")));
    for (const char *name : {"", "Siti", "1abc", "system", "a b", "nama-yang-terlalu-panjang-untuk-akun"}) {
        INFO(name);
        CHECK_FALSE(await(f.accounts.addUser(kAdmin, QString::fromLatin1(name), Role::Operator,
                                             QStringLiteral("Cukup-Panjang-1")))
                        .isEmpty());
    }
    CHECK(await(f.accounts.addUser(kAdmin, QStringLiteral("eko"), Role::Operator,
                                   QStringLiteral("pendek")))
              .contains(QLatin1String("at least 8")));
    CHECK(await(f.accounts.setEnabled(kAdmin, QStringLiteral("nobody"), false))
              .contains(QLatin1String("no account named nobody")));
    CHECK(f.auditActions() == QStringList{"user.added"});
}

TEST_CASE("The database keeps salted keys, never a password in clear")
{
    Fixture f;
    const QString password = QStringLiteral("Sama-Untuk-Dua-Akun");
    f.add(QStringLiteral("siti"), Role::Supervisor, password);
    f.add(QStringLiteral("budi"), Role::Operator, password);
    f.now = f.now.addSecs(1);
    REQUIRE(await(f.accounts.logIn(QStringLiteral("siti"), password)).result ==
            LoginOutcome::Result::LoggedIn);
    REQUIRE(await(f.accounts.setPassword(kAdmin, QStringLiteral("budi"),
                                         QStringLiteral("Ganti-Setelah-Cuti")))
                .isEmpty());
    f.audited.audit->flush();
    {
        SqlProbe probe(f.path());
        CHECK(probe.value(QStringLiteral("SELECT count(DISTINCT salt) FROM users")).toInt() == 2);
        CHECK(probe.value(QStringLiteral("SELECT count(DISTINCT password_hash) FROM users")).toInt() == 2);
        CHECK(probe.value(QStringLiteral("SELECT iterations FROM users WHERE name = 'siti'")).toInt() == kFast);
    }
    // The file and its write-ahead log, as they are on disk, in either text encoding.
    f.audited.store.close();
    QByteArray bytes = fileBytes(f.path());
    if (QFile::exists(f.path() + QStringLiteral("-wal")))
        bytes += fileBytes(f.path() + QStringLiteral("-wal"));
    REQUIRE(bytes.contains("siti")); // the search does look at the data
    for (const QString &clear : {password, QStringLiteral("Ganti-Setelah-Cuti")}) {
        INFO(clear.toStdString());
        CHECK_FALSE(bytes.contains(clear.toUtf8()));
        CHECK_FALSE(bytes.contains(QByteArray(reinterpret_cast<const char *>(clear.utf16()),
                                              clear.size() * 2)));
    }
}

TEST_CASE("Raising the iteration count re-derives an account's key at its next login")
{
    Fixture f;
    f.add(QStringLiteral("siti"), Role::Supervisor, QStringLiteral("Pintu-Air-10"));
    f.accounts.setIterations(kFast * 3);
    REQUIRE(await(f.accounts.logIn(QStringLiteral("siti"), QStringLiteral("Pintu-Air-10"))).result ==
            LoginOutcome::Result::LoggedIn);
    f.audited.audit->flush();
    SqlProbe probe(f.path());
    CHECK(probe.value(QStringLiteral("SELECT iterations FROM users")).toInt() == kFast * 3);
    CHECK(probe.value(QStringLiteral("SELECT note FROM audit_log WHERE action = 'login.succeeded'"))
              .toString()
              .contains(QLatin1String("re-derived with 3000 iterations (was 1000)")));
    f.now = f.now.addSecs(1);
    CHECK(await(f.accounts.logIn(QStringLiteral("siti"), QStringLiteral("Pintu-Air-10"))).result ==
          LoginOutcome::Result::LoggedIn);
}

TEST_CASE("Every account change is in the audit log, attributed, and the chain holds")
{
    Fixture f;
    f.add(QStringLiteral("siti"), Role::Operator, QStringLiteral("Pintu-Air-10"));
    REQUIRE(await(f.accounts.setRole(kAdmin, QStringLiteral("siti"), Role::Supervisor)).isEmpty());
    REQUIRE(await(f.accounts.setPassword(kAdmin, QStringLiteral("siti"),
                                         QStringLiteral("Baru-Lagi-2026")))
                .isEmpty());
    REQUIRE(await(f.accounts.setEnabled(kAdmin, QStringLiteral("siti"), false)).isEmpty());
    CHECK(f.auditActions() == QStringList{"user.added", "user.role_changed",
                                          "user.password_changed", "user.disabled"});
    SqlProbe probe(f.path());
    CHECK(probe.value(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'local:root' "
                                     "AND role = 'admin' AND subject = 'user:siti'"))
              .toInt() == 4);
    CHECK(probe.value(QStringLiteral("SELECT note FROM audit_log WHERE seq = 2")).toString() ==
          QLatin1String("role supervisor"));
    const AuditVerification verification = AuditVerifier::verify(probe.db());
    INFO(verification.message.toStdString());
    CHECK(verification.ok());
    CHECK(verification.entries == 4);
}
