#pragma once

#include "domain/Report.h"

#include <QDateTime>
#include <QSet>

#include <deque>
#include <vector>

namespace tlr {

// The citizen reports the KPI cards count, kept longer than the situation's day so that the
// 7 × 24 h complaint limit and "the same hour yesterday" can be computed once the wall has run
// long enough. One history for all cards (the situation keeps it). Each report once (by id),
// and of it only what the cards count by: when it came, and whether it is a complaint or a 112
// call — a storm's 4,800 reports an hour for eight days fit in a few tens of megabytes.
// `coverageStart` is when the history began: before it, counts are unknown, not zero.
class ReportHistory
{
public:
    static constexpr qint64 kKeepSeconds = 8 * 24 * 3600;
    enum class Counting { Complaints, Calls112 };

    ReportHistory() = default; // covers nothing until begin()
    explicit ReportHistory(const QDateTime &coverageStart) : m_coverageStart(coverageStart) {}
    void begin(const QDateTime &coverageStart) { m_coverageStart = coverageStart; }

    void add(const Report &report); // ignores one already held
    void prune(const QDateTime &now); // forgets what is older than kKeepSeconds

    const QDateTime &coverageStart() const { return m_coverageStart; }
    qsizetype size() const { return qsizetype(m_reports.size()); }
    bool isEmpty() const { return m_reports.empty(); }
    // When each report of the kind came, in the order they arrived.
    std::vector<QDateTime> times(Counting counting) const;

private:
    struct Counted
    {
        QDateTime receivedAt;
        size_t idHash = 0; // the id's 64-bit hash: ids themselves would be most of the memory
        bool complaint = false;
        bool call112 = false;
    };
    QDateTime m_coverageStart;
    std::deque<Counted> m_reports; // in order of arrival
    QSet<size_t> m_seen;
};

} // namespace tlr
