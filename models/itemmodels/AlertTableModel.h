#pragma once

#include "alerts/AlertRecord.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <vector>

namespace tlr {

class AlertEngine;
class FrameBudget;
class WallClock;

// The alert panel's table: one row per alert the engine holds (closed ones until they leave),
// in the order they were raised; sorting and filtering are AlertFilterProxyModel's. Changes
// arrive batched from AlertEngine::alertsUpdated: one insertion per batch and one dataChanged
// per run of neighbouring rows, so a burst of updates costs the views a few signals, not one
// per alert. The age column moves with the clock without signals: views repaint on
// WallClock::ticked.
class AlertTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        AgeColumn,
        AgencyColumn,
        KecamatanColumn,
        StateColumn,
        DuplicatesColumn,
        TitleColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        AlertIdRole = Qt::UserRole + 1,
        SortKeyRole,                // the column's key: severity and state as int, age as -raisedAt,
                                    // title and kecamatan case-folded
        SeverityRole,               // Severity as int
        SeverityKeyRole,            // "extreme"…
        StateRole,                  // AlertState as int
        StateKeyRole,               // "unacknowledged"…
        UnacknowledgedCriticalRole, // bool: the row a view pulses
        LiveRole,                   // false: Exercise or Test, shown marked
        EscalationLevelRole,
        FlappingRole,
        RaisedAtRole,               // QDateTime
        AgeSecondsRole,
        LocationRole,               // QGeoCoordinate
        StatusRole,                 // int(Alert::Status): what a row that is not live is
    };
    Q_ENUM(Role)

    // Fills itself from the engine and follows its alertsUpdated.
    AlertTableModel(const AlertEngine *engine, const WallClock *clock, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const AlertRecord &record(int row) const { return m_rows[std::size_t(row)]; }
    // What sorting and filtering read of a row, kept beside it, small and in one array, and
    // updated whenever the row changes: a sort of 100,000 rows compares some 1.7 million
    // pairs, and reading them from the records (a few hundred bytes each, with the strings
    // elsewhere on the heap) cost more than the comparisons (a kecamatan sort took 145 ms).
    struct RowKeys
    {
        quint64 id = 0;
        qint64 raisedAtMs = 0;
        int duplicateCount = 0;
        int kecamatan = 0; // its case-folded name's id: kecamatanRank(), foldedKecamatan()
        Severity severity = Severity::Unknown;
        Agency agency = Agency::Unknown;
        AlertState state = AlertState::Unknown;
        bool live = true;
    };
    const RowKeys &keys(int row) const { return m_keys[std::size_t(row)]; }
    // Case-folded once when a row changes, so that a sort compares plain strings (a
    // case-insensitive compare per comparison made a title sort 84 ms).
    const QString &foldedTitle(int row) const { return m_foldedTitles[std::size_t(row)]; }
    const QString &foldedKecamatan(int row) const { return m_kecamatanNames.name(keys(row).kecamatan); }
    // The place of a kecamatan (RowKeys::kecamatan) among the names the table has seen, in the
    // order of their case-folded text: sorting by kecamatan compares these integers.
    int kecamatanRank(int kecamatan) const { return m_kecamatanNames.rank(kecamatan); }
    int rowOf(quint64 id) const { return m_rowOf.value(id, -1); }

    void applyChanges(const AlertChanges &changes);
    // A burst of changes is shown over several frames, within the budget the engine's slices
    // share (AlertEngine::frameBudget()); repeats a few times a second. These say whether some
    // are still to come, and show them all now (tests, a screenshot).
    bool hasPendingChanges() const
    {
        return !m_pendingRemoved.isEmpty() || !m_pendingChanged.isEmpty()
               || !m_pendingRepeated.isEmpty() || !m_changedRound.done() || !m_repeatRound.done();
    }
    void flushPendingChanges();

    // "12s", "5m", "2h05m": compact and the same in every language.
    static QString formatAge(qint64 seconds);

private:
    // A changed row and the columns its change shows in: a sorting proxy re-sorts a row only
    // when its sort column is among them, so a state change moves no row in a panel sorted by
    // severity.
    struct ChangedRow
    {
        int row;
        int firstColumn;
        int lastColumn;
    };
    static ChangedRow changedColumns(int row, const AlertRecord &before, const AlertRecord &after);

    // The changes a drain shows, in the order of their rows when the round began (a removal
    // keeps that order), so that neighbours go out as one signal. Changes that come while a
    // round is under way wait for the next one.
    struct Round
    {
        std::vector<quint64> ids;
        std::size_t next = 0;
        bool done() const { return next >= ids.size(); }
    };
    enum class Change { Rows, Repeats };

    enum class Budget { Frame, None };
    // The rows of m_pendingRemoved leave, a run of neighbours at a time from the bottom up;
    // Frame: as many runs as the frame's budget allows, the rest stay pending.
    void removePendingRows(Budget budget);
    std::vector<ChangedRow> copyRows(const QList<quint64> &ids);
    std::vector<ChangedRow> copyRepeats(const QList<quint64> &ids);
    // A person's own acknowledgement, shelve or unshelve shows in its row at once, ahead of a
    // backlog the drain is still working through: the panel tells them it is done, and a row
    // that still read "unacknowledged" would have them press again (and be refused).
    void showActedOn(quint64 id);
    void scheduleDrain();
    void drainPendingChanges();
    void startRound(Round &round, QSet<quint64> &pending);
    void emitNextRun(Round &round, Change change);
    // Now, in runs of neighbouring rows; more than maxRuns go as one run over their span.
    void showChanges(const QList<quint64> &ids, Change change, std::size_t maxRuns);
    // One signal over the rows' span and the columns any of them changed.
    void emitSpan(const std::vector<ChangedRow> &rows);

    // Every case-folded kecamatan the table has seen, each with its place in their sorted
    // order. A new name, rare (a city has a handful), re-ranks them all; the order of the
    // others among themselves stays, so a sorted proxy's order stays right.
    class KecamatanNames
    {
    public:
        int idOf(const QString &folded); // adds a name not seen before
        const QString &name(int id) const { return m_names[std::size_t(id)]; }
        int rank(int id) const { return m_ranks[std::size_t(id)]; }

    private:
        std::vector<QString> m_names;
        std::vector<int> m_ranks;
        QHash<QString, int> m_ids;
    };

    const AlertEngine *m_engine;
    const WallClock *m_clock;
    FrameBudget &m_budget;
    void appendRow(const AlertRecord &alert);
    void setRow(std::size_t row, const AlertRecord &alert);
    static void setKeys(RowKeys &keys, const AlertRecord &alert);

    std::vector<AlertRecord> m_rows;
    // Beside m_rows, row for row.
    std::vector<RowKeys> m_keys;
    std::vector<QString> m_foldedTitles;
    KecamatanNames m_kecamatanNames;
    QHash<quint64, int> m_rowOf;
    // Alerts the engine has dropped whose rows are still to leave: each removal costs a sorting
    // proxy a pass over all its rows, so a burst of them (a shift's closed alerts expiring
    // together) leaves within the frame budget too. Until then a row shows what it last did.
    QSet<quint64> m_pendingRemoved;
    QSet<quint64> m_pendingChanged; // each once, however often it changed
    QSet<quint64> m_pendingRepeated;
    Round m_changedRound;
    Round m_repeatRound;
    QElapsedTimer m_repeatsShown; // when a round of repeats last began
    bool m_behind = false;        // the last drain ran out of budget: the next one next frame
    QTimer m_drainTimer;
};

} // namespace tlr
