#include "AlertRowDelegate.h"

#include "AlertStyle.h"
#include "alerts/AlertStatusMark.h"
#include "itemmodels/AlertTableModel.h"
#include "theme/Theme.h"

#include <QPainter>

namespace tlr {

namespace {

// A wall's panel shows some thirty rows of seven cells; the rest is room for what changes.
constexpr int kShapedTexts = 2048;

} // namespace

AlertRowDelegate::AlertRowDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shaped(kShapedTexts)
{
}

const QStaticText &AlertRowDelegate::shaped(const QString &text, const QFont &font, int width) const
{
    QString key = text;
    key += u'\x1f';
    key += QString::number(width);
    key += u'\x1f';
    key += font.key();
    if (const QStaticText *cached = m_shaped.object(key))
        return *cached;
    auto *laidOut = new QStaticText(QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
    laidOut->setTextFormat(Qt::PlainText);
    laidOut->setPerformanceHint(QStaticText::AggressiveCaching);
    laidOut->prepare(QTransform(), font);
    m_shaped.insert(key, laidOut);
    return *laidOut;
}

void AlertRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const auto severity = static_cast<Severity>(index.data(AlertTableModel::SeverityRole).toInt());
    const auto state = static_cast<AlertState>(index.data(AlertTableModel::StateRole).toInt());
    const bool pulsing = index.data(AlertTableModel::UnacknowledgedCriticalRole).toBool();
    const bool live = index.data(AlertTableModel::LiveRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    QColor background = Theme::surface();
    if (pulsing) {
        background = Theme::severityColor(severity);
        background.setAlphaF(0.18 + 0.5 * m_pulse);
    }
    painter->fillRect(option.rect, background);
    if (selected) {
        painter->setPen(QPen(Theme::accent(), 3));
        painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
        painter->drawLine(option.rect.topLeft(), option.rect.topRight());
    }

    const QRect textRect = option.rect.adjusted(10, 0, -10, 0);
    QString text;
    QColor color = live ? Theme::text() : Theme::textMuted();
    QFont font = Theme::font(Theme::kBodyPixels);
    Qt::Alignment align = Qt::AlignVCenter | Qt::AlignLeft;
    switch (index.column()) {
    case AlertTableModel::SeverityColumn:
        text = Theme::severityGlyph(severity) + u' ' + Theme::severityLabel(severity);
        color = Theme::severityColor(severity);
        font.setBold(true);
        break;
    case AlertTableModel::StateColumn:
        text = AlertStyle::stateLabel(state);
        color = AlertStyle::stateColor(state);
        font.setBold(state == AlertState::Unacknowledged);
        break;
    case AlertTableModel::DuplicatesColumn: {
        const int repeats = index.data().toInt();
        text = repeats > 0 ? QStringLiteral("×%1").arg(repeats) : QString();
        align = Qt::AlignVCenter | Qt::AlignRight;
        break;
    }
    case AlertTableModel::TitleColumn:
        text = index.data().toString();
        if (!live) {
            text = markedAlertTitle(
                static_cast<Alert::Status>(index.data(AlertTableModel::StatusRole).toInt()), text);
        }
        if (index.data(AlertTableModel::FlappingRole).toBool())
            text += QStringLiteral(" ⇅");
        break;
    case AlertTableModel::AgeColumn:
        align = Qt::AlignVCenter | Qt::AlignRight;
        text = index.data().toString();
        break;
    default:
        text = index.data().toString();
        break;
    }
    if (pulsing && index.column() == AlertTableModel::SeverityColumn)
        color = Theme::text(); // on its own colour the word needs the light ink
    painter->setFont(font);
    painter->setPen(color);
    if (!text.isEmpty()) {
        const QStaticText &laidOut = shaped(text, font, textRect.width());
        const QSizeF size = laidOut.size();
        QPointF at(textRect.left(), textRect.top() + (textRect.height() - size.height()) / 2);
        if (align & Qt::AlignRight)
            at.setX(textRect.left() + textRect.width() - size.width());
        painter->drawStaticText(at, laidOut);
    }
    painter->restore();
}

QSize AlertRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(Theme::kBodyPixels + 18);
    return size;
}

} // namespace tlr
