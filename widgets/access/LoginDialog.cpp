#include "LoginDialog.h"

#include "theme/Theme.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace tlr {

LoginDialog::LoginDialog(AccountService *accounts, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_watcher(this)
    , m_countdown(this)
{
    setModal(true);
    setMinimumWidth(720);

    m_title = new QLabel(this);
    m_title->setFont(Theme::font(Theme::kHeaderPixels, QFont::Bold));
    m_nameLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(32);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    m_nameLabel->setBuddy(m_name);
    m_passwordLabel->setBuddy(m_password);
    for (QWidget *widget : {static_cast<QWidget *>(m_nameLabel), static_cast<QWidget *>(m_passwordLabel),
                            static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_password)}) {
        widget->setFont(Theme::font(Theme::kBodyPixels));
    }
    m_status = new QLabel(this);
    m_status->setFont(Theme::font(Theme::kBodyPixels));
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(2 * Theme::kBodyPixels + 8);
    m_logIn = new QPushButton(this);
    m_logIn->setDefault(true);
    m_cancel = new QPushButton(this);
    for (QPushButton *button : {m_logIn, m_cancel})
        button->setFont(Theme::font(Theme::kBodyPixels, QFont::DemiBold));

    auto *form = new QFormLayout;
    form->setSpacing(Theme::kTileSpacing);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_passwordLabel, m_password);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_logIn);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(Theme::kTileSpacing * 2);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_logIn, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_name, &QLineEdit::returnPressed, this, [this] { m_password->setFocus(); });
    connect(m_password, &QLineEdit::returnPressed, this, &LoginDialog::submit);
    connect(&m_watcher, &QFutureWatcher<LoginOutcome>::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0)
            showOutcome(m_watcher.result());
        else
            showOutcome({});
    });
    m_countdown.setInterval(250);
    connect(&m_countdown, &QTimer::timeout, this, &LoginDialog::showWait);

    retranslate();
    m_name->setFocus();
    showWait(); // a console still throttled from an earlier attempt shows it at once
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Log in"));
    m_title->setText(tr("Log in at this console"));
    m_nameLabel->setText(tr("&Name"));
    m_passwordLabel->setText(tr("&Password"));
    m_logIn->setText(tr("Log in"));
    m_cancel->setText(tr("Cancel"));
    switch (m_lastResult) {
    case LoginOutcome::Result::Refused:
    case LoginOutcome::Result::Throttled:
        m_problem = tr("Wrong name or password.");
        break;
    case LoginOutcome::Result::Disabled:
        m_problem = tr("This account is disabled; the administrator can enable it.");
        break;
    case LoginOutcome::Result::Failed:
        m_problem = tr("The password cannot be checked now (database). See the wall's log.");
        break;
    case LoginOutcome::Result::LoggedIn:
        m_problem.clear();
        break;
    }
    showWait();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_name->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_logIn->setEnabled(!busy);
}

void LoginDialog::submit()
{
    if (m_busy || m_accounts->throttleWait().count() > 0)
        return;
    // Enter in the name field reaches the default button too: on to the password, not a
    // failed attempt with an empty one.
    if (m_name->text().trimmed().isEmpty()) {
        m_name->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        m_password->setFocus();
        return;
    }
    setBusy(true);
    m_status->setText(tr("Checking…"));
    m_watcher.setFuture(m_accounts->logIn(m_name->text(), m_password->text()));
    m_password->clear(); // not kept in the form while it is checked
}

void LoginDialog::showOutcome(const LoginOutcome &outcome)
{
    m_lastResult = outcome.result;
    if (outcome.result == LoginOutcome::Result::LoggedIn && outcome.actor) {
        emit loggedIn(*outcome.actor);
        accept();
        return;
    }
    retranslate(); // sets the problem's text and the countdown
    m_password->setFocus();
}

void LoginDialog::showWait()
{
    if (m_watcher.isRunning())
        return;
    const auto wait = m_accounts->throttleWait();
    if (wait.count() > 0) {
        setBusy(true);
        const int seconds = static_cast<int>(std::ceil(double(wait.count()) / 1000.0));
        m_status->setText(m_problem + QLatin1Char(' ') +
                          tr("Next attempt in %n s.", nullptr, seconds));
        if (!m_countdown.isActive())
            m_countdown.start();
        return;
    }
    m_countdown.stop();
    setBusy(false);
    m_status->setText(m_problem);
    if (!m_password->hasFocus() && !m_name->text().isEmpty())
        m_password->setFocus();
}

} // namespace tlr
