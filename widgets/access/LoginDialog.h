#pragma once

#include "access/AccountService.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tlr {

// Logging in at a console: name, password, Enter. Sized to be read at the wall (Theme), in the
// wall's language. The password is checked off the GUI thread; after a failure the form stays
// closed for the throttle's delay and counts it down, so that a guess cannot be hurried.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(AccountService *accounts, QWidget *parent = nullptr);

    // The form's parts, for tests and for screen readers' names.
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *passwordField() const { return m_password; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void loggedIn(const tlr::Actor &actor);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    void showOutcome(const LoginOutcome &outcome);
    void showWait();
    void setBusy(bool busy);

    AccountService *m_accounts;
    QLabel *m_title = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_logIn = nullptr;
    QPushButton *m_cancel = nullptr;
    QFutureWatcher<LoginOutcome> m_watcher;
    QTimer m_countdown;
    QString m_problem; // what the last attempt said, kept across language switches
    LoginOutcome::Result m_lastResult = LoginOutcome::Result::LoggedIn;
    bool m_busy = false;
};

} // namespace tlr
