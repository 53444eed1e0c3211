#include "AlertTableModel.h"

#include "alerts/AlertEngine.h"
#include "alerts/FrameBudget.h"
#include "domain/WallClock.h"

#include <QElapsedTimer>
#include <QGeoCoordinate>

#include <algorithm>
#include <numeric>

namespace tlr {
namespace {

// Repeats in more runs than this go out as one signal over their span: it moves no row, and
// one pass of the proxy over the span is cheaper than many signals.
constexpr std::size_t kMaxRepeatRuns = 32;
// A repeat changes a count, nobody reads it to the millisecond: a burst of them is shown at
// most this often, in one round, instead of one per engine slice.
constexpr int kRepeatIntervalMs = 250;
// Changes that may move rows cost a sorting proxy a re-sort of each row across the table, and
// its views a layout change (a tenth to a quarter of a millisecond each with 100,000 alerts).
// A person's action (a few rows) is shown at once. A larger burst is shown as the frame
// budget the engine's slices share allows (FrameBudget), the rest in the next frames, so that
// however large it is no turn of the event loop comes near a frame, and the panel keeps up. A
// few rows wait for the next frame, so that a trickle costs one paint per frame, not one per
// batch.
constexpr qsizetype kImmediateChanges = 4;
constexpr int kFrameMs = 16;
// Changes in rows this close together go out as one signal over their span: a sorting proxy
// re-sorts every row of the span, which for a few hundred rows costs less than the layout
// change each signal brings (the proxy re-maps all its rows, the views their sections). The
// span is capped so that one signal stays a small part of a frame's budget.
constexpr int kRowGap = 256;
constexpr int kRowSpan = 256;
// A repeat touches the count alone: a proxy sorted by another column only checks the span's
// rows against its filter, a few nanoseconds each, so repeats go out over wider spans.
constexpr int kRepeatGap = 1024;
constexpr int kRepeatSpan = 4096;

} // namespace

AlertTableModel::AlertTableModel(const AlertEngine *engine, const WallClock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
    , m_clock(clock)
    , m_budget(engine->frameBudget())
    , m_drainTimer(this)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(0);
    connect(&m_drainTimer, &QTimer::timeout, this, &AlertTableModel::drainPendingChanges);
    const QList<AlertRecord> alerts = engine->alerts();
    m_rows.reserve(std::size_t(alerts.size()));
    m_keys.reserve(std::size_t(alerts.size()));
    m_foldedTitles.reserve(std::size_t(alerts.size()));
    for (const AlertRecord &alert : alerts)
        appendRow(alert);
    connect(engine, &AlertEngine::alertsUpdated, this, &AlertTableModel::applyChanges);
    connect(engine, &AlertEngine::alertActedOn, this, &AlertTableModel::showActedOn);
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
        case KecamatanColumn: return foldedKecamatan(index.row());
        case StateColumn: return int(a.state);
        case DuplicatesColumn: return a.duplicateCount;
        case TitleColumn: return foldedTitle(index.row());
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
    if (!changes.removed.isEmpty()) {
        for (quint64 id : changes.removed)
            m_pendingRemoved.insert(id);
        removePendingRows(Budget::Frame);
    }

    // Repeats: the count alone, over its column, which moves no row unless the panel is sorted
    // by it; a few at once, a burst with the next round.
    const bool drainIdle = m_pendingRemoved.isEmpty() && m_pendingChanged.isEmpty()
                           && m_changedRound.done() && m_pendingRepeated.isEmpty()
                           && m_repeatRound.done();
    if (changes.repeated.size() <= qsizetype(kMaxRepeatRuns) && drainIdle) {
        showChanges(changes.repeated, Change::Repeats, kMaxRepeatRuns);
    } else {
        for (quint64 id : changes.repeated)
            m_pendingRepeated.insert(id);
    }
    // Changes that may move rows, over the columns they touch. Each run re-sorts only its own
    // rows in a sorting proxy; one signal over a long span would re-sort everything between,
    // which with 100,000 rows is far dearer.
    if (changes.changed.size() <= kImmediateChanges && drainIdle) {
        showChanges(changes.changed, Change::Rows, std::size_t(-1));
    } else {
        for (quint64 id : changes.changed)
            m_pendingChanged.insert(id);
    }

    QList<const AlertRecord *> added;
    added.reserve(changes.inserted.size());
    for (quint64 id : changes.inserted) {
        const AlertRecord *alert = m_engine->alert(id);
        if (alert && m_pendingRemoved.remove(id))
            m_pendingChanged.insert(id); // back before its row left: the row stays, refreshed
        else if (alert && !m_rowOf.contains(id))
            added.append(alert);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const AlertRecord *alert : std::as_const(added))
            appendRow(*alert);
        endInsertRows();
    }
    scheduleDrain();
}

void AlertTableModel::scheduleDrain()
{
    if (m_drainTimer.isActive() || !hasPendingChanges())
        return;
    int wait = m_behind ? m_budget.msUntilNextFrame() : kFrameMs;
    if (m_pendingRemoved.isEmpty() && m_pendingChanged.isEmpty() && m_changedRound.done()
        && m_repeatRound.done() && m_repeatsShown.isValid()) {
        wait = int(std::max<qint64>(kFrameMs, kRepeatIntervalMs - m_repeatsShown.elapsed()));
    }
    m_drainTimer.start(wait);
}

void AlertTableModel::drainPendingChanges()
{
    removePendingRows(Budget::Frame);
    if (m_repeatRound.done() && !m_pendingRepeated.isEmpty()
        && (!m_repeatsShown.isValid() || m_repeatsShown.elapsed() >= kRepeatIntervalMs)) {
        startRound(m_repeatRound, m_pendingRepeated);
        m_repeatsShown.start();
    }
    if (m_changedRound.done() && !m_pendingChanged.isEmpty())
        startRound(m_changedRound, m_pendingChanged);
    // A run at a time, each asking the frame's budget first: when the engine's slices used
    // it up, all of it waits for the next frame. Repeats first: a round of them is short.
    while ((!m_repeatRound.done() || !m_changedRound.done()) && m_budget.hasTimeLeft()) {
        if (!m_repeatRound.done())
            emitNextRun(m_repeatRound, Change::Repeats);
        else
            emitNextRun(m_changedRound, Change::Rows);
    }
    m_behind = !m_pendingRemoved.isEmpty() || !m_repeatRound.done() || !m_changedRound.done();
    scheduleDrain();
}

void AlertTableModel::startRound(Round &round, QSet<quint64> &pending)
{
    std::vector<std::pair<int, quint64>> rows;
    rows.reserve(std::size_t(pending.size()));
    for (quint64 id : std::as_const(pending)) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.emplace_back(row, id);
    }
    pending.clear();
    std::sort(rows.begin(), rows.end());
    round.ids.clear();
    round.ids.reserve(rows.size());
    for (const auto &[row, id] : rows)
        round.ids.push_back(id);
    round.next = 0;
}

void AlertTableModel::emitNextRun(Round &round, Change change)
{
    const int gap = change == Change::Rows ? kRowGap : kRepeatGap;
    const int span = change == Change::Rows ? kRowSpan : kRepeatSpan;
    QList<quint64> ids;
    int first = -1;
    int last = -1;
    for (; !round.done(); ++round.next) {
        const quint64 id = round.ids[round.next];
        const int row = rowOf(id);
        if (row < 0)
            continue; // gone since the round began
        if (first >= 0 && (row - last > gap || row - first >= span))
            break;
        if (first < 0)
            first = row;
        last = row;
        ids.append(id);
    }
    emitSpan(change == Change::Rows ? copyRows(ids) : copyRepeats(ids));
}

void AlertTableModel::showActedOn(quint64 id)
{
    const auto waitingInRound = std::find(
        m_changedRound.ids.begin() + std::ptrdiff_t(m_changedRound.next), m_changedRound.ids.end(), id);
    if (waitingInRound != m_changedRound.ids.end())
        m_changedRound.ids.erase(waitingInRound);
    else if (!m_pendingChanged.remove(id))
        return; // shown already
    showChanges({id}, Change::Rows, 1);
}

void AlertTableModel::flushPendingChanges()
{
    m_drainTimer.stop();
    removePendingRows(Budget::None);
    const auto takeAll = [](Round &round, QSet<quint64> &pending) {
        for (; !round.done(); ++round.next)
            pending.insert(round.ids[round.next]);
        const QList<quint64> ids = pending.values();
        pending.clear();
        return ids;
    };
    showChanges(takeAll(m_changedRound, m_pendingChanged), Change::Rows, std::size_t(-1));
    showChanges(takeAll(m_repeatRound, m_pendingRepeated), Change::Repeats, kMaxRepeatRuns);
    m_behind = false;
}

void AlertTableModel::appendRow(const AlertRecord &alert)
{
    m_rowOf.insert(alert.id, int(m_rows.size()));
    m_rows.push_back(alert);
    m_foldedTitles.push_back(alert.title.toCaseFolded());
    m_keys.emplace_back();
    m_keys.back().kecamatan = m_kecamatanNames.idOf(alert.kecamatan.toCaseFolded());
    setKeys(m_keys.back(), alert);
}

void AlertTableModel::setRow(std::size_t row, const AlertRecord &alert)
{
    AlertRecord &kept = m_rows[row];
    if (kept.title != alert.title)
        m_foldedTitles[row] = alert.title.toCaseFolded();
    if (kept.kecamatan != alert.kecamatan)
        m_keys[row].kecamatan = m_kecamatanNames.idOf(alert.kecamatan.toCaseFolded());
    setKeys(m_keys[row], alert);
    kept = alert;
}

void AlertTableModel::setKeys(RowKeys &keys, const AlertRecord &alert)
{
    keys.id = alert.id;
    keys.raisedAtMs = alert.raisedAtMs;
    keys.duplicateCount = alert.duplicateCount;
    keys.severity = alert.severity;
    keys.agency = alert.agency;
    keys.state = alert.state;
    keys.live = alert.live;
}

int AlertTableModel::KecamatanNames::idOf(const QString &folded)
{
    const auto known = m_ids.constFind(folded);
    if (known != m_ids.cend())
        return *known;
    const int id = int(m_names.size());
    m_ids.insert(folded, id);
    m_names.push_back(folded);
    std::vector<int> byName(m_names.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(),
              [this](int a, int b) { return m_names[std::size_t(a)] < m_names[std::size_t(b)]; });
    m_ranks.resize(m_names.size());
    for (std::size_t rank = 0; rank < byName.size(); ++rank)
        m_ranks[std::size_t(byName[rank])] = int(rank);
    return id;
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
        m_keys[std::size_t(*row)].duplicateCount = alert->duplicateCount;
        rows.push_back({*row, DuplicatesColumn, DuplicatesColumn});
    }
    return rows;
}

void AlertTableModel::showChanges(const QList<quint64> &ids, Change change, std::size_t maxRuns)
{
    std::vector<std::pair<int, quint64>> rows;
    rows.reserve(std::size_t(ids.size()));
    for (quint64 id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.emplace_back(row, id);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Neighbouring rows go as one run; each run is copied only when it is signalled, so that
    // a sorting proxy places every row among rows it has been told about (rows changed but
    // not yet signalled would mislead its binary search, and leave the order wrong).
    std::vector<std::size_t> runStarts;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == 0 || rows[i].first > rows[i - 1].first + 1)
            runStarts.push_back(i);
    }
    if (runStarts.size() > maxRuns)
        runStarts = {0};
    runStarts.push_back(rows.size());
    for (std::size_t run = 0; run + 1 < runStarts.size(); ++run) {
        QList<quint64> runIds;
        for (std::size_t i = runStarts[run]; i < runStarts[run + 1]; ++i)
            runIds.append(rows[i].second);
        emitSpan(change == Change::Rows ? copyRows(runIds) : copyRepeats(runIds));
    }
}

void AlertTableModel::emitSpan(const std::vector<ChangedRow> &rows)
{
    if (rows.empty())
        return;
    int firstColumn = ColumnCount;
    int lastColumn = -1;
    for (const ChangedRow &row : rows) {
        firstColumn = std::min(firstColumn, row.firstColumn);
        lastColumn = std::max(lastColumn, row.lastColumn);
    }
    emit dataChanged(index(rows.front().row, firstColumn), index(rows.back().row, lastColumn));
}

void AlertTableModel::removePendingRows(Budget budget)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(m_pendingRemoved.size()));
    for (quint64 id : std::as_const(m_pendingRemoved)) {
        const int row = m_rowOf.value(id, -1);
        if (row >= 0)
            rows.push_back(row);
    }
    if (rows.empty()) {
        m_pendingRemoved.clear();
        return;
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    // From the bottom up, a run of neighbours at a time, so earlier row numbers stay valid.
    std::size_t i = 0;
    int lowest = -1;
    while (i < rows.size() && (budget == Budget::None || m_budget.hasTimeLeft())) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
            ++j;
        const int first = rows[j];
        const int last = rows[i];
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            const quint64 id = m_rows[std::size_t(row)].id;
            m_rowOf.remove(id);
            m_pendingRemoved.remove(id);
        }
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
        m_foldedTitles.erase(m_foldedTitles.begin() + first, m_foldedTitles.begin() + last + 1);
        endRemoveRows();
        lowest = first;
        i = j + 1;
    }
    // Only the rows below the lowest removed one moved up: rebuilding the whole index instead
    // cost a hundred thousand insertions per clear.
    if (lowest >= 0) {
        for (std::size_t row = std::size_t(lowest); row < m_rows.size(); ++row)
            m_rowOf[m_rows[row].id] = int(row);
    }
}

} // namespace tlr
