#pragma once

#include <QStyledItemDelegate>

namespace tlr {

// Draws one cell of the alert panel: severity as shape, word and colour; the state as a word;
// an Exercise or Test alert marked. Rows of unacknowledged critical alerts are washed in their
// severity colour at the strength the panel's pulse gives (0…1), so they cannot be missed.
class AlertRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit AlertRowDelegate(QObject *parent = nullptr);

    void setPulse(qreal strength) { m_pulse = strength; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    qreal m_pulse = 0;
};

} // namespace tlr
