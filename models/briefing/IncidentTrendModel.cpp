#include "IncidentTrendModel.h"

#include "AgencyKpiModel.h"
#include "domain/WallClock.h"

namespace tlr {

IncidentTrendModel::IncidentTrendModel(const AgencyKpiModel *agencies, QObject *parent)
    : QAbstractListModel(parent)
    , m_agencies(agencies)
{
    connect(agencies, &AgencyKpiModel::refreshed, this, &IncidentTrendModel::reload);
    reload();
}

void IncidentTrendModel::reload()
{
    std::vector<Hour> hours;
    int yesterday = -1;
    const int agencyRows = m_agencies ? m_agencies->rowCount() : 0;
    for (int row = 0; row < agencyRows; ++row) {
        const QModelIndex index = m_agencies->index(row);
        const QVariantList counts = index.data(AgencyKpiModel::HourlyRole).toList();
        if (hours.empty()) {
            hours.resize(std::size_t(counts.size()));
            for (std::size_t h = 0; h < hours.size(); ++h) {
                hours[h].start = m_agencies->hourlyStart().addSecs(qint64(h) * 3600);
                hours[h].byAgency.reserve(agencyRows);
            }
        }
        for (std::size_t h = 0; h < hours.size(); ++h) {
            const int count = h < std::size_t(counts.size()) ? counts.at(qsizetype(h)).toInt() : 0;
            hours[h].byAgency.append(count);
            hours[h].total += count;
        }
        const int agencyYesterday = index.data(AgencyKpiModel::SameHourYesterdayRole).toInt();
        if (agencyYesterday >= 0)
            yesterday = std::max(yesterday, 0) + agencyYesterday;
    }

    // The hours slide one at a time; resetting a dozen rows is cheaper than working out moves.
    beginResetModel();
    m_hours = std::move(hours);
    m_maximum = 0;
    for (const Hour &hour : m_hours)
        m_maximum = std::max(m_maximum, hour.total);
    m_sameHourYesterday = yesterday;
    endResetModel();
    emit changed();
}

int IncidentTrendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hours.size());
}

QVariant IncidentTrendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Hour &hour = m_hours[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case HourRole:
        return hour.start.toTimeZone(WallClock::wib()).toString(QStringLiteral("HH:mm"));
    case HourStartRole:
        return hour.start;
    case TotalRole:
        return hour.total;
    case ByAgencyRole:
        return hour.byAgency;
    case CurrentRole:
        return index.row() == rowCount() - 1;
    default:
        return {};
    }
}

QHash<int, QByteArray> IncidentTrendModel::roleNames() const
{
    return {
        {HourRole, "hour"},
        {HourStartRole, "hourStart"},
        {TotalRole, "total"},
        {ByAgencyRole, "byAgency"},
        {CurrentRole, "current"},
    };
}

QString IncidentTrendModel::coverageStartText() const
{
    if (!m_agencies || !m_agencies->coverageStart().isValid())
        return {};
    return m_agencies->coverageStart().toTimeZone(WallClock::wib()).toString(QStringLiteral("HH:mm"));
}

} // namespace tlr
