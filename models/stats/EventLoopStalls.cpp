#include "EventLoopStalls.h"

#include "SlowestEvent.h"

#include <QLoggingCategory>

#include <algorithm>

#include <time.h>

Q_LOGGING_CATEGORY(lcStalls, "tlr.stats.stalls", QtInfoMsg)

namespace tlr {
namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

EventLoopStalls::EventLoopStalls(QObject *parent) : QObject(parent)
{
    m_beat.setTimerType(Qt::PreciseTimer);
    m_beat.setInterval(beatMs);
    connect(&m_beat, &QTimer::timeout, this, &EventLoopStalls::beat);
}

void EventLoopStalls::start()
{
    m_sinceBeat.start();
    m_cpuAtBeatMs = threadCpuMs();
    m_beat.start();
}

void EventLoopStalls::stop()
{
    m_beat.stop();
}

void EventLoopStalls::beat()
{
    const double gapMs = double(m_sinceBeat.nsecsElapsed()) / 1e6;
    const double cpuNowMs = threadCpuMs();
    const double cpuGapMs = cpuNowMs - m_cpuAtBeatMs;
    m_sinceBeat.start();
    m_cpuAtBeatMs = cpuNowMs;
    ++m_figures.beats;
    m_figures.maxMs = std::max(m_figures.maxMs, gapMs);
    m_figures.maxCpuMs = std::max(m_figures.maxCpuMs, cpuGapMs);
    m_figures.overLimit += gapMs > m_limitMs;
    m_figures.cpuOverLimit += cpuGapMs > m_limitMs;
    // Said when it happens, so that the log around it tells what the thread was doing. A gap
    // by the clock alone is the machine's doing, not the wall's: counted, not logged. The
    // longest events since the last beat are named when the application times its events
    // (TimedApplication).
    if (cpuGapMs > m_limitMs) {
        const QString slowest = SlowestEvent::take();
        qCWarning(lcStalls, "event loop away %.0f ms (%.0f ms of CPU time); longest events %s", gapMs,
                  cpuGapMs, slowest.isEmpty() ? "not timed" : qPrintable(slowest));
    } else {
        SlowestEvent::forget();
    }
}

} // namespace tlr
