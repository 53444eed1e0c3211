#pragma once

#include "FeedId.h"

#include <QList>
#include <QString>

#include <optional>

namespace tlr::feedsim {

// The faults a run injects (--faults), so that the wall's resilience can be shown and tested.
struct FaultPlan
{
    struct Silence
    {
        FeedId feed = FeedId::Unknown;
        double seconds = 30;   // real seconds without a single frame, heartbeats included
        double atSeconds = 10; // real seconds after start
    };

    double disconnectSeconds = 0; // close every client this often (real time); 0: never
    double malformed = 0;         // share of data messages corrupted
    double duplicate = 0;         // share of data messages followed by a resent earlier one
    double reorder = 0;           // share of messages held back and sent after their successor
    QList<Silence> silences;

    bool isSilenced(FeedId feed, qint64 realMs) const;

    // "disconnect=20,malformed=0.01,duplicate,reorder=0.02,silence=dlh-environment:30@60"
    struct Parse;
    static Parse parse(const QString &spec);
};

struct FaultPlan::Parse
{
    std::optional<FaultPlan> plan;
    QString error;
};

} // namespace tlr::feedsim
