#pragma once

#include <QString>

namespace tlr {

// How the event store opens its database and how it batches and ages what it keeps.
struct StoreOptions
{
    QString path;
    int retentionDays = 30; // messages, observations, reports, minute rollups; 0 keeps all
    int hourRollupRetentionDays = 400; // hour rollups feed year-on-year charts: kept longer
    int batchMilliseconds = 200;       // appends arriving within this window share a transaction
    int maxBatch = 5000;               // ... up to this many messages
    int maxPendingMessages = 500000;   // beyond this, appends are dropped and counted, not queued
    // A full batch not yet taken by the store makes append() wait this long at most for it to be
    // taken (StoreWorker::submit); a store slower than that is behind, and appends queue again.
    int maxAppendWaitMilliseconds = 200;
    bool keepRawMessages = true;       // false keeps feed/seq (for dedup and resume), not bytes
    int busyTimeoutMilliseconds = 5000;
    int retentionIntervalMinutes = 60; // 0: retention runs only when asked for
};

} // namespace tlr
