#include "MemoryFigures.h"

#include <QFile>
#include <QList>

#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

} // namespace tlr
