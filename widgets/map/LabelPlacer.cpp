#include "LabelPlacer.h"

#include "LabelSprites.h"

#include <QHash>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tlr {

namespace {

QSizeF textSize(const QString &text, const QFont &font)
{
    static QHash<QString, QSizeF> sizes;
    const QString key = text + u'\x1f' + font.key();
    auto it = sizes.find(key);
    if (it == sizes.end()) {
        if (sizes.size() > 4096)
            sizes.clear();
        it = sizes.insert(key, LabelSprites::textBox(text, font));
    }
    return *it;
}

} // namespace

std::vector<LabelPlacer::Placed> LabelPlacer::place(const QRectF &canvas) const
{
    std::vector<std::size_t> order(m_labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return m_labels[a].priority > m_labels[b].priority;
    });
    // The blocked boxes (symbols can be thousands) sorted by their left edge: a candidate looks
    // only at those whose left edge lies within the widest box's width of its own.
    std::vector<QRectF> blocked;
    blocked.reserve(m_blocked.size());
    double widest = 0;
    for (const QRectF &b : m_blocked) {
        if (!b.intersects(canvas))
            continue;
        blocked.push_back(b);
        widest = std::max(widest, b.width());
    }
    std::sort(blocked.begin(), blocked.end(),
              [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
    const auto isBlocked = [&](const QRectF &c) {
        auto it = std::lower_bound(blocked.begin(), blocked.end(), c.left() - widest,
                                   [](const QRectF &b, double left) { return b.left() < left; });
        for (; it != blocked.end() && it->left() <= c.right(); ++it) {
            if (it->intersects(c))
                return true;
        }
        return false;
    };
    std::vector<QRectF> taken; // the labels placed so far
    std::vector<Placed> placed;
    for (const std::size_t i : order) {
        const Label &l = m_labels[i];
        const QSizeF size = textSize(l.text, l.font);
        std::vector<QRectF> candidates;
        if (l.anchor == Anchor::Centre) {
            // An area's name may drift around its anchor, nearest first, to make room for the
            // live symbols it must not cover: the area is big, the name still reads as its.
            const QRectF c(l.at - QPointF(size.width() / 2, size.height() / 2), size);
            for (const double dy : {0.0, 0.8, -0.8, 1.6, -1.6, 2.4, -2.4}) {
                for (const double dx : {0.0, 0.4, -0.4, 0.8, -0.8})
                    candidates.push_back(c.translated(dx * size.width(), dy * size.height()));
            }
        } else {
            const double r = l.symbolRadius + 4;
            candidates = {QRectF(l.at + QPointF(r, -size.height() / 2), size),
                          QRectF(l.at - QPointF(r + size.width(), size.height() / 2), size),
                          QRectF(l.at + QPointF(-size.width() / 2, r), size),
                          QRectF(l.at - QPointF(size.width() / 2, r + size.height()), size)};
        }
        for (const QRectF &c : candidates) {
            if (!canvas.contains(c) || isBlocked(c))
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
    constexpr int kHalo = LabelSprites::kHalo;
    LabelSprites &sprites = LabelSprites::shared();
    for (const Placed &l : labels) {
        const QRectF r = l.rect.translated(-offset);
        if (!painter.window().intersects(r.toAlignedRect().adjusted(-kHalo, -kHalo, kHalo, kHalo)))
            continue;
        painter.drawImage(QPointF(std::round(r.left()) - kHalo, std::round(r.top()) - kHalo),
                          sprites.sprite({l.text, l.font, l.colour}));
    }
}

} // namespace tlr
