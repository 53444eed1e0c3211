#include "WallKeys.h"

#include "i18n/LanguageSwitcher.h"

#include <QApplication>
#include <QKeyEvent>

namespace tlr {

WallKeys::WallKeys(LanguageSwitcher *language, bool kiosk, QObject *parent)
    : QObject(parent)
    , m_language(language)
    , m_kiosk(kiosk)
{
    QCoreApplication::instance()->installEventFilter(this);
}

bool WallKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->isAutoRepeat())
        return false;
    const Qt::KeyboardModifiers mods = key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    if (key->key() == Qt::Key_Q
        && (mods == (Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier)
            || (!m_kiosk && mods == Qt::ControlModifier))) {
        emit quitRequested();
        return true;
    }
    if (key->key() == Qt::Key_F8 && mods == Qt::NoModifier) {
        emit logInRequested();
        return true;
    }
    if (key->key() == Qt::Key_F8 && mods == Qt::ShiftModifier) {
        emit logOutRequested();
        return true;
    }
    if (key->key() == Qt::Key_F7 && mods == Qt::NoModifier) {
        emit muteToggleRequested();
        return true;
    }
    if (key->key() == Qt::Key_P && mods == Qt::ControlModifier) {
        emit handoverReportRequested();
        return true;
    }
    if (key->key() == Qt::Key_F6 && mods == Qt::NoModifier) {
        emit replayRequested();
        return true;
    }
    if (key->key() == Qt::Key_Escape && mods == Qt::NoModifier && m_replaying
        && !QApplication::activeModalWidget() && !QApplication::activePopupWidget()) {
        emit liveRequested();
        return true;
    }
    if (key->key() == Qt::Key_F9 && mods == Qt::NoModifier) {
        m_language->toggle();
        return true;
    }
    return false;
}

} // namespace tlr
