#include "stats/MemoryLog.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QTest>
#include <QThreadPool>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <vector>

using namespace tlr;

namespace {

constexpr qint64 kMegabyte = 1024 * 1024;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kGlibcAllocator = false; // the sanitizer's allocator has its own figures
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kGlibcAllocator = false;
#else
constexpr bool kGlibcAllocator = true;
#endif
#else
constexpr bool kGlibcAllocator = true;
#endif

// 64 MB in small blocks, written to, then all but one block in 64 freed: the blocks kept pin
// the freed ones between them, so the allocator keeps them instead of shrinking its heap, as a
// thread that once handled a burst leaves its arena.
class FreedButKept
{
public:
    FreedButKept()
    {
        std::vector<void *> blocks(16384);
        for (void *&block : blocks) {
            block = std::malloc(4000);
            std::memset(block, 0x5a, 4000);
        }
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (i % 64 == 0)
                m_pinned.push_back(blocks[i]);
            else
                std::free(blocks[i]);
        }
    }
    ~FreedButKept()
    {
        for (void *block : m_pinned)
            std::free(block);
    }

private:
    std::vector<void *> m_pinned;
};

} // namespace

TEST_CASE("The figures tell memory in use from memory the allocator kept after it was freed", "[stats]")
{
    if (!kGlibcAllocator) {
        WARN("not glibc's allocator: nothing to measure");
        return;
    }
    const MemoryFigures before = MemoryFigures::now();
    const FreedButKept kept;
    const MemoryFigures freed = MemoryFigures::now();
    INFO("before: " << before.heapInUse / kMegabyte << " MB in use, " << before.heapHeld / kMegabyte
                    << " MB held, " << before.resident / kMegabyte << " MB resident");
    INFO("freed: " << freed.heapInUse / kMegabyte << " MB in use, " << freed.heapHeld / kMegabyte
                   << " MB held, " << freed.resident / kMegabyte << " MB resident");
    // About 1 MB of pinned blocks in use; the 63 MB freed around them held, and resident.
    CHECK(freed.heapInUse - before.heapInUse < 2 * kMegabyte);
    CHECK(freed.heapInUse - before.heapInUse > kMegabyte / 2);
    CHECK(freed.heapHeld - before.heapHeld > 50 * kMegabyte);
    CHECK(freed.resident - before.resident > 50 * kMegabyte);
}

TEST_CASE("The memory log writes the figures every interval, only when its category is on", "[stats]")
{
    // Written on a pool thread, read here.
    static QMutex guard;
    static QStringList logged;
    const auto loggedNow = [] {
        const QMutexLocker lock(&guard);
        return logged;
    };
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &context, const QString &message) {
            if (qstrcmp(context.category, "tlr.stats.memory") == 0) {
                const QMutexLocker lock(&guard);
                logged.append(message);
            }
        });

    MemoryLog log(std::chrono::milliseconds(20));
    QTest::qWait(200);
    QThreadPool::globalInstance()->waitForDone();
    CHECK(loggedNow().isEmpty()); // debug level: off by default

    QLoggingCategory::setFilterRules(QStringLiteral("tlr.stats.memory.debug=true"));
    const bool wrote = QTest::qWaitFor([&] { return loggedNow().size() >= 2; }, 5000);
    QLoggingCategory::setFilterRules(QString());
    QThreadPool::globalInstance()->waitForDone();
    qInstallMessageHandler(previous);

    REQUIRE(wrote);
    const QString first = loggedNow().first();
    CHECK(first.contains(QLatin1String("MB in use")));
    CHECK(first.contains(QLatin1String("MB held")));
    CHECK(first.contains(QLatin1String("resident")));
}
