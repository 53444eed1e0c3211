#include "RunStats.h"

#include <QJsonArray>

#include <sys/resource.h>

namespace tlr {

QJsonObject RunStats::toJson() const
{
    QJsonArray feedArray;
    for (const FeedStatus &feed : feeds) {
        feedArray.append(QJsonObject{
            {QStringLiteral("id"), feed.id},
            {QStringLiteral("agency"), agencyKey(feed.agency)},
            {QStringLiteral("received"), feed.received},
            {QStringLiteral("accepted"), feed.accepted},
            {QStringLiteral("rejected"), feed.rejected},
            {QStringLiteral("partial"), feed.partial},
            {QStringLiteral("duplicates"), feed.duplicates},
            {QStringLiteral("gaps"), feed.gaps},
            {QStringLiteral("gaps_recovered"), feed.gapsRecovered},
            {QStringLiteral("state"), feedStateKey(feed.state)},
        });
    }
    QJsonObject severities;
    for (Severity s : {Severity::Unknown, Severity::Minor, Severity::Moderate, Severity::Severe,
                       Severity::Extreme}) {
        severities.insert(severityKey(s), alertsBySeverity.value(s, 0));
    }
    return QJsonObject{
        {QStringLiteral("feeds"), feedArray},
        {QStringLiteral("alerts_by_severity"), severities},
        {QStringLiteral("incidents"), incidents},
        {QStringLiteral("stored_events"), storedEvents},
        {QStringLiteral("quarantined"), quarantined},
        {QStringLiteral("frames"), frames},
        {QStringLiteral("frame_ms_p50"), frameMsP50},
        {QStringLiteral("frame_ms_p99"), frameMsP99},
        {QStringLiteral("frame_ms_max"), frameMsMax},
        {QStringLiteral("first_frame_ms"), firstFrameMs},
        {QStringLiteral("peak_rss_mb"), peakRssMb},
        {QStringLiteral("memory_mb"),
         QJsonObject{{QStringLiteral("heap_in_use"), megabytes(memory.heapInUse)},
                     {QStringLiteral("heap_held"), megabytes(memory.heapHeld)},
                     {QStringLiteral("resident"), megabytes(memory.resident)}}},
        {QStringLiteral("gui_stalls"),
         QJsonObject{{QStringLiteral("beats"), guiStalls.beats},
                     {QStringLiteral("limit_ms"), guiStallLimitMs},
                     {QStringLiteral("max_ms"), guiStalls.maxMs},
                     {QStringLiteral("over_limit"), guiStalls.overLimit},
                     {QStringLiteral("cpu_max_ms"), guiStalls.maxCpuMs},
                     {QStringLiteral("cpu_over_limit"), guiStalls.cpuOverLimit}}},
    };
}

double RunStats::currentPeakRssMb()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0.0;
    return double(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
}

} // namespace tlr
