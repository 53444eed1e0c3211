#include "AlertFilterProxyModel.h"

#include "AlertTableModel.h"

namespace tlr {

AlertFilterProxyModel::AlertFilterProxyModel(AlertTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_alerts(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    m_textMatcher.setCaseSensitivity(Qt::CaseInsensitive);
}

void AlertFilterProxyModel::setMinimumSeverity(Severity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidate();
}

void AlertFilterProxyModel::setStates(const QList<AlertState> &states)
{
    quint32 mask = 0;
    for (AlertState state : states)
        mask |= 1u << int(state);
    if (mask == m_stateMask)
        return;
    m_stateMask = mask;
    invalidate();
}

QList<AlertState> AlertFilterProxyModel::states() const
{
    QList<AlertState> result;
    for (int s = 0; s <= int(AlertState::Closed); ++s) {
        if (m_stateMask & (1u << s))
            result.append(AlertState(s));
    }
    return result;
}

void AlertFilterProxyModel::setAgency(Agency agency)
{
    if (agency == m_agency)
        return;
    m_agency = agency;
    invalidate();
}

void AlertFilterProxyModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_textMatcher.setPattern(m_text);
    invalidate();
}

void AlertFilterProxyModel::setShowExercises(bool show)
{
    if (show == m_showExercises)
        return;
    m_showExercises = show;
    invalidate();
}

bool AlertFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const AlertTableModel::RowKeys &keys = m_alerts->keys(sourceRow);
    if (keys.severity < m_minimumSeverity)
        return false;
    if (m_stateMask && !(m_stateMask & (1u << int(keys.state))))
        return false;
    if (m_agency != Agency::Unknown && keys.agency != m_agency)
        return false;
    if (!m_showExercises && !keys.live)
        return false;
    if (!m_text.isEmpty()) {
        const AlertRecord &a = m_alerts->record(sourceRow);
        return m_textMatcher.indexIn(a.title) >= 0 || m_textMatcher.indexIn(a.kecamatan) >= 0
               || m_textMatcher.indexIn(a.resource) >= 0;
    }
    return true;
}

bool AlertFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const AlertTableModel::RowKeys &a = m_alerts->keys(left.row());
    const AlertTableModel::RowKeys &b = m_alerts->keys(right.row());
    const auto byColumn = [&]() -> int {
        switch (left.column()) {
        case AlertTableModel::SeverityColumn: return int(a.severity) - int(b.severity);
        case AlertTableModel::AgeColumn: // ascending: the youngest first
            return a.raisedAtMs < b.raisedAtMs ? 1 : (b.raisedAtMs < a.raisedAtMs ? -1 : 0);
        case AlertTableModel::AgencyColumn: return int(a.agency) - int(b.agency);
        case AlertTableModel::KecamatanColumn:
            return m_alerts->kecamatanRank(a.kecamatan) - m_alerts->kecamatanRank(b.kecamatan);
        case AlertTableModel::StateColumn: return int(a.state) - int(b.state);
        case AlertTableModel::DuplicatesColumn:
            return a.duplicateCount < b.duplicateCount ? -1 : (b.duplicateCount < a.duplicateCount ? 1 : 0);
        case AlertTableModel::TitleColumn:
            return m_alerts->foldedTitle(left.row()).compare(m_alerts->foldedTitle(right.row()));
        default: return 0;
        }
    };
    const int order = byColumn();
    if (order != 0)
        return order < 0;
    return a.id < b.id;
}

} // namespace tlr
