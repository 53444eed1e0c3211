#include "TopIncidentsModel.h"

#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTableModel.h"

namespace tlr {

TopIncidentsModel::TopIncidentsModel(IncidentTableModel *incidents, const IncidentBoard *board,
                                     QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_board(board)
{
    setSourceModel(incidents);
    // Rows re-sort when an incident's own row changes (severity, state, signals). The clock's
    // ticks touch only the age column, and every age grows alike, so the order holds still.
    setDynamicSortFilter(true);
    sort(0);
    connect(this, &QAbstractItemModel::rowsInserted, this, &TopIncidentsModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &TopIncidentsModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &TopIncidentsModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &TopIncidentsModel::countChanged);
}

QVariant TopIncidentsModel::sourceValue(int sourceRow, int column, int role) const
{
    return sourceModel()->index(sourceRow, column).data(role);
}

QString TopIncidentsModel::holderAgencyKey(int sourceRow) const
{
    const qint64 id = sourceValue(sourceRow, 0, IncidentTableModel::IncidentIdRole).toLongLong();
    const Incident *incident = m_board ? m_board->incident(id) : nullptr;
    if (!incident)
        return {};
    return agencyKey(incident->accountable != Agency::Unknown ? incident->accountable
                                                              : incident->suggestedAgency);
}

bool TopIncidentsModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto state = IncidentState(
        sourceValue(sourceRow, IncidentTableModel::StateColumn, IncidentTableModel::SortRole).toInt());
    const bool open = state >= IncidentState::New && state < IncidentState::Resolved;
    if (!open)
        return false;
    return m_agencyFilter.isEmpty() || holderAgencyKey(sourceRow) == m_agencyFilter;
}

bool TopIncidentsModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // "Less" comes first: graver, then more signals, then older.
    const auto value = [this](const QModelIndex &index, int column) {
        return sourceValue(index.row(), column, IncidentTableModel::SortRole).toLongLong();
    };
    for (int column : {int(IncidentTableModel::SeverityColumn), int(IncidentTableModel::MembersColumn),
                       int(IncidentTableModel::AgeColumn)}) {
        const qint64 l = value(left, column);
        const qint64 r = value(right, column);
        if (l != r)
            return l > r;
    }
    return value(left, IncidentTableModel::IdColumn) < value(right, IncidentTableModel::IdColumn);
}

void TopIncidentsModel::setAgencyFilter(const QString &agencyKey)
{
    if (agencyKey == m_agencyFilter)
        return;
    m_agencyFilter = agencyKey;
    invalidateFilter();
    emit agencyFilterChanged();
    emit countChanged();
}

qint64 TopIncidentsModel::incidentIdAt(int row) const
{
    return index(row, 0).data(IncidentIdRole).toLongLong();
}

QVariant TopIncidentsModel::data(const QModelIndex &index, int role) const
{
    if (role < IncidentIdRole || !index.isValid())
        return QSortFilterProxyModel::data(index, role);
    const int sourceRow = mapToSource(index).row();
    if (sourceRow < 0)
        return {};
    using Table = IncidentTableModel;
    switch (role) {
    case IncidentIdRole:
        return sourceValue(sourceRow, 0, Table::IncidentIdRole);
    case DisplayIdRole:
        return sourceValue(sourceRow, Table::IdColumn);
    case StateRole:
        return sourceValue(sourceRow, Table::StateColumn);
    case SeverityKeyRole:
        return sourceValue(sourceRow, Table::SeverityColumn);
    case SeverityRankRole:
        return sourceValue(sourceRow, Table::SeverityColumn, Table::SortRole);
    case KecamatanRole:
        return sourceValue(sourceRow, Table::KecamatanColumn);
    case HazardRole:
    case HazardNameRole: {
        const qint64 id = sourceValue(sourceRow, 0, Table::IncidentIdRole).toLongLong();
        const Incident *incident = m_board ? m_board->incident(id) : nullptr;
        if (!incident)
            return QString();
        return role == HazardRole ? incident->hazard : hazardName(incident->hazard);
    }
    case HolderRole:
        return sourceValue(sourceRow, Table::AgencyColumn);
    case HolderAgencyKeyRole:
        return holderAgencyKey(sourceRow);
    case SignalsRole:
        return sourceValue(sourceRow, Table::MembersColumn, Table::SortRole);
    case AgeRole:
        return sourceValue(sourceRow, Table::AgeColumn);
    case BouncedRole:
        return sourceValue(sourceRow, 0, Table::BouncedRole);
    default:
        return {};
    }
}

QHash<int, QByteArray> TopIncidentsModel::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert({
        {IncidentIdRole, "incidentId"},
        {DisplayIdRole, "displayId"},
        {StateRole, "stateName"},
        {SeverityKeyRole, "severityKey"},
        {SeverityRankRole, "severityRank"},
        {KecamatanRole, "kecamatan"},
        {HazardRole, "hazard"},
        {HazardNameRole, "hazardName"},
        {HolderRole, "holder"},
        {HolderAgencyKeyRole, "holderAgencyKey"},
        {SignalsRole, "signalCount"},
        {AgeRole, "age"},
        {BouncedRole, "bounced"},
    });
    return names;
}

} // namespace tlr
