#pragma once

#include <QByteArray>

namespace tlr {

class IncidentTimelineModel;

// An incident's timeline as a CSV file (CsvWriter: RFC 4180, UTF-8 with BOM): a header row in
// the language the wall speaks now (the model's translated headers), then one record per entry,
// oldest first. Times are ISO 8601 in WIB with their offset (2026-11-23T14:05:09+07:00), so a
// spreadsheet sorts them and nobody wonders which zone they are in. What it writes is what the
// model shows — a report's row names the report, never its reporter.
class TimelineCsv
{
public:
    static QByteArray write(const IncidentTimelineModel &timeline);
};

} // namespace tlr
