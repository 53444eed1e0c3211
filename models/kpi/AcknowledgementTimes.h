#pragma once

#include "alerts/AlertRecord.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

#include <deque>
#include <optional>

namespace tlr {

// How long live alerts waited for a supervisor, kept for a day: the engine lets an alert go
// once it has closed, the KPI cards still need it in their medians. Exercise and Test alerts
// are never counted.
class AcknowledgementTimes
{
public:
    static constexpr int kWindowHours = 24;

    // Takes the alert's acknowledgement if it has one not yet recorded (one per alert: a
    // re-opened alert counts the first time it was taken).
    void record(const AlertRecord &alert);
    // Forgets acknowledgements older than the window before `now`.
    void prune(const QDateTime &now);

    int count() const { return int(m_entries.size()); }
    // When each recorded acknowledgement was made (for a per-hour trend); one agency's, or all.
    std::vector<QDateTime> acknowledgedAt(std::optional<Agency> agency = std::nullopt) const;
    std::optional<qint64> medianSeconds() const;
    std::optional<qint64> medianSeconds(Agency agency) const;
    QMap<Agency, qint64> medianSecondsByAgency() const;

private:
    struct Entry
    {
        quint64 alertId;
        Agency agency;
        QDateTime acknowledgedAt;
        qint64 waitedSeconds;
    };
    static std::optional<qint64> median(std::vector<qint64> values);

    std::deque<Entry> m_entries; // in the order recorded
    QHash<quint64, QDateTime> m_recorded;
};

} // namespace tlr
