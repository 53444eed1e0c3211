#pragma once

#include "domain/Severity.h"
#include "feeds/FeedStatus.h"
#include "stats/EventLoopStalls.h"
#include "stats/MemoryFigures.h"

#include <QJsonObject>
#include <QList>
#include <QMap>

namespace tlr {

// What tlr-wall --stats FILE writes on exit: the figures a test or an operator checks a run by.
struct RunStats
{
    QList<FeedStatus> feeds;
    QMap<Severity, qint64> alertsBySeverity;
    qint64 incidents = 0;
    qint64 storedEvents = 0;
    qint64 quarantined = 0;
    double frameMsP50 = 0.0;
    double frameMsP99 = 0.0;
    double frameMsMax = 0.0;
    qint64 frames = 0;
    double peakRssMb = 0.0;
    MemoryFigures memory; // at the end
    double firstFrameMs = 0.0;
    // The GUI thread's event loop while the wall ran (start-up and shutdown left out).
    EventLoopStalls::Figures guiStalls;
    double guiStallLimitMs = 0.0;

    QJsonObject toJson() const;
    static double currentPeakRssMb();
};

} // namespace tlr
