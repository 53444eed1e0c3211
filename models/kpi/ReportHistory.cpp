#include "ReportHistory.h"

#include "ComplaintSla.h"

namespace tlr {

void ReportHistory::add(const Report &report)
{
    if (report.id.isEmpty())
        return;
    // A fixed seed: the same id hashes the same on every call of this run.
    const size_t idHash = qHash(report.id, size_t(0));
    if (m_seen.contains(idHash))
        return;
    m_seen.insert(idHash);
    m_reports.push_back({report.receivedAt, idHash, ComplaintSla::isComplaint(report),
                         report.channel == Report::Channel::Call112});
}

void ReportHistory::prune(const QDateTime &now)
{
    const QDateTime cutoff = now.addSecs(-kKeepSeconds);
    std::erase_if(m_reports, [&](const Counted &r) {
        if (r.receivedAt.isValid() && r.receivedAt >= cutoff)
            return false;
        m_seen.remove(r.idHash);
        return true;
    });
    if (m_coverageStart.isValid() && m_coverageStart < cutoff)
        m_coverageStart = cutoff;
}

std::vector<QDateTime> ReportHistory::times(Counting counting) const
{
    std::vector<QDateTime> out;
    for (const Counted &r : m_reports) {
        if (counting == Counting::Complaints ? r.complaint : r.call112)
            out.push_back(r.receivedAt);
    }
    return out;
}

} // namespace tlr
