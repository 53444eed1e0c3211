#include "IncidentTableModel.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"

#include <algorithm>

namespace tlr {

IncidentTableModel::IncidentTableModel(const IncidentBoard *board, const WallClock *clock,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_board(board)
    , m_clock(clock)
{
    connect(board, &IncidentBoard::incidentOpened, this, &IncidentTableModel::append);
    connect(board, &IncidentBoard::incidentChanged, this, &IncidentTableModel::update);
    connect(board, &IncidentBoard::restored, this, &IncidentTableModel::reload);
    connect(board, &IncidentBoard::incidentsAboutToBeRetired, this, &IncidentTableModel::remove);
    if (m_clock)
        connect(m_clock, &WallClock::ticked, this, &IncidentTableModel::refreshAges);
    reload();
}

IncidentTableModel::Row IncidentTableModel::rowOf(const Incident &incident)
{
    Row row;
    row.id = incident.id;
    row.displayId = incident.displayId();
    row.state = incident.state;
    row.severity = incident.severity();
    row.kecamatan = incident.kecamatan;
    row.accountable = incident.accountable;
    row.members = int(incident.members.size());
    row.openedAt = incident.firstSignalAt;
    for (const IncidentTransition &t : incident.transitions) {
        if (t.to >= IncidentState::Resolved) {
            row.finishedAt = t.at;
            break;
        }
    }
    if (!incident.handOffs.isEmpty())
        row.lastHandOff = incident.handOffs.constLast();
    row.bounced = incident.hasBounced();
    return row;
}

void IncidentTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    if (m_board) {
        for (const Incident &incident : m_board->incidents()) {
            m_rowOfId.insert(incident.id, int(m_rows.size()));
            m_rows.push_back(rowOf(incident));
            m_rows.back().shownAgeMinutes = ageSeconds(m_rows.back()) / 60;
        }
    }
    endResetModel();
}

void IncidentTableModel::append(qint64 id)
{
    const Incident *incident = m_board ? m_board->incident(id) : nullptr;
    if (!incident || m_rowOfId.contains(id))
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rowOfId.insert(id, row);
    m_rows.push_back(rowOf(*incident));
    m_rows.back().shownAgeMinutes = ageSeconds(m_rows.back()) / 60;
    endInsertRows();
}

void IncidentTableModel::remove(const QList<qint64> &ids)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(ids.size()));
    for (const qint64 id : ids) {
        if (const int row = m_rowOfId.value(id, -1); row >= 0)
            rows.push_back(row);
    }
    if (rows.empty())
        return;
    // Runs of neighbouring rows, the last first, so that the rows before a run keep their
    // numbers: a view keeps its selection and its scroll position through a removal.
    std::sort(rows.begin(), rows.end());
    for (auto last = rows.end(); last != rows.begin();) {
        auto first = std::prev(last);
        while (first != rows.begin() && *std::prev(first) == *first - 1)
            --first;
        const int from = *first;
        const int to = *std::prev(last);
        beginRemoveRows({}, from, to);
        for (int row = from; row <= to; ++row)
            m_rowOfId.remove(m_rows[std::size_t(row)].id);
        m_rows.erase(m_rows.begin() + from, m_rows.begin() + to + 1);
        endRemoveRows();
        last = first;
    }
    // Once, after every run: the ids of the rows behind the first run all moved, and the board
    // retires from the oldest rows, so renumbering after each run would cost rows × runs.
    for (std::size_t row = std::size_t(rows.front()); row < m_rows.size(); ++row)
        m_rowOfId[m_rows[row].id] = int(row);
}

// The age column shows whole minutes: each second only the rows whose minute turned are news,
// about one open incident in sixty, and the views (the briefing's sorting, filtering proxy
// above all) are told of those rows alone, not of the whole table every second.
void IncidentTableModel::refreshAges()
{
    const int count = rowCount();
    for (int row = 0; row < count;) {
        if (!ageTurned(row)) {
            ++row;
            continue;
        }
        const int first = row;
        while (row + 1 < count && ageTurned(row + 1))
            ++row;
        emit dataChanged(index(first, AgeColumn), index(row, AgeColumn), {Qt::DisplayRole, SortRole});
        ++row;
    }
}

bool IncidentTableModel::ageTurned(int row)
{
    Row &r = m_rows[std::size_t(row)];
    if (r.finishedAt.isValid())
        return false;
    const qint64 minutes = ageSeconds(r) / 60;
    if (minutes == r.shownAgeMinutes)
        return false;
    r.shownAgeMinutes = minutes;
    return true;
}

void IncidentTableModel::update(qint64 id)
{
    const Incident *incident = m_board ? m_board->incident(id) : nullptr;
    const int row = m_rowOfId.value(id, -1);
    if (!incident || row < 0)
        return;
    Row &changed = m_rows[std::size_t(row)];
    changed = rowOf(*incident);
    changed.shownAgeMinutes = ageSeconds(changed) / 60;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int IncidentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncidentTableModel::stateName(IncidentState state)
{
    switch (state) {
    case IncidentState::New:
        return tr("new");
    case IncidentState::Acknowledged:
        return tr("acknowledged");
    case IncidentState::Forwarded:
        return tr("forwarded");
    case IncidentState::Resolved:
        return tr("resolved");
    case IncidentState::Closed:
        return tr("closed");
    case IncidentState::Unknown:
        break;
    }
    return QString();
}

QString IncidentTableModel::holderName(Agency accountable)
{
    return accountable == Agency::Unknown ? tr("Live Room") : agencyShortName(accountable);
}

qint64 IncidentTableModel::ageSeconds(const Row &row) const
{
    const QDateTime until = row.finishedAt.isValid() ? row.finishedAt
                            : m_clock                ? m_clock->now()
                                                     : QDateTime::currentDateTimeUtc();
    return row.openedAt.isValid() ? std::max<qint64>(0, row.openedAt.secsTo(until)) : 0;
}

QString IncidentTableModel::text(const Row &row, int column) const
{
    switch (column) {
    case IdColumn:
        return row.displayId;
    case StateColumn:
        return stateName(row.state);
    case SeverityColumn:
        return severityKey(row.severity);
    case KecamatanColumn:
        return row.kecamatan;
    case AgencyColumn:
        return holderName(row.accountable);
    case MembersColumn:
        return QString::number(row.members);
    case AgeColumn: {
        const qint64 minutes = ageSeconds(row) / 60;
        if (minutes < 60)
            return tr("%1 min").arg(minutes);
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    case LastHandOffColumn: {
        if (!row.lastHandOff)
            return QString();
        const HandOff &h = *row.lastHandOff;
        const QString from = holderName(h.from);
        const QString when = h.at.toTimeZone(WallClock::wib()).toString(QStringLiteral("HH:mm"));
        return h.bounced ? tr("%1 → %2 %3, bounced back").arg(from, agencyShortName(h.to), when)
                         : tr("%1 → %2 %3").arg(from, agencyShortName(h.to), when);
    }
    default:
        return QString();
    }
}

QVariant IncidentTableModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case IdColumn:
        return row.id;
    case StateColumn:
        return int(row.state);
    case SeverityColumn:
        return int(row.severity);
    case KecamatanColumn:
        return row.kecamatan;
    case AgencyColumn:
        return int(row.accountable);
    case MembersColumn:
        return row.members;
    case AgeColumn:
        return ageSeconds(row);
    case LastHandOffColumn:
        return row.lastHandOff ? row.lastHandOff->at : QDateTime();
    default:
        return {};
    }
}

QVariant IncidentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case IncidentIdRole:
        return row.id;
    case BouncedRole:
        return row.bounced;
    default:
        return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Incident");
    case StateColumn:
        return tr("State");
    case SeverityColumn:
        return tr("Severity");
    case KecamatanColumn:
        return tr("Kecamatan");
    case AgencyColumn:
        return tr("Accountable");
    case MembersColumn:
        return tr("Signals");
    case AgeColumn:
        return tr("Age");
    case LastHandOffColumn:
        return tr("Last hand-off");
    default:
        return {};
    }
}

QHash<int, QByteArray> IncidentTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(IncidentIdRole, "incidentId");
    names.insert(BouncedRole, "bounced");
    return names;
}

} // namespace tlr
