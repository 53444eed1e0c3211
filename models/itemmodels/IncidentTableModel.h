#pragma once

#include "incidents/Incident.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace tlr {

class IncidentBoard;
class WallClock;

// One row per incident on the board, in the order they opened: what the incident panel and
// the executive view list. Rows are copies of the board's incidents, refreshed when the board
// says one changed. The age column follows the wall clock until the incident is resolved, then
// says how long it was open.
class IncidentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StateColumn,
        SeverityColumn,
        KecamatanColumn,
        AgencyColumn,
        MembersColumn,
        AgeColumn,
        LastHandOffColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1, // a value that sorts the column: enums as int, age in s
        IncidentIdRole,
        BouncedRole, // the incident was handed back to an agency that had it before
    };
    Q_ENUM(Role)

    IncidentTableModel(const IncidentBoard *board, const WallClock *clock,
                       QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    qint64 incidentId(int row) const { return m_rows.at(std::size_t(row)).id; }
    int rowOfIncident(qint64 id) const { return m_rowOfId.value(id, -1); }

    // The words the wall uses for a state and for whoever holds an incident.
    static QString stateName(IncidentState state);
    static QString holderName(Agency accountable);

private:
    struct Row
    {
        qint64 id = 0;
        QString displayId;
        IncidentState state = IncidentState::Unknown;
        Severity severity = Severity::Unknown;
        QString kecamatan;
        Agency accountable = Agency::Unknown;
        int members = 0;
        QDateTime openedAt;
        QDateTime finishedAt; // when it was resolved (or closed unresolved); invalid while open
        std::optional<HandOff> lastHandOff;
        bool bounced = false;
        qint64 shownAgeMinutes = 0; // the age the views were last told of
    };
    static Row rowOf(const Incident &incident);
    QString text(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    qint64 ageSeconds(const Row &row) const;

    void reload();
    void append(qint64 id);
    void update(qint64 id);
    void remove(const QList<qint64> &ids);
    void refreshAges();
    bool ageTurned(int row); // and takes note of the new minute

    QPointer<const IncidentBoard> m_board;
    const WallClock *m_clock;
    std::vector<Row> m_rows;
    QHash<qint64, int> m_rowOfId;
};

} // namespace tlr
