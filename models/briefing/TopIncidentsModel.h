#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

namespace tlr {

class IncidentBoard;
class IncidentTableModel;

// The open incidents, gravest first (severity, then signals fused, then the oldest), as a list
// for the briefing: a proxy over the wall's IncidentTableModel with one row per incident and
// named roles for QML. An agency filter keeps the incidents that agency holds, or would hold
// once forwarded (its first signal's agency), as the agency KPI cards count them.
class TopIncidentsModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString agencyFilter READ agencyFilter WRITE setAgencyFilter NOTIFY agencyFilterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IncidentIdRole = Qt::UserRole + 100,
        DisplayIdRole,
        StateRole,         // translated
        SeverityKeyRole,   // "extreme"…
        SeverityRankRole,  // int(Severity)
        KecamatanRole,
        HazardRole,        // "flood", "traffic"… from the fusion configuration; may be empty
        HazardNameRole,    // the hazard in words, translated; may be empty
        HolderRole,        // the accountable agency, or the Live Room
        HolderAgencyKeyRole, // the agency the filter matches
        SignalsRole,
        AgeRole,           // "12 min", "2 h 05 min"
        BouncedRole,
    };
    Q_ENUM(Role)

    TopIncidentsModel(IncidentTableModel *incidents, const IncidentBoard *board,
                      QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString agencyFilter() const { return m_agencyFilter; }
    void setAgencyFilter(const QString &agencyKey); // empty: every agency
    int count() const { return rowCount(); }
    Q_INVOKABLE qint64 incidentIdAt(int row) const;

signals:
    void agencyFilterChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QVariant sourceValue(int sourceRow, int column, int role = Qt::DisplayRole) const;
    QString holderAgencyKey(int sourceRow) const;

    QPointer<const IncidentBoard> m_board;
    QString m_agencyFilter;
};

} // namespace tlr
