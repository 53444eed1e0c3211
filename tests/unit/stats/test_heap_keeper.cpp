#include "stats/HeapKeeper.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QTest>

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
// the freed ones between them, so the allocator cannot give them back by shrinking its heap,
// as a worker that once handled a burst leaves its arena.
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

TEST_CASE("Heap pages a thread freed go back to the system", "[stats]")
{
    if (!kGlibcAllocator) {
        WARN("not glibc's allocator: nothing to measure");
        return;
    }
    const FreedButKept kept;
    const MemoryFigures before = MemoryFigures::now();
    INFO("before: " << before.heapInUse / kMegabyte << " MB in use, " << before.heapHeld / kMegabyte
                    << " MB held, " << before.resident / kMegabyte << " MB resident");
    CHECK(before.heapHeld - before.heapInUse > 50 * kMegabyte);

    HeapKeeper::returnFreedPages();

    const MemoryFigures after = MemoryFigures::now();
    INFO("after: " << after.resident / kMegabyte << " MB resident");
    CHECK(before.resident - after.resident > 50 * kMegabyte);
    // What is still in use stays: the pinned blocks (about 1 MB) and the rest, give or take what
    // reading the figures allocated.
    CHECK(std::abs(after.heapInUse - before.heapInUse) < 64 * 1024);
}

TEST_CASE("The keeper gives freed pages back on its own, every interval, and logs the figures", "[stats]")
{
    if (!kGlibcAllocator) {
        WARN("not glibc's allocator: nothing to measure");
        return;
    }
    static QStringList logged;
    logged.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("tlr.stats.memory.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &context, const QString &message) {
            if (qstrcmp(context.category, "tlr.stats.memory") == 0)
                logged.append(message);
        });

    const FreedButKept kept;
    const qint64 residentBefore = MemoryFigures::now().resident;
    HeapKeeper keeper(std::chrono::milliseconds(20));
    const bool gaveBack = QTest::qWaitFor(
        [&] { return residentBefore - MemoryFigures::now().resident > 50 * kMegabyte && !logged.isEmpty(); },
        5000);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    CHECK(gaveBack);
    REQUIRE_FALSE(logged.isEmpty());
    CHECK(logged.first().contains(QLatin1String("MB in use")));
    CHECK(logged.first().contains(QLatin1String("given back")));
}
