#pragma once

#include "ParserLimits.h"
#include "domain/Agency.h"

#include <QDateTime>
#include <QString>

namespace tlr {

// What a parser knows about the feed a document came from. The clock is part of it so that
// "too far in the future" is decided against an injectable now, not the test machine's.
struct ParseContext
{
    QString feedId;                    // copied into every event's `source`
    FeedKind kind = FeedKind::Unknown; // the feed's kind: the fallback for untyped entities
    QDateTime now;                     // invalid = QDateTime::currentDateTimeUtc()
    int futureToleranceSeconds = 300;  // a time stamp further in the future is OutOfRange
    ParserLimits limits;
    bool nestingChecked = false; // the document's bytes were checked against limits already

    QDateTime effectiveNow() const
    {
        return now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    }

    // Clocks drift, so a small lead is tolerated; beyond it the sender's clock or data is wrong.
    bool isTooFarInFuture(const QDateTime &time) const
    {
        return time.isValid() && effectiveNow().secsTo(time) > futureToleranceSeconds;
    }
};

} // namespace tlr
