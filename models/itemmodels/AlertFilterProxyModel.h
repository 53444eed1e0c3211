#pragma once

#include "alerts/AlertState.h"
#include "domain/Agency.h"
#include "domain/Severity.h"

#include <QSortFilterProxyModel>
#include <QStringMatcher>

namespace tlr {

class AlertTableModel;

// Filters and sorts an AlertTableModel for the alert panel: by severity (at least), by state,
// by agency and by text (title, kecamatan, resource; case-insensitive). Sorting and filtering
// read the table's compact keys (AlertTableModel::RowKeys) rather than QVariants or whole
// records, and ties fall back to the order raised, so a sort is stable across refreshes.
// Dynamic: rows move as their alerts change; each moved row costs QSortFilterProxyModel a pass
// over its whole mapping, which is why the table shows a burst of them over several frames. A
// filter change re-maps the whole table in one layout change (invalidate) instead of removing
// rows range by range: with 100,000 alerts the ranges, not the filtering, are what costs.
class AlertFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AlertFilterProxyModel(AlertTableModel *source, QObject *parent = nullptr);

    void setMinimumSeverity(Severity severity);
    Severity minimumSeverity() const { return m_minimumSeverity; }
    // Empty: every state. The panel's default leaves Closed out.
    void setStates(const QList<AlertState> &states);
    QList<AlertState> states() const;
    void setAgency(Agency agency); // Unknown: every agency
    Agency agency() const { return m_agency; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    void setShowExercises(bool show); // Exercise and Test alerts; shown by default
    bool showExercises() const { return m_showExercises; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const AlertTableModel *m_alerts;
    Severity m_minimumSeverity = Severity::Unknown;
    quint32 m_stateMask = 0; // bit per AlertState; 0 = all
    Agency m_agency = Agency::Unknown;
    QString m_text;
    // Built once per text, not per row and field: a case-insensitive contains() builds its
    // search table on each call, which made a text filter over 100,000 alerts cost twice a
    // sort.
    QStringMatcher m_textMatcher;
    bool m_showExercises = true;
};

} // namespace tlr
