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
// A repeat changes a count, nobody reads it to the millisecond: a burst of them is shown at
// most this often, in one pass of the proxy, instead of one pass per engine slice.
constexpr int kRepeatIntervalMs = 250;
// Changes that may move rows cost a sorting proxy a re-sort of each row across the table, and
// its views a layout change (a tenth to a quarter of a millisecond each with 100,000 alerts).
// A person's action (a few rows) is shown at once; a larger burst is shown kFrameBudgetMs of
// rows at a time, in a turn of the event loop of its own (not the engine's slice), so that the
// slice, the drain and the view's paint each get a turn and no turn comes near a frame. A few
// rows wait for the next frame, so that a trickle costs one paint per frame, not one per
// batch; a backlog is drained turn after turn, so that the panel never falls behind.
constexpr qsizetype kImmediateChanges = 4;
constexpr int kFrameMs = 16;
constexpr int kFrameBudgetMs = 4;
// An engine batch that ended less than this ago most likely ended in this very turn.
constexpr qint64 kSameTurnNs = 1'000'000;

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
        m_rows.emplace_back();
        m_sortText.emplace_back();
        setRow(m_rows.size() - 1, alert);
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
        case KecamatanColumn: return sortText(index.row()).kecamatan;
        case StateColumn: return int(a.state);
        case DuplicatesColumn: return a.duplicateCount;
        case TitleColumn: return sortText(index.row()).title;
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

    // Repeats: the count alone, over its column, which moves no row unless the panel is sorted
    // by it; a few at once, a burst with the next drain.
    if (changes.repeated.size() <= qsizetype(kMaxRepeatRuns) && m_pendingRepeated.isEmpty()) {
        emitChangedRuns(copyRepeats(changes.repeated), kMaxRepeatRuns);
    } else {
        for (quint64 id : changes.repeated)
            m_pendingRepeated.insert(id);
    }
    // Changes that may move rows, over the columns they touch. Each run re-sorts only its own
    // rows in a sorting proxy; one signal over their span would re-sort everything between,
    // which with 100,000 rows is far dearer.
    if (changes.changed.size() <= kImmediateChanges && m_pendingChanged.empty()) {
        emitChangedRuns(copyRows(changes.changed), std::size_t(-1));
    } else {
        for (quint64 id : changes.changed) {
            if (!m_pendingChangedIds.contains(id)) {
                m_pendingChangedIds.insert(id);
                m_pendingChanged.push_back(id);
            }
        }
    }

    QList<const AlertRecord *> added;
    added.reserve(changes.inserted.size());
    for (quint64 id : changes.inserted) {
        const AlertRecord *alert = m_engine->alert(id);
        if (alert && !m_rowOf.contains(id))
            added.append(alert);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const AlertRecord *alert : std::as_const(added)) {
            m_rowOf.insert(alert->id, int(m_rows.size()));
            m_rows.emplace_back();
            m_sortText.emplace_back();
            setRow(m_rows.size() - 1, *alert);
        }
        endInsertRows();
    }
    m_lastBatch.start();
    scheduleDrain();
}

void AlertTableModel::scheduleDrain()
{
    if (m_drainTimer.isActive() || !hasPendingChanges())
        return;
    int wait = m_behind ? 0 : kFrameMs;
    if (m_pendingChanged.empty() && m_repeatsShown.isValid())
        wait = int(std::max<qint64>(kFrameMs, kRepeatIntervalMs - m_repeatsShown.elapsed()));
    m_drainTimer.start(wait);
}

void AlertTableModel::drainPendingChanges()
{
    // The engine's slices and this drain take turns: while the engine works through a burst,
    // or when its batch came in this very turn, the rows wait for a later turn.
    if (m_engine->hasQueuedConditions()
        || (m_lastBatch.isValid() && m_lastBatch.nsecsElapsed() < kSameTurnNs)) {
        m_drainTimer.start(1);
        return;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    if (!m_pendingRepeated.isEmpty()
        && (!m_repeatsShown.isValid() || m_repeatsShown.elapsed() >= kRepeatIntervalMs)) {
        const QList<quint64> repeated = m_pendingRepeated.values();
        m_pendingRepeated.clear();
        emitChangedRuns(copyRepeats(repeated), kMaxRepeatRuns);
        m_repeatsShown.start();
    }
    // A row at a time: one costs a sorting proxy and its views a layout change, so the budget
    // is checked after each.
    constexpr qint64 budgetNs = qint64(kFrameBudgetMs) * 1'000'000;
    while (!m_pendingChanged.empty() && elapsed.nsecsElapsed() < budgetNs) {
        const quint64 id = m_pendingChanged.front();
        m_pendingChanged.pop_front();
        m_pendingChangedIds.remove(id);
        emitChangedRuns(copyRows({id}), 1);
    }
    m_behind = !m_pendingChanged.empty();
    scheduleDrain();
}

void AlertTableModel::flushPendingChanges()
{
    m_drainTimer.stop();
    QList<quint64> all(m_pendingChanged.begin(), m_pendingChanged.end());
    m_pendingChanged.clear();
    m_pendingChangedIds.clear();
    emitChangedRuns(copyRows(all), std::size_t(-1));
    const QList<quint64> repeated = m_pendingRepeated.values();
    m_pendingRepeated.clear();
    emitChangedRuns(copyRepeats(repeated), kMaxRepeatRuns);
}

void AlertTableModel::setRow(std::size_t row, const AlertRecord &alert)
{
    AlertRecord &kept = m_rows[row];
    SortText &text = m_sortText[row];
    if (text.title.isNull() || kept.title != alert.title)
        text.title = alert.title.toCaseFolded();
    if (text.kecamatan.isNull() || kept.kecamatan != alert.kecamatan)
        text.kecamatan = alert.kecamatan.toCaseFolded();
    kept = alert;
}

AlertTableModel::ChangedRow AlertTableModel::changedColumns(int row, const AlertRecord &before,
                                                           const AlertRecord &after)
{
    // A row that starts or stops pulsing, or turns into an exercise, looks different in every
    // column.
    if (before.isUnacknowledgedCritical() != after.isUnacknowledgedCritical()
        || before.live != after.live || before.status != after.status) {
        return {row, 0, ColumnCount - 1};
    }
    ChangedRow changed{row, ColumnCount, -1};
    const auto touch = [&changed](int column) {
        changed.firstColumn = std::min(changed.firstColumn, column);
        changed.lastColumn = std::max(changed.lastColumn, column);
    };
    if (before.severity != after.severity)
        touch(SeverityColumn);
    if (before.raisedAtMs != after.raisedAtMs)
        touch(AgeColumn);
    if (before.agency != after.agency)
        touch(AgencyColumn);
    if (before.kecamatan != after.kecamatan)
        touch(KecamatanColumn);
    if (before.state != after.state)
        touch(StateColumn);
    if (before.duplicateCount != after.duplicateCount)
        touch(DuplicatesColumn);
    if (before.title != after.title || before.flapping != after.flapping)
        touch(TitleColumn); // the title carries the flapping mark
    if (changed.lastColumn < 0)
        touch(StateColumn); // escalation, acknowledgement, shelf: the roles of the row's state
    return changed;
}

std::vector<AlertTableModel::ChangedRow> AlertTableModel::copyRows(const QList<quint64> &ids)
{
    std::vector<ChangedRow> rows;
    rows.reserve(std::size_t(ids.size()));
    for (quint64 id : ids) {
        const auto row = m_rowOf.constFind(id);
        const AlertRecord *alert = m_engine->alert(id);
        if (row == m_rowOf.cend() || !alert)
            continue; // inserted in the same batch, or gone already
        rows.push_back(changedColumns(*row, m_rows[std::size_t(*row)], *alert));
        setRow(std::size_t(*row), *alert);
    }
    return rows;
}

std::vector<AlertTableModel::ChangedRow> AlertTableModel::copyRepeats(const QList<quint64> &ids)
{
    // Only what a repeat changes: copying whole records for thousands of repeats a second
    // (titles, places, times) cost more than showing them.
    std::vector<ChangedRow> rows;
    rows.reserve(std::size_t(ids.size()));
    for (quint64 id : ids) {
        const auto row = m_rowOf.constFind(id);
        const AlertRecord *alert = m_engine->alert(id);
        if (row == m_rowOf.cend() || !alert)
            continue;
        AlertRecord &kept = m_rows[std::size_t(*row)];
        kept.duplicateCount = alert->duplicateCount;
        kept.updatedAt = alert->updatedAt;
        rows.push_back({*row, DuplicatesColumn, DuplicatesColumn});
    }
    return rows;
}

void AlertTableModel::emitChangedRuns(std::vector<ChangedRow> rows, std::size_t maxRuns)
{
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end(),
              [](const ChangedRow &a, const ChangedRow &b) { return a.row < b.row; });
    // Neighbouring rows go as one run over the columns any of them touched.
    std::vector<ChangedRow> runs; // row: the run's first; lastRow beside it
    std::vector<int> lastRows;
    for (const ChangedRow &changed : rows) {
        if (!runs.empty() && changed.row <= lastRows.back() + 1) {
            lastRows.back() = std::max(lastRows.back(), changed.row);
            runs.back().firstColumn = std::min(runs.back().firstColumn, changed.firstColumn);
            runs.back().lastColumn = std::max(runs.back().lastColumn, changed.lastColumn);
        } else {
            runs.push_back(changed);
            lastRows.push_back(changed.row);
        }
    }
    if (runs.size() > maxRuns) {
        ChangedRow all = runs.front();
        for (const ChangedRow &run : runs) {
            all.firstColumn = std::min(all.firstColumn, run.firstColumn);
            all.lastColumn = std::max(all.lastColumn, run.lastColumn);
        }
        runs = {all};
        lastRows = {lastRows.back()};
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        emit dataChanged(index(runs[i].row, runs[i].firstColumn),
                         index(lastRows[i], runs[i].lastColumn));
    }
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
        m_sortText.erase(m_sortText.begin() + first, m_sortText.begin() + last + 1);
        endRemoveRows();
        i = j + 1;
    }
    // Only the rows below the first removed one moved up: rebuilding the whole index instead
    // cost a hundred thousand insertions per clear.
    for (quint64 id : ids)
        m_rowOf.remove(id);
    for (std::size_t row = std::size_t(rows.back()); row < m_rows.size(); ++row)
        m_rowOf[m_rows[row].id] = int(row);
}

} // namespace tlr
