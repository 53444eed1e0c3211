#pragma once

#include <QCache>
#include <QStaticText>
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
    // The cell's text elided to its width and laid out once: shaping text was most of a
    // panel's paint (up to 9 ms with every row on screen), and a panel shows the same few
    // hundred strings frame after frame.
    const QStaticText &shaped(const QString &text, const QFont &font, int width) const;

    qreal m_pulse = 0;
    mutable QCache<QString, QStaticText> m_shaped;
};

} // namespace tlr
