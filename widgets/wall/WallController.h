#pragma once

#include "tiles/TileContext.h"
#include "wall/ScreenAssignment.h"
#include "wall/WallProfile.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QScreen;

namespace tlr {

class FrameTimes;
class KioskGuard;
class TileFactory;
class WallPage;
class WallWindow;

// Puts the profile's screens on the monitors there are: builds one page per profile screen,
// one frameless window per monitor, and re-lays them out when monitors come and go.
class WallController : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Windowed, Kiosk };
    using ScreenProvider = std::function<QList<QScreen *>()>;

    WallController(WallProfile profile, TileContext context, FrameTimes *frameTimes,
                   QObject *parent = nullptr);
    ~WallController() override;

    // Call once before show(); the default is every QScreen the application has.
    void setScreenProvider(ScreenProvider provider);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    void show();
    // Rebuilds every page on other models (replay, and back to live), keeping the monitors.
    void setContext(TileContext context);
    const TileContext &context() const { return m_context; }
    // Re-reads the monitors now (hot-plug calls it after a short settling delay). The first
    // window is shown at once, the others one per event-loop turn (windowsShown() after the last).
    void relayout();
    bool allWindowsShown() const { return m_nextWindowToShow >= m_windows.size(); }
    // Saves every profile screen as DIR/screen-N.png at its size; returns errors, empty on success.
    QStringList saveScreenshots(const QString &directory);

    const WallProfile &profile() const { return m_profile; }
    const ScreenAssignment &assignment() const { return m_assignment; }
    QList<WallWindow *> windows() const;
    QList<WallPage *> pages() const { return m_pages; }
    QList<QScreen *> windowScreens() const; // the monitor of each window, in window order

signals:
    void relaidOut();
    void windowsShown(); // every window of the last layout is on its monitor
    void firstFramePainted();

private:
    void buildPages();
    void scheduleRelayout();
    void rotatePages();
    void showNextWindow();

    WallProfile m_profile;
    TileContext m_context;
    FrameTimes *m_frameTimes;
    Mode m_mode = Mode::Windowed;
    ScreenProvider m_screens;
    QList<WallPage *> m_pages; // owned: parentless while no window holds them
    QList<QPointer<WallWindow>> m_windows;
    QList<QScreen *> m_windowScreens;
    ScreenAssignment m_assignment;
    QTimer m_relayoutTimer;
    QTimer m_rotationTimer;
    QTimer m_showTimer;
    qsizetype m_nextWindowToShow = 0; // into m_windows
    KioskGuard *m_kiosk = nullptr;
    bool m_firstFrameSeen = false;
};

} // namespace tlr
