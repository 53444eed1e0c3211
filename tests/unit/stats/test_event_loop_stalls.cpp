#include "stats/EventLoopStalls.h"
#include "stats/SlowestEvent.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <catch2/catch.hpp>

#include <time.h>

using namespace tlr;

namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Keeps the event loop away for `ms` of this thread's own CPU time, as a slow paint would.
void busyFor(double ms)
{
    const double until = threadCpuMs() + ms;
    volatile double sink = 0;
    while (threadCpuMs() < until)
        sink = sink + 1;
}

} // namespace

TEST_CASE("A quiet event loop has no stall over the limit", "[stats]")
{
    EventLoopStalls stalls;
    stalls.start();
    QTest::qWait(300);
    const EventLoopStalls::Figures figures = stalls.figures();
    CHECK(figures.beats > 5);
    CHECK(figures.cpuOverLimit == 0);
    CHECK(figures.maxCpuMs < 50.0);
}

TEST_CASE("Work that keeps the loop busy is a stall by the clock and by CPU time", "[stats]")
{
    EventLoopStalls stalls;
    stalls.start();
    QTest::qWait(50);
    busyFor(150);
    QTest::qWait(50);
    const EventLoopStalls::Figures figures = stalls.figures();
    CHECK(figures.maxCpuMs >= 150.0);
    CHECK(figures.maxMs >= 150.0);
    CHECK(figures.cpuOverLimit == 1);
    CHECK(figures.overLimit >= 1);
}

TEST_CASE("A thread kept waiting is a stall by the clock only", "[stats]")
{
    // What a machine busy with other work does to the wall: the clock runs, the CPU does not.
    EventLoopStalls stalls;
    stalls.start();
    QTest::qWait(30);
    QThread::msleep(200);
    QTest::qWait(30);
    const EventLoopStalls::Figures figures = stalls.figures();
    CHECK(figures.maxMs >= 200.0);
    CHECK(figures.overLimit >= 1);
    CHECK(figures.cpuOverLimit == 0);
}

TEST_CASE("Nothing is counted once stopped", "[stats]")
{
    EventLoopStalls stalls;
    stalls.setLimitMs(20);
    stalls.start();
    QTest::qWait(40);
    stalls.stop();
    const qint64 beats = stalls.figures().beats;
    busyFor(60);
    QTest::qWait(40);
    CHECK(stalls.figures().beats == beats);
    CHECK(stalls.figures().cpuOverLimit == 0);
    CHECK_FALSE(stalls.isActive());
}

TEST_CASE("The slowest events since the last look are named with their receivers and owners, "
          "with the count of all", "[stats]")
{
    SlowestEvent::forget();
    CHECK(SlowestEvent::take().isEmpty());
    QObject tile;
    tile.setObjectName(QStringLiteral("kpiOpen"));
    QTimer timer(&tile);
    QTimerEvent tick(1);
    QEvent paint(QEvent::UpdateRequest);
    SlowestEvent::note(SlowestEvent::describe(&timer, &tick), 120'000'000);
    SlowestEvent::note(SlowestEvent::describe(&tile, &paint), 30'000'000);
    CHECK(SlowestEvent::take() == QStringLiteral("120 ms: Timer to QTimer in QObject \"kpiOpen\"; "
                                                 "30 ms: UpdateRequest to QObject \"kpiOpen\"; "
                                                 "2 events, 150 ms in all"));
    CHECK(SlowestEvent::take().isEmpty()); // taken

    // Many short events: the three longest, in order, and all of them counted.
    for (const qint64 ms : {4, 21, 2, 19, 3, 20, 1})
        SlowestEvent::note(SlowestEvent::describe(&tile, &paint), ms * 1'000'000);
    CHECK(SlowestEvent::take() == QStringLiteral("21 ms: UpdateRequest to QObject \"kpiOpen\"; "
                                                 "20 ms: UpdateRequest to QObject \"kpiOpen\"; "
                                                 "19 ms: UpdateRequest to QObject \"kpiOpen\"; "
                                                 "7 events, 70 ms in all"));
    SlowestEvent::note(SlowestEvent::describe(&tile, &paint), 3'000'000);
    SlowestEvent::forget();
    CHECK(SlowestEvent::take().isEmpty());
}
