#include "KioskGuard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QWidget>

namespace tlr {

KioskGuard::KioskGuard(QObject *parent) : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleMilliseconds);
    connect(&m_idle, &QTimer::timeout, this, &KioskGuard::hideCursor);
    qApp->installEventFilter(this);
    m_idle.start();
}

KioskGuard::~KioskGuard()
{
    showCursor();
}

void KioskGuard::setWindows(const QList<QWidget *> &windows)
{
    m_windows.clear();
    for (QWidget *window : windows)
        m_windows.append(window);
}

bool KioskGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
        showCursor();
        m_idle.start();
        break;
    case QEvent::Close:
        if (std::any_of(m_windows.cbegin(), m_windows.cend(),
                        [watched](const QPointer<QWidget> &w) { return w == watched; })) {
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void KioskGuard::hideCursor()
{
    if (!m_cursorHidden) {
        QApplication::setOverrideCursor(Qt::BlankCursor);
        m_cursorHidden = true;
    }
}

void KioskGuard::showCursor()
{
    if (m_cursorHidden) {
        QApplication::restoreOverrideCursor();
        m_cursorHidden = false;
    }
}

} // namespace tlr
