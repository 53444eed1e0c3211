#pragma once

#include "WallProfile.h"

#include <QList>
#include <QRect>
#include <QString>

namespace tlr {

// A monitor as the assignment sees it: enough to decide, nothing that ties it to QScreen, so
// that hot-plug can be tested with any list of monitors.
struct MonitorInfo
{
    QString name;
    QRect geometry;
};

// Which profile screens each monitor shows. Every profile screen is shown by exactly one
// monitor; a monitor showing more than one switches or rotates between them, and monitors
// beyond what the profile needs show the overview of the whole wall.
struct ScreenAssignment
{
    struct Window
    {
        int monitor = -1;         // index into the monitor list given to assign()
        QList<int> screens;       // profile screen indices, in the order they rotate
        bool overview = false;    // a spare monitor that shows all screens scaled down
    };
    QList<Window> windows;

    // The window (index into windows) that shows a profile screen.
    int windowOf(int screenIndex) const;

    static ScreenAssignment assign(const WallProfile &profile, const QList<MonitorInfo> &monitors);
};

} // namespace tlr
