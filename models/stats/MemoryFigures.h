#pragma once

#include <QtGlobal>

namespace tlr {

// What the process's memory is made of, in bytes: what the C library's allocator has handed out
// and not had back (in use), what it keeps from the system for that (held: in use plus freed
// memory it keeps for the next allocation), and the resident set. Without glibc the first two
// are 0; under a sanitizer they describe glibc's heap, which the sanitizer's allocator leaves alone.
struct MemoryFigures
{
    qint64 heapInUse = 0;
    qint64 heapHeld = 0;
    qint64 resident = 0;

    static MemoryFigures now();
};

inline double megabytes(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

} // namespace tlr
