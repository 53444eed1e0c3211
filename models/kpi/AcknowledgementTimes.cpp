#include "AcknowledgementTimes.h"

#include <algorithm>

namespace tlr {

void AcknowledgementTimes::record(const AlertRecord &alert)
{
    if (!alert.live || !alert.acknowledgedAt.isValid() || !alert.raisedAt.isValid()
        || m_recorded.contains(alert.id)) {
        return;
    }
    m_recorded.insert(alert.id, alert.acknowledgedAt);
    m_entries.push_back({alert.id, alert.agency, alert.acknowledgedAt,
                         std::max<qint64>(0, alert.raisedAt.secsTo(alert.acknowledgedAt))});
}

void AcknowledgementTimes::prune(const QDateTime &now)
{
    const QDateTime cutoff = now.addSecs(-qint64(kWindowHours) * 3600);
    const auto stale = [&](const Entry &e) { return e.acknowledgedAt < cutoff; };
    for (const Entry &e : m_entries) {
        if (stale(e))
            m_recorded.remove(e.alertId);
    }
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), stale), m_entries.end());
}

std::vector<QDateTime> AcknowledgementTimes::acknowledgedAt(std::optional<Agency> agency) const
{
    std::vector<QDateTime> times;
    for (const Entry &e : m_entries) {
        if (!agency || e.agency == *agency)
            times.push_back(e.acknowledgedAt);
    }
    return times;
}

std::optional<qint64> AcknowledgementTimes::median(std::vector<qint64> values)
{
    if (values.empty())
        return std::nullopt;
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2 == 1)
        return *middle;
    const qint64 upper = *middle;
    const qint64 lower = *std::max_element(values.begin(), middle);
    return (lower + upper) / 2;
}

std::optional<qint64> AcknowledgementTimes::medianSeconds() const
{
    std::vector<qint64> values;
    values.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        values.push_back(e.waitedSeconds);
    return median(std::move(values));
}

std::optional<qint64> AcknowledgementTimes::medianSeconds(Agency agency) const
{
    std::vector<qint64> values;
    for (const Entry &e : m_entries) {
        if (e.agency == agency)
            values.push_back(e.waitedSeconds);
    }
    return median(std::move(values));
}

QMap<Agency, qint64> AcknowledgementTimes::medianSecondsByAgency() const
{
    QMap<Agency, std::vector<qint64>> byAgency;
    for (const Entry &e : m_entries)
        byAgency[e.agency].push_back(e.waitedSeconds);
    QMap<Agency, qint64> medians;
    for (auto it = byAgency.begin(); it != byAgency.end(); ++it)
        medians.insert(it.key(), *median(std::move(it.value())));
    return medians;
}

} // namespace tlr
