#include "store/StoreReplyWatch.h"

#include <QCoreApplication>
#include <QPromise>

#include <catch2/catch.hpp>

#include <memory>

using namespace tlr;

namespace {

// The store answers on its own thread; the answer is posted to the context's.
void answer(QPromise<StoreReply<int>> &promise, int value)
{
    promise.addResult(StoreReply<int>{value, {}});
    promise.finish();
    QCoreApplication::processEvents();
}

} // namespace

TEST_CASE("A watched store reply reaches its handler on the context's thread")
{
    QObject context;
    QPromise<StoreReply<int>> promise;
    promise.start();
    int handled = -1;
    bool canceled = false;
    watchStoreReply(
        &context, promise.future(), [&](const StoreReply<int> &reply) { handled = reply.value; },
        [&] { canceled = true; });
    answer(promise, 7);
    CHECK(handled == 7);
    CHECK_FALSE(canceled);
}

TEST_CASE("A store that closes without answering cancels the watched reply")
{
    QObject context;
    int handled = 0;
    bool canceled = false;
    {
        QPromise<StoreReply<int>> promise;
        promise.start();
        watchStoreReply(
            &context, promise.future(), [&](const StoreReply<int> &) { ++handled; },
            [&] { canceled = true; });
        // Destroyed unfinished, as a job the closing store drops unrun.
    }
    QCoreApplication::processEvents();
    CHECK(handled == 0);
    CHECK(canceled);
}

// The case QFuture::then(context, …) gets wrong in Qt 6.4: with the context gone before the
// answer, its Q_ASSERT(context) aborts a debug build (ReplaySession, SharedAlertDecisions,
// RoomLeadership and the demo account used it).
TEST_CASE("A watched reply whose context went first is dropped unhandled")
{
    auto context = std::make_unique<QObject>();
    QPromise<StoreReply<int>> promise;
    promise.start();
    int handled = 0;
    int canceled = 0;
    watchStoreReply(
        context.get(), promise.future(), [&](const StoreReply<int> &) { ++handled; },
        [&] { ++canceled; });
    context.reset();
    answer(promise, 1);
    CHECK(handled == 0);
    CHECK(canceled == 0);
}
