#include "LabelPlacer.h"

#include "MapStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <numeric>

namespace tlr {

std::vector<LabelPlacer::Placed> LabelPlacer::place(const QRectF &canvas) const
{
    std::vector<std::size_t> order(m_labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return m_labels[a].priority > m_labels[b].priority;
    });
    std::vector<QRectF> taken = m_blocked;
    std::vector<Placed> placed;
    for (const std::size_t i : order) {
        const Label &l = m_labels[i];
        const QFontMetricsF fm(l.font);
        const QSizeF size(fm.horizontalAdvance(l.text) + 4, fm.height());
        std::vector<QRectF> candidates;
        if (l.anchor == Anchor::Centre) {
            const QRectF c(l.at - QPointF(size.width() / 2, size.height() / 2), size);
            candidates = {c, c.translated(0, size.height() * 0.8),
                          c.translated(0, -size.height() * 0.8)};
        } else {
            const double r = l.symbolRadius + 4;
            candidates = {QRectF(l.at + QPointF(r, -size.height() / 2), size),
                          QRectF(l.at - QPointF(r + size.width(), size.height() / 2), size),
                          QRectF(l.at + QPointF(-size.width() / 2, r), size),
                          QRectF(l.at - QPointF(size.width() / 2, r + size.height()), size)};
        }
        for (const QRectF &c : candidates) {
            if (!canvas.contains(c))
                continue;
            const bool clear = std::none_of(taken.begin(), taken.end(),
                                            [&](const QRectF &t) { return t.intersects(c); });
            if (!clear)
                continue;
            taken.push_back(c);
            placed.push_back({l.text, c, l.font, l.colour});
            break;
        }
    }
    return placed;
}

void LabelPlacer::draw(QPainter &painter, const std::vector<Placed> &labels, QPointF offset)
{
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Placed &l : labels) {
        const QRectF r = l.rect.translated(-offset);
        if (!painter.window().intersects(r.toAlignedRect()))
            continue;
        QPainterPath path;
        const QFontMetricsF fm(l.font);
        path.addText(r.left() + 2, r.top() + fm.ascent(), l.font, l.text);
        painter.setPen(QPen(MapStyle::halo(), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setPen(Qt::NoPen);
        painter.setBrush(l.colour);
        painter.drawPath(path);
    }
}

} // namespace tlr
