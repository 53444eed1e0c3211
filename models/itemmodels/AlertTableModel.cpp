#include "AlertTableModel.h"

#include "alerts/AlertEngine.h"
#include "domain/WallClock.h"

#include <QElapsedTimer>
#include <QGeoCoordinate>

namespace tlr {
namespace {

// Repeats in more runs than this go out as one signal over their span: it moves no row, and
// one pass of the proxy over the span is cheaper than many signals.
constexpr std::size_t kMaxRepeatRuns = 32;
// Changes that may move rows cost a sorting proxy a re-sort of each row across the table
// (about a quarter of a millisecond with 100,000 alerts). Up to this many are shown at once;
// a larger burst is spread over event-loop turns of kSliceBudgetMs each, so the wall keeps
// painting while the panel catches up (within a few hundred milliseconds).
constexpr qsizetype kImmediateChanges = 64;
constexpr int kSliceBudgetMs = 4;
constexpr std::size_t kSliceRows = 8;

} // namespace

AlertTableModel::AlertTableModel(const AlertEngine *engine, const WallClock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
    , m_clock(clock)
    , m_drainTimer(this)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(0);
    connect(&m_drainTimer, &QTimer::timeout, this, &AlertTableModel::drainPendingChanges);
    const QList<AlertRecord> alerts = engine->alerts();
    m_rows.reserve(std::size_t(alerts.size()));
    for (const AlertRecord &alert : alerts) {
        m_rowOf.insert(alert.id, int(m_rows.size()));
        m_rows.push_back(alert);
    }
    connect(engine, &AlertEngine::alertsUpdated, this, &AlertTableModel::applyChanges);
}

QModelIndex AlertTableModel::index(int row, int column, const QModelIndex &parent) const
{
    // Proxies call this twice per comparison while sorting: no virtual round trips here.
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size()) || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertTableModel::formatAge(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m").arg(seconds / 60);
    if (seconds < 86400)
        return QStringLiteral("%1h%2m").arg(seconds / 3600).arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d%2h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRecord &a = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityKey(a.severity);
        case AgeColumn: return formatAge(a.raisedAt.secsTo(m_clock->now()));
        case AgencyColumn: return agencyShortName(a.agency);
        case KecamatanColumn: return a.kecamatan;
        case StateColumn: return alertStateKey(a.state);
        case DuplicatesColumn: return a.duplicateCount;
        case TitleColumn: return a.title;
        default: return {};
        }
    case SortKeyRole:
        switch (index.column()) {
        case SeverityColumn: return int(a.severity);
        case AgeColumn: return -a.raisedAtMs;
        case AgencyColumn: return agencyShortName(a.agency);
        case KecamatanColumn: return a.kecamatan;
        case StateColumn: return int(a.state);
        case DuplicatesColumn: return a.duplicateCount;
        case TitleColumn: return a.title;
        default: return {};
        }
    case AlertIdRole: return a.id;
    case SeverityRole: return int(a.severity);
    case SeverityKeyRole: return severityKey(a.severity);
    case StateRole: return int(a.state);
    case StateKeyRole: return alertStateKey(a.state);
    case UnacknowledgedCriticalRole: return a.isUnacknowledgedCritical();
    case LiveRole: return a.live;
    case EscalationLevelRole: return a.escalationLevel;
    case FlappingRole: return a.flapping;
    case RaisedAtRole: return a.raisedAt;
    case AgeSecondsRole: return a.raisedAt.secsTo(m_clock->now());
    case LocationRole: return QVariant::fromValue(a.location);
    case StatusRole: return int(a.status);
    default: return {};
    }
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case AgeColumn: return tr("Age");
    case AgencyColumn: return tr("Agency");
    case KecamatanColumn: return tr("Kecamatan");
    case StateColumn: return tr("State");
    case DuplicatesColumn: return tr("Repeats");
    case TitleColumn: return tr("Alert");
    default: return {};
    }
}

QHash<int, QByteArray> AlertTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{AlertIdRole, "alertId"},
                  {SortKeyRole, "sortKey"},
                  {SeverityRole, "severity"},
                  {SeverityKeyRole, "severityKey"},
                  {StateRole, "state"},
                  {StateKeyRole, "stateKey"},
                  {UnacknowledgedCriticalRole, "unacknowledgedCritical"},
                  {LiveRole, "live"},
                  {EscalationLevelRole, "escalationLevel"},
                  {FlappingRole, "flapping"},
                  {RaisedAtRole, "raisedAt"},
                  {AgeSecondsRole, "ageSeconds"},
                  {LocationRole, "location"},
                  {StatusRole, "status"}});
    return names;
}

void AlertTableModel::applyChanges(const AlertChanges &changes)
{
    if (!changes.removed.isEmpty())
        removeRowsOf(changes.removed);

    // Repeats first: a narrow signal over the columns they touch, which moves no row unless
    // the panel is sorted by them. Then the changes that may move rows, all columns.
    emitChangedRuns(copyRows(changes.repeated), DuplicatesColumn, TitleColumn, kMaxRepeatRuns);
    // Each run of these re-sorts only its own rows in a sorting proxy; one signal over their
    // span would re-sort everything between, which with 100,000 rows is far dearer.
    if (changes.changed.size() <= kImmediateChanges && m_pendingChanged.empty()) {
        emitChangedRuns(copyRows(changes.changed), 0, ColumnCount - 1, std::size_t(-1));
    } else {
        for (quint64 id : changes.changed) {
            if (!m_pendingChangedIds.contains(id)) {
                m_pendingChangedIds.insert(id);
                m_pendingChanged.push_back(id);
            }
        }
        if (!m_drainTimer.isActive())
            m_drainTimer.start();
    }

    QList<const AlertRecord *> added;
    added.reserve(changes.inserted.size());
    for (quint64 id : changes.inserted) {
        const AlertRecord *alert = m_engine->alert(id);
        if (alert && !m_rowOf.contains(id))
            added.append(alert);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (const AlertRecord *alert : std::as_const(added)) {
        m_rowOf.insert(alert->id, int(m_rows.size()));
        m_rows.push_back(*alert);
    }
    endInsertRows();
}

void AlertTableModel::drainPendingChanges()
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!m_pendingChanged.empty() && elapsed.elapsed() < kSliceBudgetMs) {
        QList<quint64> slice;
        while (!m_pendingChanged.empty() && std::size_t(slice.size()) < kSliceRows) {
            const quint64 id = m_pendingChanged.front();
            m_pendingChanged.pop_front();
            m_pendingChangedIds.remove(id);
            slice.append(id);
        }
        emitChangedRuns(copyRows(slice), 0, ColumnCount - 1, std::size_t(-1));
    }
    if (!m_pendingChanged.empty())
        m_drainTimer.start();
}

void AlertTableModel::flushPendingChanges()
{
    m_drainTimer.stop();
    QList<quint64> all(m_pendingChanged.begin(), m_pendingChanged.end());
    m_pendingChanged.clear();
    m_pendingChangedIds.clear();
    emitChangedRuns(copyRows(all), 0, ColumnCount - 1, std::size_t(-1));
}

std::vector<int> AlertTableModel::copyRows(const QList<quint64> &ids)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(ids.size()));
    for (quint64 id : ids) {
        const auto row = m_rowOf.constFind(id);
        const AlertRecord *alert = m_engine->alert(id);
        if (row == m_rowOf.cend() || !alert)
            continue; // inserted in the same batch, or gone already
        m_rows[std::size_t(*row)] = *alert;
        rows.push_back(*row);
    }
    return rows;
}

void AlertTableModel::emitChangedRuns(std::vector<int> rows, int firstColumn, int lastColumn,
                                      std::size_t maxRuns)
{
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    std::vector<std::pair<int, int>> runs;
    for (int row : rows) {
        if (!runs.empty() && row <= runs.back().second + 1)
            runs.back().second = std::max(runs.back().second, row);
        else
            runs.emplace_back(row, row);
    }
    if (runs.size() > maxRuns)
        runs = {{runs.front().first, runs.back().second}};
    for (const auto &[first, last] : runs)
        emit dataChanged(index(first, firstColumn), index(last, lastColumn));
}

void AlertTableModel::removeRowsOf(const QList<quint64> &ids)
{
    std::vector<int> rows;
    for (quint64 id : ids) {
        const int row = m_rowOf.value(id, -1);
        if (row >= 0)
            rows.push_back(row);
    }
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    // From the bottom up, a run of neighbours at a time, so earlier row numbers stay valid.
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
            ++j;
        const int first = rows[j];
        const int last = rows[i];
        beginRemoveRows({}, first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        i = j + 1;
    }
    m_rowOf.clear();
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows[row].id, int(row));
}

} // namespace tlr
