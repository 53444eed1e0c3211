#include "wall/ScreenAssignment.h"
#include "wall/WallProfileReader.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace tlr;

namespace {

WallProfile tlrWall()
{
    auto result = WallProfileReader::readFile(WallProfileReader::defaultProfilePath());
    REQUIRE(std::holds_alternative<WallProfile>(result));
    return std::get<WallProfile>(result);
}

// Monitors in a row-major block, columns wide, given here in scrambled order to show that the
// assignment follows their position, not the order the system lists them in.
QList<MonitorInfo> monitors(int count, int columns)
{
    QList<MonitorInfo> list;
    for (int i = 0; i < count; ++i)
        list.append({QStringLiteral("out-%1").arg(i), QRect((i % columns) * 1920, (i / columns) * 1080, 1920, 1080)});
    std::reverse(list.begin(), list.end());
    return list;
}

void checkEveryScreenShownOnce(const ScreenAssignment &assignment, int screenCount)
{
    QList<int> seen;
    for (const auto &window : assignment.windows)
        seen += window.screens;
    std::sort(seen.begin(), seen.end());
    QList<int> expected(screenCount);
    std::iota(expected.begin(), expected.end(), 0);
    CHECK(seen == expected);
}

} // namespace

TEST_CASE("Seven profile screens on 1, 2, 6, 7 and 9 monitors")
{
    const WallProfile profile = tlrWall();
    for (const auto &[count, columns] : {std::pair{1, 1}, {2, 2}, {6, 3}, {7, 4}, {9, 3}}) {
        INFO(count << " monitors");
        const QList<MonitorInfo> list = monitors(count, columns);
        const ScreenAssignment assignment = ScreenAssignment::assign(profile, list);
        REQUIRE(assignment.windows.size() == count);
        checkEveryScreenShownOnce(assignment, 7);

        const auto windowOnMonitorNamed = [&](const QString &name) {
            for (const auto &w : assignment.windows) {
                if (list.at(w.monitor).name == name)
                    return w;
            }
            FAIL("no window on " << name.toStdString());
            return ScreenAssignment::Window{};
        };
        // The top-left monitor always shows the first screen.
        CHECK(windowOnMonitorNamed(QStringLiteral("out-0")).screens.first() == 0);
        if (count >= 7) {
            for (int s = 0; s < 7; ++s)
                CHECK(windowOnMonitorNamed(QStringLiteral("out-%1").arg(s)).screens == QList<int>{s});
        }
        if (count == 9) {
            CHECK(windowOnMonitorNamed(QStringLiteral("out-7")).overview);
            CHECK(windowOnMonitorNamed(QStringLiteral("out-8")).overview);
        }
        if (count == 1)
            CHECK(assignment.windows.first().screens == QList<int>{0, 1, 2, 3, 4, 5, 6});
        if (count == 2)
            CHECK(windowOnMonitorNamed(QStringLiteral("out-1")).screens == QList<int>{1, 2, 3, 4, 5, 6});
        if (count == 6)
            CHECK(windowOnMonitorNamed(QStringLiteral("out-5")).screens == QList<int>{5, 6});
    }
}

TEST_CASE("A profile screen that names its output gets that monitor")
{
    WallProfile profile = tlrWall();
    profile.screens[6].output = QStringLiteral("out-0"); // the desk screen on the first output
    const QList<MonitorInfo> list = monitors(7, 4);
    const ScreenAssignment assignment = ScreenAssignment::assign(profile, list);
    checkEveryScreenShownOnce(assignment, 7);
    const int window = assignment.windowOf(6);
    REQUIRE(window >= 0);
    CHECK(list.at(assignment.windows.at(window).monitor).name == QStringLiteral("out-0"));
    CHECK(list.at(assignment.windows.at(assignment.windowOf(0)).monitor).name == QStringLiteral("out-1"));
}

TEST_CASE("No monitors gives no windows")
{
    CHECK(ScreenAssignment::assign(tlrWall(), {}).windows.isEmpty());
}
