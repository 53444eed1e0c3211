#include "WallController.h"

#include "KioskGuard.h"
#include "WallPage.h"
#include "WallWindow.h"
#include "alerts/AlertEngine.h"
#include "tiles/TileFactory.h"

#include <QDir>
#include <QGuiApplication>
#include <QLayout>
#include <QLoggingCategory>
#include <QScreen>

Q_LOGGING_CATEGORY(lcWall, "tlr.wall")

namespace tlr {

WallController::WallController(WallProfile profile, TileContext context, FrameTimes *frameTimes,
                               QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_context(std::move(context))
    , m_frameTimes(frameTimes)
    , m_screens([] { return QGuiApplication::screens(); })
{
    buildPages();

    // Monitors arrive and leave in bursts (a docking station brings three at once): wait for
    // the burst to settle, then lay out once. Well inside the 2 s an operator would wait.
    m_relayoutTimer.setSingleShot(true);
    m_relayoutTimer.setInterval(400);
    connect(&m_relayoutTimer, &QTimer::timeout, this, &WallController::relayout);
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &WallController::scheduleRelayout);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &WallController::scheduleRelayout);

    // A window's first paint is a whole monitor's worth, done while it handles its expose event:
    // seven 1920 x 1080 windows shown in one turn kept the event loop away for a third of a
    // second at start. One window a turn keeps every turn within a frame anyone would notice.
    m_showTimer.setSingleShot(true);
    m_showTimer.setInterval(0);
    connect(&m_showTimer, &QTimer::timeout, this, &WallController::showNextWindow);

    m_rotationTimer.setInterval(m_profile.rotationSeconds * 1000);
    connect(&m_rotationTimer, &QTimer::timeout, this, &WallController::rotatePages);
}

WallController::~WallController()
{
    for (const auto &window : std::as_const(m_windows)) {
        if (window)
            window->releasePages();
        delete window.data();
    }
    qDeleteAll(m_pages);
}

void WallController::buildPages()
{
    const TileFactory factory(m_context);
    for (int i = 0; i < m_profile.screens.size(); ++i) {
        m_pages.append(new WallPage(m_profile.screens.at(i), i, int(m_profile.screens.size()),
                                    factory, m_context));
    }
}

void WallController::setContext(TileContext context)
{
    m_context = std::move(context);
    for (const auto &window : std::as_const(m_windows)) {
        if (window)
            window->releasePages();
    }
    qDeleteAll(m_pages);
    m_pages.clear();
    buildPages();
    relayout();
}

void WallController::setScreenProvider(ScreenProvider provider)
{
    m_screens = std::move(provider);
}

void WallController::setMode(Mode mode)
{
    m_mode = mode;
    if (mode == Mode::Kiosk && !m_kiosk)
        m_kiosk = new KioskGuard(this);
}

void WallController::show()
{
    relayout();
    if (m_mode == Mode::Kiosk)
        m_rotationTimer.start();
}

void WallController::scheduleRelayout()
{
    m_relayoutTimer.start();
}

void WallController::relayout()
{
    const QList<QScreen *> screens = m_screens();
    QList<MonitorInfo> monitors;
    for (QScreen *screen : screens)
        monitors.append({screen->name(), screen->geometry()});
    m_assignment = ScreenAssignment::assign(m_profile, monitors);

    // Keep what each window was showing, so a re-layout does not jump pages.
    for (const auto &window : std::as_const(m_windows)) {
        if (!window)
            continue;
        window->releasePages();
        window->hide();
        window->deleteLater();
    }
    m_windows.clear();
    m_showTimer.stop();
    m_windowScreens.clear();

    for (const ScreenAssignment::Window &assigned : std::as_const(m_assignment.windows)) {
        QScreen *screen = screens.at(assigned.monitor);
        QList<WallPage *> pages;
        for (int index : assigned.screens)
            pages.append(m_pages.at(index));
        auto *window = new WallWindow(pages, m_pages, m_frameTimes);
        window->setWindowTitle(pages.isEmpty()
                                   ? tr("Tangerang Live Room — overview")
                                   : QStringLiteral("Tangerang Live Room — %1").arg(pages.first()->spec().name));
        window->setScreen(screen);
        window->setGeometry(screen->geometry());
        connect(window, &WallWindow::firstFramePainted, this, [this] {
            if (!m_firstFrameSeen) {
                m_firstFrameSeen = true;
                emit firstFramePainted();
            }
        });
        for (WallPage *page : std::as_const(pages))
            page->show(); // shown with their window
        if (!pages.isEmpty())
            window->showPage(pages.first());
        m_windows.append(window);
        m_windowScreens.append(screen);
    }
    if (m_kiosk)
        m_kiosk->setWindows(windows());
    qCInfo(lcWall) << "laid out" << m_profile.screens.size() << "screens on" << screens.size()
                   << "monitor(s)";
    emit relaidOut();
    m_nextWindowToShow = 0;
    showNextWindow();
}

void WallController::showNextWindow()
{
    while (m_nextWindowToShow < m_windows.size()) {
        WallWindow *window = m_windows.at(m_nextWindowToShow++);
        if (!window)
            continue;
        if (m_mode == Mode::Kiosk)
            window->showFullScreen();
        else
            window->show();
        break;
    }
    if (allWindowsShown())
        emit windowsShown();
    else
        m_showTimer.start();
}

QList<WallWindow *> WallController::windows() const
{
    QList<WallWindow *> result;
    for (const auto &window : m_windows) {
        if (window)
            result.append(window);
    }
    return result;
}

QList<QScreen *> WallController::windowScreens() const
{
    return m_windowScreens;
}

void WallController::rotatePages()
{
    // While a critical alert waits for a supervisor the wall holds still, so that the page
    // showing it stays in front of the room.
    if (m_context.alerts && m_context.alerts->liveUnacknowledgedCriticalCount() > 0)
        return;
    for (const auto &window : std::as_const(m_windows)) {
        if (window && window->pages().size() > 1 && !window->isOverviewVisible())
            window->showNextPage(1);
    }
}

QStringList WallController::saveScreenshots(const QString &directory)
{
    QStringList errors;
    if (!QDir().mkpath(directory))
        return {tr("cannot create the screenshot directory %1").arg(directory)};
    for (int i = 0; i < m_pages.size(); ++i) {
        WallPage *page = m_pages.at(i);
        const int windowIndex = m_assignment.windowOf(i);
        WallWindow *window = windowIndex >= 0 ? m_windows.value(windowIndex) : nullptr;
        WallPage *previous = window ? window->currentPage() : nullptr;
        const bool overview = window && window->isOverviewVisible();
        // A page that shares a monitor is brought forward for its picture, then put back.
        if (window) {
            window->showPage(page);
            window->layout()->activate(); // gives the page its size now, not at the next event
        }
        QPixmap pixmap = page->grab();
        if (window && previous)
            window->showPage(previous);
        if (window && overview)
            window->setOverviewVisible(true);
        const QString path = QDir(directory).filePath(QStringLiteral("screen-%1.png").arg(i));
        if (pixmap.isNull() || !pixmap.save(path))
            errors.append(tr("cannot write %1").arg(path));
    }
    return errors;
}

} // namespace tlr
