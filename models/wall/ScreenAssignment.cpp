#include "ScreenAssignment.h"

#include <algorithm>
#include <numeric>

namespace tlr {

int ScreenAssignment::windowOf(int screenIndex) const
{
    for (int w = 0; w < windows.size(); ++w) {
        if (windows.at(w).screens.contains(screenIndex))
            return w;
    }
    return -1;
}

ScreenAssignment ScreenAssignment::assign(const WallProfile &profile, const QList<MonitorInfo> &monitors)
{
    ScreenAssignment result;
    const int screenCount = int(profile.screens.size());
    if (monitors.isEmpty() || screenCount == 0)
        return result;

    // Monitors in reading order (top to bottom, left to right), as a wall is numbered.
    QList<int> freeMonitors(monitors.size());
    std::iota(freeMonitors.begin(), freeMonitors.end(), 0);
    std::stable_sort(freeMonitors.begin(), freeMonitors.end(), [&](int a, int b) {
        const QRect ga = monitors.at(a).geometry;
        const QRect gb = monitors.at(b).geometry;
        return ga.top() != gb.top() ? ga.top() < gb.top() : ga.left() < gb.left();
    });

    QList<int> monitorOfScreen(screenCount, -1);
    // A profile screen that names its output gets that monitor when it is there.
    for (int s = 0; s < screenCount; ++s) {
        const QString &output = profile.screens.at(s).output;
        if (output.isEmpty())
            continue;
        const auto it = std::find_if(freeMonitors.begin(), freeMonitors.end(),
                                     [&](int m) { return monitors.at(m).name == output; });
        if (it != freeMonitors.end()) {
            monitorOfScreen[s] = *it;
            freeMonitors.erase(it);
        }
    }
    // The others take the remaining monitors in order; when monitors run out, the last
    // monitor that has one also hosts every screen left over.
    int lastWindowMonitor = -1;
    QList<int> overflow;
    for (int s = 0; s < screenCount; ++s) {
        if (monitorOfScreen[s] >= 0)
            continue;
        if (!freeMonitors.isEmpty()) {
            monitorOfScreen[s] = freeMonitors.takeFirst();
            lastWindowMonitor = monitorOfScreen[s];
        } else {
            overflow.append(s);
        }
    }
    if (lastWindowMonitor < 0) {
        // Every monitor was claimed by name: the overflow joins the last named one.
        lastWindowMonitor = *std::max_element(monitorOfScreen.begin(), monitorOfScreen.end());
    }
    for (int s : std::as_const(overflow))
        monitorOfScreen[s] = lastWindowMonitor;

    for (int m = 0; m < monitors.size(); ++m) {
        Window window;
        window.monitor = m;
        for (int s = 0; s < screenCount; ++s) {
            if (monitorOfScreen[s] == m)
                window.screens.append(s);
        }
        window.overview = window.screens.isEmpty();
        result.windows.append(window);
    }
    return result;
}

} // namespace tlr
