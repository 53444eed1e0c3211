#include "ReportHistory.h"

namespace tlr {

void ReportHistory::add(const Report &report)
{
    if (report.id.isEmpty() || m_seen.contains(report.id))
        return;
    m_seen.insert(report.id, report.receivedAt);
    Report counted;
    counted.id = report.id;
    counted.receivedAt = report.receivedAt;
    counted.channel = report.channel;
    counted.kind = report.kind;
    counted.emergency = report.emergency;
    m_reports.push_back(std::move(counted));
}

void ReportHistory::prune(const QDateTime &now)
{
    const QDateTime cutoff = now.addSecs(-kKeepSeconds);
    std::erase_if(m_reports, [&](const Report &r) {
        if (r.receivedAt.isValid() && r.receivedAt >= cutoff)
            return false;
        m_seen.remove(r.id);
        return true;
    });
    if (m_coverageStart.isValid() && m_coverageStart < cutoff)
        m_coverageStart = cutoff;
}

std::vector<QDateTime> ReportHistory::times(bool (*matches)(const Report &)) const
{
    std::vector<QDateTime> out;
    for (const Report &r : m_reports) {
        if (matches(r))
            out.push_back(r.receivedAt);
    }
    return out;
}

} // namespace tlr
