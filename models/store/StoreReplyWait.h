#pragma once

#include "StoreRecords.h"

#include <QFuture>

namespace tlr {

// A store job's reply, waited for: for start-up and shutdown paths only, never for the GUI's
// steady work. A store that closed before answering gives `gone` as the reply's error.
template <typename T> StoreReply<T> waitForReply(QFuture<StoreReply<T>> future, const QString &gone)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return {T{}, gone};
    return future.result();
}

} // namespace tlr
