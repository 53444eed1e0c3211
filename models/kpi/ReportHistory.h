#pragma once

#include "domain/Report.h"

#include <QDateTime>
#include <QHash>

#include <deque>
#include <vector>

namespace tlr {

// The citizen reports the KPI cards count, kept longer than the situation's day so that the
// 7 × 24 h complaint limit and "the same hour yesterday" can be computed once the wall has run
// long enough. Each report once (by id), and of it only what the cards count by: id, time,
// channel, kind and the emergency flag; eight days of a storm's reports are held. One history
// for all cards (the situation keeps it). `coverageStart` is when the history began: before it,
// counts are unknown, not zero.
class ReportHistory
{
public:
    static constexpr qint64 kKeepSeconds = 8 * 24 * 3600;

    ReportHistory() = default; // covers nothing until begin()
    explicit ReportHistory(const QDateTime &coverageStart) : m_coverageStart(coverageStart) {}
    void begin(const QDateTime &coverageStart) { m_coverageStart = coverageStart; }

    void add(const Report &report); // ignores one already held
    void prune(const QDateTime &now); // forgets what is older than kKeepSeconds

    const QDateTime &coverageStart() const { return m_coverageStart; }
    const std::deque<Report> &reports() const { return m_reports; }
    std::vector<QDateTime> times(bool (*matches)(const Report &)) const;

private:
    QDateTime m_coverageStart;
    std::deque<Report> m_reports; // in order of arrival
    QHash<QString, QDateTime> m_seen;
};

} // namespace tlr
