#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace tlr {

// Places labels without overlaps: candidates are tried in priority order (then in the order
// given), each at a few positions around its anchor; a label that fits nowhere is left out.
// Placement is done over the whole canvas of a view, so panes of a spanning map agree on it.
class LabelPlacer
{
public:
    enum class Anchor { Unknown, Centre, Right }; // Right: beside a symbol at the anchor

    struct Label
    {
        QString text;
        QPointF at;       // canvas pixels
        int priority = 0; // higher first
        QFont font;
        QColor colour;
        Anchor anchor = Anchor::Centre;
        double symbolRadius = 0; // the symbol the label sits beside, kept clear too
    };
    struct Placed
    {
        QString text;
        QRectF rect; // canvas pixels, the text's box
        QFont font;
        QColor colour;
    };

    void add(const Label &label) { m_labels.push_back(label); }
    // Rectangles other layers already occupy.
    void block(const QRectF &rect) { m_blocked.push_back(rect); }
    std::vector<Placed> place(const QRectF &canvas) const;

    // Draws placed labels with a dark halo (LabelSprites), translated by -offset (canvas to pane).
    static void draw(QPainter &painter, const std::vector<Placed> &labels, QPointF offset);

private:
    std::vector<Label> m_labels;
    std::vector<QRectF> m_blocked;
};

} // namespace tlr
