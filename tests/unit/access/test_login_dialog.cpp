#include "AuditTestSupport.h"

#include "access/AccountService.h"
#include "access/LoginDialog.h"
#include "i18n/LanguageSwitcher.h"
#include "domain/WallClock.h"
#include "theme/Theme.h"
#include "wall/HeaderBar.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tlr;
using namespace tlr::test;

namespace {

struct Console
{
    Console()
        : audited(dir.filePath(QStringLiteral("wall.db")))
        , accounts(&audited.store, audited.audit.get())
    {
        accounts.setIterations(1000);
        accounts.setClock([this] { return now; });
        QFuture<QString> added = accounts.addUser({QStringLiteral("local:root"), Role::Admin},
                                                  QStringLiteral("siti"), Role::Supervisor,
                                                  QStringLiteral("Pintu-Air-10"));
        added.waitForFinished();
        REQUIRE(added.result().isEmpty());
    }

    QTemporaryDir dir;
    AuditedStore audited;
    AccountService accounts;
    QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC);
};

void type(LoginDialog &dialog, const QString &name, const QString &password)
{
    dialog.nameField()->clear();
    QTest::keyClicks(dialog.nameField(), name);
    QTest::keyClick(dialog.nameField(), Qt::Key_Return); // on to the password
    QTest::keyClicks(dialog.passwordField(), password);
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
}

} // namespace

TEST_CASE("Logging in with the keyboard alone hands back the account's actor")
{
    Console console;
    LoginDialog dialog(&console.accounts);
    dialog.show();
    QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
    type(dialog, QStringLiteral("siti"), QStringLiteral("Pintu-Air-10"));
    CHECK(dialog.passwordField()->text().isEmpty()); // not kept while it is checked
    REQUIRE(loggedIn.wait(10000));
    CHECK(console.accounts.throttleWait().count() == 0); // no failed attempt on the way
    const auto actor = loggedIn.at(0).at(0).value<Actor>();
    CHECK(actor.name == QLatin1String("siti"));
    CHECK(actor.role == Role::Supervisor);
    CHECK(dialog.result() == QDialog::Accepted);
}

TEST_CASE("A wrong password closes the form for the throttle's delay and counts it down")
{
    Console console;
    LoginDialog dialog(&console.accounts);
    dialog.show();
    QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
    type(dialog, QStringLiteral("siti"), QStringLiteral("tebakan"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusLabel()->text().contains(QLatin1String("Next attempt in 1 s")), 10000);
    CHECK(dialog.statusLabel()->text().startsWith(QLatin1String("Wrong name or password.")));
    CHECK_FALSE(dialog.passwordField()->isEnabled());
    CHECK(dialog.passwordField()->text().isEmpty());

    // Enter during the delay does nothing.
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    CHECK(console.accounts.throttleWait().count() > 0);

    console.now = console.now.addSecs(1);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.passwordField()->isEnabled(), 2000);
    CHECK(dialog.statusLabel()->text() == QLatin1String("Wrong name or password."));
    QTest::keyClicks(dialog.passwordField(), QStringLiteral("Pintu-Air-10"));
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    REQUIRE(loggedIn.wait(10000));
    CHECK(loggedIn.size() == 1);
}

TEST_CASE("The login reads at wall sizes and speaks Indonesian")
{
    Console console;
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("id")));
    LoginDialog dialog(&console.accounts);
    dialog.show();
    CHECK(dialog.windowTitle() == QLatin1String("Masuk"));
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (qobject_cast<QLabel *>(widget) || qobject_cast<QLineEdit *>(widget) ||
            qobject_cast<QPushButton *>(widget)) {
            INFO(widget->metaObject()->className());
            CHECK(widget->font().pixelSize() >= Theme::kSmallPixels);
        }
    }
    type(dialog, QStringLiteral("siti"), QStringLiteral("salah-ketik"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusLabel()->text().contains(QLatin1String("Coba lagi dalam 1 dtk")), 10000);
    CHECK(dialog.statusLabel()->text().startsWith(QLatin1String("Nama atau kata sandi salah.")));

    REQUIRE(language.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    CHECK(dialog.windowTitle() == QLatin1String("Log in"));
    CHECK(dialog.statusLabel()->text().startsWith(QLatin1String("Wrong name or password.")));
}

TEST_CASE("The header says who is logged in, or that the console is read-only")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("en")));
    WallClock clock;
    HeaderBar header({}, QStringLiteral("City overview"), 0, 1, &clock);
    const auto texts = [&header] {
        QStringList all;
        for (QLabel *label : header.findChildren<QLabel *>())
            all.append(label->text());
        return all.join(u'|');
    };
    CHECK(texts().contains(QLatin1String("read-only (F8: log in)")));
    header.setSession(Actor{QStringLiteral("siti"), Role::Supervisor});
    CHECK(texts().contains(QStringLiteral("siti · supervisor")));
    CHECK_FALSE(texts().contains(QLatin1String("read-only")));
    REQUIRE(language.setLanguage(QStringLiteral("id")));
    QCoreApplication::processEvents();
    header.setSession(std::nullopt);
    CHECK(texts().contains(QLatin1String("hanya-baca (F8: masuk)")));
}
