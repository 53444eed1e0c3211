#include "MemoryLog.h"

#include <QLoggingCategory>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcMemory, "tlr.stats.memory", QtInfoMsg)

namespace tlr {

MemoryLog::MemoryLog(std::chrono::milliseconds interval, QObject *parent) : QObject(parent)
{
    m_timer.setInterval(interval);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &MemoryLog::logInBackground);
    m_timer.start();
}

void MemoryLog::logInBackground()
{
    if (!lcMemory().isDebugEnabled() || m_reading->exchange(true))
        return;
    QThreadPool::globalInstance()->start([reading = m_reading] {
        const MemoryFigures figures = MemoryFigures::now();
        qCDebug(lcMemory, "heap %.1f MB in use, %.1f MB held; resident %.1f MB",
                megabytes(figures.heapInUse), megabytes(figures.heapHeld), megabytes(figures.resident));
        reading->store(false);
    });
}

} // namespace tlr
