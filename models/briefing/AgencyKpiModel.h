#pragma once

#include "domain/Agency.h"
#include "kpi/AcknowledgementTimes.h"
#include "kpi/HourlyTrend.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <array>
#include <optional>

namespace tlr {

class AlertTableModel;
class IncidentBoard;
class WallClock;

// The briefing's key figures, one row per agency: the incidents it holds open, its live alerts
// nobody has taken yet (and how many of those are critical), its median time to acknowledge
// over the last day, and its new incidents per hour. The same sources and KPI arithmetic as the
// wall's KPI cards (IncidentBoard, AlertTableModel, kpi/AcknowledgementTimes, kpi/HourlyTrend);
// Exercise and Test alerts are never counted. An incident nobody has forwarded yet counts for
// the agency its first signal named, as on the wall's open-incidents card.
class AgencyKpiModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int openIncidents READ openIncidents NOTIFY refreshed)
    Q_PROPERTY(int unacknowledgedAlerts READ unacknowledgedAlerts NOTIFY refreshed)
    Q_PROPERTY(int criticalAlerts READ criticalAlerts NOTIFY refreshed)
    Q_PROPERTY(QDateTime coverageStart READ coverageStart NOTIFY refreshed)
public:
    enum Role {
        AgencyKeyRole = Qt::UserRole + 1,
        NameRole,
        OpenIncidentsRole,
        UnacknowledgedRole,
        CriticalRole,
        MedianAcknowledgeRole,        // "4m", "1h05m"; empty when nothing was acknowledged
        MedianAcknowledgeSecondsRole, // -1 when nothing was acknowledged
        NewThisHourRole,
        SameHourYesterdayRole, // -1 while the history does not reach back a day
        HourlyRole,            // QVariantList of ints: new incidents per hour, oldest first
    };
    Q_ENUM(Role)

    static constexpr int kHours = 12; // the trend's length: a shift and its run-up
    static constexpr std::array<Agency, 5> kAgencies = {
        Agency::CallCentre112, Agency::Dishub, Agency::Dinkes, Agency::TirtaBenteng, Agency::Dlh};

    // Any source may be null (a test, a wall without alerts): its figures stay zero.
    AgencyKpiModel(const IncidentBoard *board, const AlertTableModel *alerts,
                   const WallClock *clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int openIncidents() const { return m_totals.openIncidents; }
    int unacknowledgedAlerts() const { return m_totals.unacknowledged; }
    int criticalAlerts() const { return m_totals.critical; }
    // Hours before this are not known (the board's history starts here): never shown as zero.
    QDateTime coverageStart() const { return m_coverageStart; }
    QDateTime hourlyStart() const { return m_hourlyStart; } // UTC start of the first hour
    int rowOfAgency(Agency agency) const;

    // Recomputes at once; otherwise changes are gathered for half a second.
    void refreshNow();

signals:
    void refreshed();

private:
    struct Figures
    {
        int openIncidents = 0;
        int unacknowledged = 0;
        int critical = 0;
        std::optional<qint64> medianAcknowledgeSeconds;
        HourlyTrend trend;

        bool operator==(const Figures &other) const;
    };
    void requestRefresh();
    QDateTime earliestIncident() const;

    QPointer<const IncidentBoard> m_board;
    QPointer<const AlertTableModel> m_alerts;
    const WallClock *m_clock;
    QDateTime m_coverageStart;
    QDateTime m_hourlyStart;
    AcknowledgementTimes m_acknowledgements;
    std::array<Figures, kAgencies.size()> m_rows;
    Figures m_totals;
    QTimer m_refreshTimer;
};

} // namespace tlr
