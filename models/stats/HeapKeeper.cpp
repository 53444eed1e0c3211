#include "HeapKeeper.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QThreadPool>

#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcMemory, "tlr.stats.memory", QtInfoMsg)

namespace tlr {

namespace {

qint64 residentBytes()
{
    // statm: sizes in pages; the second is the resident set.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

double megabytes(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

} // namespace

MemoryFigures MemoryFigures::now()
{
    MemoryFigures figures;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    // Summed over every arena; blocks large enough to be mapped on their own count in both.
    const struct mallinfo2 info = mallinfo2();
    figures.heapInUse = qint64(info.uordblks + info.hblkhd);
    figures.heapHeld = qint64(info.arena + info.hblkhd);
#endif
    figures.resident = residentBytes();
    return figures;
}

HeapKeeper::HeapKeeper(std::chrono::milliseconds interval, QObject *parent) : QObject(parent)
{
    m_timer.setInterval(interval);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HeapKeeper::trimInBackground);
    m_timer.start();
}

void HeapKeeper::returnFreedPages()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void HeapKeeper::trimInBackground()
{
    if (m_trimming->exchange(true))
        return;
    QThreadPool::globalInstance()->start([trimming = m_trimming] {
        const qint64 residentBefore = residentBytes();
        QElapsedTimer took;
        took.start();
        returnFreedPages();
        const double tookMs = double(took.nsecsElapsed()) / 1e6;
        const MemoryFigures after = MemoryFigures::now();
        qCDebug(lcMemory, "heap %.1f MB in use, %.1f MB held; resident %.1f MB, %.1f MB given back in %.1f ms",
                megabytes(after.heapInUse), megabytes(after.heapHeld), megabytes(after.resident),
                megabytes(residentBefore - after.resident), tookMs);
        trimming->store(false);
    });
}

} // namespace tlr
