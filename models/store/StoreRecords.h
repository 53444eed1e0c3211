#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace tlr {

// What the store's read queries hand back: plain values, so that no SQL type leaves the store.

enum class Resolution { Unknown, Minute, Hour };

// One time bucket of one quantity of one entity.
struct RollupPoint
{
    QDateTime bucketStart; // UTC
    qint64 count = 0;
    double min = 0.0;
    double max = 0.0;
    double sum = 0.0;

    double mean() const { return count > 0 ? sum / static_cast<double>(count) : 0.0; }
};

// A stretch of time, e.g. what the store holds.
struct TimeSpan
{
    QDateTime first; // UTC
    QDateTime last;  // UTC

    bool isValid() const { return first.isValid() && last.isValid(); }
};

// A message the store kept aside, with why.
struct QuarantineEntry
{
    QString feed;
    qint64 seq = -1;
    QDateTime receivedAt; // UTC
    QString reason;
    QByteArray bytes;
};

// What one retention pass removed.
struct RetentionResult
{
    qint64 messages = 0;
    qint64 observations = 0;
    qint64 alerts = 0;
    qint64 reports = 0;
    qint64 quarantine = 0;
    qint64 minuteRollups = 0;
    qint64 hourRollups = 0;

    qint64 total() const
    {
        return messages + observations + alerts + reports + quarantine + minuteRollups +
               hourRollups;
    }
};

// The answer of a read query: the value, or why there is none. Errors are data: a failed query
// never throws across the store's thread.
template <typename T> struct StoreReply
{
    T value{};
    QString error;

    bool ok() const { return error.isEmpty(); }
};

} // namespace tlr
