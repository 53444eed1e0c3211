#include "Sparkline.h"

#include "theme/Theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace tlr {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent), m_color(Theme::accent())
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMinimumHeight(36);
}

void Sparkline::setValues(std::vector<int> values)
{
    if (values == m_values)
        return;
    m_values = std::move(values);
    update();
}

void Sparkline::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void Sparkline::setSlotCount(int slotCount)
{
    m_slotCount = std::max(2, slotCount);
    update();
}

QSize Sparkline::sizeHint() const { return QSize(240, 56); }

void Sparkline::paintEvent(QPaintEvent *)
{
    if (m_values.empty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    const int top = std::max(1, *std::max_element(m_values.begin(), m_values.end()));
    // A fixed number of hour slots across the width, the newest on the right: a history of
    // three hours draws three hours long, not stretched to look like a day.
    const int slotCount = std::max<int>(m_slotCount, int(m_values.size()));
    const int first = slotCount - int(m_values.size());
    auto at = [&](std::size_t i) {
        const double x = area.left() + area.width() * double(first + int(i))
                                           / double(std::max(1, slotCount - 1));
        const double y = area.bottom() - area.height() * double(m_values[i]) / double(top);
        return QPointF(x, y);
    };
    p.setPen(QPen(Theme::surfaceRaised(), 2));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    QPainterPath path(at(0));
    for (std::size_t i = 1; i < m_values.size(); ++i)
        path.lineTo(at(i));
    p.setPen(QPen(m_color, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    p.setBrush(m_color);
    p.setPen(Qt::NoPen);
    p.drawEllipse(at(m_values.size() - 1), 5, 5);
}

} // namespace tlr
