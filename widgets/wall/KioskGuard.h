#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace tlr {

// Kiosk behaviour for the wall's windows: the cursor disappears when the mouse rests, and a
// window cannot be closed by accident (Alt+F4, a stray click) — only the supervisor's key chord,
// Ctrl+Alt+Shift+Q, ends the program.
class KioskGuard : public QObject
{
    Q_OBJECT
public:
    explicit KioskGuard(QObject *parent = nullptr);
    ~KioskGuard() override;

    void setWindows(const QList<QWidget *> &windows);
    template<typename W>
    void setWindows(const QList<W *> &windows)
    {
        setWindows(QList<QWidget *>(windows.begin(), windows.end()));
    }

    static constexpr int kIdleMilliseconds = 3000;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void hideCursor();
    void showCursor();

    QList<QPointer<QWidget>> m_windows;
    QTimer m_idle;
    bool m_cursorHidden = false;
};

} // namespace tlr
