#pragma once

#include "StoreRecords.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace tlr {

// Calls `handle(reply)` on `context`'s thread when the store answers, or `canceled()` when the
// store closed without answering; neither once `context` is gone. Use it instead of
// QFuture::then(context, …) wherever the context may go before the answer comes: Qt 6.4's
// then(context, …) and onCanceled(context, …) hit Q_ASSERT(context) when the context is
// destroyed first (found by the sanitizer run, a debug build), while a QFutureWatcher child
// simply goes with its parent.
template <typename T, typename Handle, typename Canceled>
void watchStoreReply(QObject *context, QFuture<T> future, Handle handle, Canceled canceled)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handle = std::move(handle), canceled = std::move(canceled)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         if (done.isCanceled() || done.resultCount() == 0)
                             canceled();
                         else
                             handle(done.result());
                     });
    watcher->setFuture(std::move(future));
}

// The same for a reply whose loss needs no word: the store closes only when the wall stops.
template <typename T, typename Handle>
void watchStoreReply(QObject *context, QFuture<T> future, Handle handle)
{
    watchStoreReply(context, std::move(future), std::move(handle), [] {});
}

} // namespace tlr
