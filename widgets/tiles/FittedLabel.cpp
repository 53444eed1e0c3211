#include "FittedLabel.h"

#include "theme/Theme.h"

#include <QFontMetrics>
#include <QPainter>

namespace tlr {

FittedLabel::FittedLabel(int maximumPixels, QFont::Weight weight, QWidget *parent)
    : QWidget(parent)
    , m_color(Theme::text())
    , m_maximumPixels(maximumPixels)
    , m_weight(weight)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FittedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    update();
}

void FittedLabel::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void FittedLabel::setSizingText(const QString &text)
{
    m_sizingText = text;
    update();
}

QSize FittedLabel::minimumSizeHint() const
{
    return QSize(Theme::kSmallPixels * 2, Theme::kSmallPixels + 8);
}

int FittedLabel::fittedPixels() const
{
    const QString &sample = m_sizingText.isEmpty() ? m_text : m_sizingText;
    int pixels = std::min(m_maximumPixels, int(height() * 0.8));
    while (pixels > Theme::kSmallPixels
           && QFontMetrics(Theme::font(pixels, m_weight)).horizontalAdvance(sample) > width() - 8) {
        pixels -= 2;
    }
    return std::max(pixels, Theme::kSmallPixels);
}

void FittedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setFont(Theme::font(fittedPixels(), m_weight));
    painter.setPen(m_color);
    painter.drawText(rect(), Qt::AlignCenter, m_text);
}

} // namespace tlr
