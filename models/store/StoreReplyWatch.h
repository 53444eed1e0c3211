#pragma once

#include "StoreRecords.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace tlr {

// Calls `handle(reply)` on `context`'s thread when the store answers, or `canceled()` when the
// store closed without answering; neither once `context` is gone. For a fire-and-forget write
// whose owner may go first: Qt 6.4's then(context, …) and onCanceled(context, …) hit
// Q_ASSERT(context) when the context is destroyed before the answer (found by the sanitizer
// run, a debug build), while a QFutureWatcher child simply goes with its parent.
template<typename T, typename Handle, typename Canceled>
void watchStoreReply(QObject *context, QFuture<StoreReply<T>> future, Handle handle,
                     Canceled canceled)
{
    auto *watcher = new QFutureWatcher<StoreReply<T>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handle = std::move(handle), canceled = std::move(canceled)]() mutable {
                         watcher->deleteLater();
                         const QFuture<StoreReply<T>> done = watcher->future();
                         if (done.isCanceled() || done.resultCount() == 0)
                             canceled();
                         else
                             handle(done.result());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace tlr
