#include "AgencyKpiModel.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/AlertTableModel.h"

#include <QVariantList>

namespace tlr {

namespace {

constexpr int kRefreshMilliseconds = 500;

Agency holderOf(const Incident &incident)
{
    return incident.accountable != Agency::Unknown ? incident.accountable
                                                   : incident.suggestedAgency;
}

} // namespace

bool AgencyKpiModel::Figures::operator==(const Figures &other) const
{
    return openIncidents == other.openIncidents && unacknowledged == other.unacknowledged
        && critical == other.critical && medianAcknowledgeSeconds == other.medianAcknowledgeSeconds
        && trend.current == other.trend.current
        && trend.sameHourYesterday == other.trend.sameHourYesterday
        && trend.sparkline == other.trend.sparkline
        && trend.sparklineStart == other.trend.sparklineStart;
}

AgencyKpiModel::AgencyKpiModel(const IncidentBoard *board, const AlertTableModel *alerts,
                               const WallClock *clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_board(board)
    , m_alerts(alerts)
    , m_clock(clock)
    , m_coverageStart(clock ? clock->now() : QDateTime::currentDateTimeUtc())
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshMilliseconds);
    connect(&m_refreshTimer, &QTimer::timeout, this, &AgencyKpiModel::refreshNow);
    if (board) {
        connect(board, &IncidentBoard::incidentOpened, this, &AgencyKpiModel::requestRefresh);
        connect(board, &IncidentBoard::incidentChanged, this, &AgencyKpiModel::requestRefresh);
        connect(board, &IncidentBoard::restored, this, &AgencyKpiModel::requestRefresh);
    }
    if (alerts) {
        connect(alerts, &QAbstractItemModel::rowsInserted, this, &AgencyKpiModel::requestRefresh);
        connect(alerts, &QAbstractItemModel::rowsRemoved, this, &AgencyKpiModel::requestRefresh);
        connect(alerts, &QAbstractItemModel::dataChanged, this, &AgencyKpiModel::requestRefresh);
        connect(alerts, &QAbstractItemModel::modelReset, this, &AgencyKpiModel::requestRefresh);
    }
    if (clock) {
        // Hours turn and acknowledgements age out of the day without any event arriving.
        connect(clock, &WallClock::ticked, this, [this](const QDateTime &now) {
            if (now.time().second() % 10 == 0)
                requestRefresh();
        });
    }
    refreshNow();
}

int AgencyKpiModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(kAgencies.size());
}

int AgencyKpiModel::rowOfAgency(Agency agency) const
{
    for (std::size_t i = 0; i < kAgencies.size(); ++i) {
        if (kAgencies[i] == agency)
            return int(i);
    }
    return -1;
}

QVariant AgencyKpiModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Agency agency = kAgencies[std::size_t(index.row())];
    const Figures &f = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return agencyShortName(agency);
    case AgencyKeyRole:
        return agencyKey(agency);
    case OpenIncidentsRole:
        return f.openIncidents;
    case UnacknowledgedRole:
        return f.unacknowledged;
    case CriticalRole:
        return f.critical;
    case MedianAcknowledgeRole:
        return f.medianAcknowledgeSeconds ? AlertTableModel::formatAge(*f.medianAcknowledgeSeconds)
                                          : QString();
    case MedianAcknowledgeSecondsRole:
        return f.medianAcknowledgeSeconds.value_or(-1);
    case NewThisHourRole:
        return f.trend.current;
    case SameHourYesterdayRole:
        return f.trend.sameHourYesterday.value_or(-1);
    case HourlyRole: {
        QVariantList hours;
        hours.reserve(qsizetype(f.trend.sparkline.size()));
        for (int count : f.trend.sparkline)
            hours.append(count);
        return hours;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> AgencyKpiModel::roleNames() const
{
    return {
        {AgencyKeyRole, "agencyKey"},
        {NameRole, "name"},
        {OpenIncidentsRole, "openIncidents"},
        {UnacknowledgedRole, "unacknowledged"},
        {CriticalRole, "critical"},
        {MedianAcknowledgeRole, "medianAcknowledge"},
        {MedianAcknowledgeSecondsRole, "medianAcknowledgeSeconds"},
        {NewThisHourRole, "newThisHour"},
        {SameHourYesterdayRole, "sameHourYesterday"},
        {HourlyRole, "hourly"},
    };
}

void AgencyKpiModel::requestRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

QDateTime AgencyKpiModel::earliestIncident() const
{
    QDateTime earliest;
    if (m_board) {
        for (const Incident &incident : m_board->incidents()) {
            if (incident.firstSignalAt.isValid()
                && (!earliest.isValid() || incident.firstSignalAt < earliest))
                earliest = incident.firstSignalAt;
        }
    }
    return earliest;
}

void AgencyKpiModel::refreshNow()
{
    m_refreshTimer.stop();
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    // The board keeps the incidents it restored and every one fused since: its history reaches
    // back to the first of them, which can be before this view was made.
    const QDateTime earliest = earliestIncident();
    if (earliest.isValid() && earliest < m_coverageStart)
        m_coverageStart = earliest;

    std::array<Figures, kAgencies.size()> rows;
    std::array<std::vector<QDateTime>, kAgencies.size()> openings;
    if (m_board) {
        for (const Incident &incident : m_board->incidents()) {
            const int row = rowOfAgency(holderOf(incident));
            if (row < 0)
                continue;
            openings[std::size_t(row)].push_back(incident.firstSignalAt);
            if (incident.isOpen())
                ++rows[std::size_t(row)].openIncidents;
        }
    }
    if (m_alerts) {
        // Read in place: copying every alert for a few counts would cost more than the counts.
        for (int i = 0; i < m_alerts->rowCount(); ++i) {
            const AlertRecord &alert = m_alerts->record(i);
            m_acknowledgements.record(alert);
            const int row = rowOfAgency(alert.agency);
            if (row < 0 || !alert.live || alert.state != AlertState::Unacknowledged)
                continue;
            ++rows[std::size_t(row)].unacknowledged;
            rows[std::size_t(row)].critical += alert.isCritical();
        }
    }
    m_acknowledgements.prune(now);

    Figures totals;
    for (std::size_t i = 0; i < kAgencies.size(); ++i) {
        Figures &f = rows[i];
        f.medianAcknowledgeSeconds = m_acknowledgements.medianSeconds(kAgencies[i]);
        f.trend = HourlyTrend::compute(openings[i], m_coverageStart, now, kHours);
        totals.openIncidents += f.openIncidents;
        totals.unacknowledged += f.unacknowledged;
        totals.critical += f.critical;
    }
    totals.medianAcknowledgeSeconds = m_acknowledgements.medianSeconds();
    m_hourlyStart = rows[0].trend.sparklineStart;

    for (std::size_t i = 0; i < kAgencies.size(); ++i) {
        if (rows[i] == m_rows[i])
            continue;
        m_rows[i] = std::move(rows[i]);
        emit dataChanged(index(int(i)), index(int(i)));
    }
    m_totals = std::move(totals);
    emit refreshed();
}

} // namespace tlr
