#include "PrintChart.h"

#include "charts/TimeTicks.h"
#include "domain/WallClock.h"

#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace tlr {
namespace {

// Greys that stay apart on a grey-scale copy: ink for lines and text, steps for the bands.
const QColor kInk(0x11, 0x11, 0x11);
const QColor kText(0x33, 0x33, 0x33);
const QColor kGrid(0xbb, 0xbb, 0xbb);
const QColor kFrame(0x66, 0x66, 0x66);

QFont printFont(double points, QFont::Weight weight = QFont::Normal, bool italic = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setWeight(weight);
    f.setItalic(italic);
    return f;
}

// Darker the graver: a band's tone as a grey step behind the lines.
QColor bandGrey(BandTone tone)
{
    switch (tone) {
    case BandTone::Good:
    case BandTone::Unknown:
        return Qt::white;
    case BandTone::Fair:
        return QColor(0xf3, 0xf3, 0xf3);
    case BandTone::Poor:
        return QColor(0xe8, 0xe8, 0xe8);
    case BandTone::Bad:
        return QColor(0xdc, 0xdc, 0xdc);
    case BandTone::Severe:
        return QColor(0xcf, 0xcf, 0xcf);
    }
    return Qt::white;
}

enum class Mark { Circle, Square, Triangle, Diamond };

Mark markOf(int line)
{
    constexpr Mark marks[] = {Mark::Circle, Mark::Square, Mark::Triangle, Mark::Diamond};
    return marks[line % 4];
}

void drawMark(QPainter &p, const QPointF &at, Mark mark, double size, bool filled)
{
    p.setBrush(filled ? QBrush(p.pen().color()) : QBrush(Qt::white));
    const double r = size / 2;
    switch (mark) {
    case Mark::Circle:
        p.drawEllipse(at, r, r);
        break;
    case Mark::Square:
        p.drawRect(QRectF(at.x() - r, at.y() - r, size, size));
        break;
    case Mark::Triangle:
        p.drawPolygon(QPolygonF({QPointF(at.x(), at.y() - r), QPointF(at.x() + r, at.y() + r),
                                 QPointF(at.x() - r, at.y() + r)}));
        break;
    case Mark::Diamond:
        p.drawPolygon(QPolygonF({QPointF(at.x(), at.y() - r), QPointF(at.x() + r, at.y()),
                                 QPointF(at.x(), at.y() + r), QPointF(at.x() - r, at.y())}));
        break;
    }
}

// A value axis step of 1, 2 or 5 times a power of ten giving about `count` ticks.
double niceStep(double range, int count)
{
    const double raw = range / std::max(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

QString wib(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc())
        .toTimeZone(WallClock::wib())
        .toString(QStringLiteral("HH:mm"));
}

} // namespace

QPen PrintChart::linePen(int line, double pixelsPerPoint)
{
    // Black solid, black dashed, grey dash-dot, grey dotted; marks tell them apart as well.
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DashDotLine,
                                          Qt::DotLine};
    QPen pen(line % 4 < 2 ? kInk : QColor(0x55, 0x55, 0x55));
    pen.setWidthF(1.4 * pixelsPerPoint);
    pen.setStyle(styles[line % 4]);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

double PrintChart::newestMsecs() const
{
    double newest = -1;
    for (const auto &points : lines) {
        if (!points.empty())
            newest = std::max(newest, double(points.back().msecs));
    }
    return newest;
}

QString PrintChart::captionText() const
{
    if (!caption.isEmpty())
        return caption;
    const double newest = newestMsecs();
    if (newest < 0)
        return tr("No reading in this window.");
    return tr("Latest reading %1 WIB.").arg(wib(qint64(newest)));
}

int PrintChart::paint(QPainter &p, const QRect &area) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double pt = p.device() ? p.device()->logicalDpiY() / 72.0 : 1.0;
    const QFont small = printFont(7.5);
    const QFontMetricsF fm(small, p.device());
    const QFont captionFont = printFont(8, QFont::Normal, true);
    const QFontMetricsF captionMetrics(captionFont, p.device());

    // Legend on top: each line's dash and mark, then its label.
    p.setFont(small);
    const double sample = 28 * pt;
    const double gap = 10 * pt;
    double x = area.left();
    double y = area.top();
    const double legendRow = fm.height() * 1.3;
    for (int l = 0; l < series.lines.size(); ++l) {
        const QString label = series.lines.at(l).label;
        const double itemWidth = sample + 4 * pt + fm.horizontalAdvance(label) + gap;
        if (x > area.left() && x + itemWidth > area.right()) {
            x = area.left();
            y += legendRow;
        }
        const double middle = y + legendRow / 2;
        p.setPen(linePen(l, pt));
        p.drawLine(QPointF(x, middle), QPointF(x + sample, middle));
        QPen markPen = linePen(l, pt);
        markPen.setStyle(Qt::SolidLine);
        p.setPen(markPen);
        drawMark(p, QPointF(x + sample / 2, middle), markOf(l), 4.5 * pt, l % 2 == 0);
        p.setPen(kInk);
        p.drawText(QRectF(x + sample + 4 * pt, y, itemWidth, legendRow), Qt::AlignVCenter, label);
        x += itemWidth;
    }
    y += legendRow + 2 * pt;

    // The value range: the data, the series' own minimum range, a little room.
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const auto &points : lines) {
        for (const TimePoint &point : points) {
            if (point.msecs < fromMsecs || point.msecs > toMsecs)
                continue;
            low = std::min(low, point.value);
            high = std::max(high, point.value);
        }
    }
    const bool hasData = low <= high;
    if (!hasData) {
        low = series.minimum.value_or(0.0);
        high = series.maximum.value_or(low + 1.0);
    }
    if (series.minimum)
        low = std::min(low, *series.minimum);
    if (series.maximum)
        high = std::max(high, *series.maximum);
    if (high - low < 1e-9)
        high = low + 1.0;
    const double step = niceStep(high - low, 5);
    low = std::floor(low / step) * step;
    high = std::ceil(high / step) * step;

    QStringList valueLabels;
    for (double v = low; v <= high + step / 2; v += step)
        valueLabels.append(QString::number(v, 'f', std::max(0, series.decimals)));
    double valueWidth = 0;
    for (const QString &label : valueLabels)
        valueWidth = std::max(valueWidth, fm.horizontalAdvance(label));
    double bandWidth = 0;
    for (const ThresholdBand &band : series.bands)
        bandWidth = std::max(bandWidth, fm.horizontalAdvance(band.label));

    const double bottom = area.bottom() - captionMetrics.height() * 1.4;
    const QRectF plot(area.left() + valueWidth + 5 * pt, y,
                      area.width() - valueWidth - 5 * pt -
                          (bandWidth > 0 ? bandWidth + 6 * pt : 8 * pt),
                      bottom - y - fm.height() - 3 * pt);
    if (plot.width() <= 0 || plot.height() <= 0) {
        p.restore();
        return 0;
    }
    const double span = double(std::max<qint64>(1, toMsecs - fromMsecs));
    const auto xOf = [&](qint64 msecs) {
        return plot.left() + double(msecs - fromMsecs) / span * plot.width();
    };
    const auto yOf = [&](double value) {
        return plot.bottom() - (value - low) / (high - low) * plot.height();
    };

    // Bands behind everything, named at the right where they are in view.
    for (const ThresholdBand &band : series.bands) {
        const double from = std::max(low, band.from.value_or(low));
        const double to = std::min(high, band.to.value_or(high));
        if (to <= from)
            continue;
        const QRectF rect(plot.left(), yOf(to), plot.width(), yOf(from) - yOf(to));
        p.fillRect(rect, bandGrey(band.tone));
        if (band.from && *band.from > low) {
            QPen edge(kFrame, 0.6 * pt, Qt::DashLine);
            p.setPen(edge);
            p.drawLine(QPointF(plot.left(), yOf(*band.from)),
                       QPointF(plot.right(), yOf(*band.from)));
        }
        if (rect.height() >= fm.height() * 0.8) {
            p.setPen(kText);
            p.drawText(
                QRectF(plot.right() + 4 * pt, rect.top(), bandWidth + 4 * pt, rect.height()),
                Qt::AlignLeft | Qt::AlignVCenter, band.label);
        }
    }

    // Grid and value labels.
    p.setFont(small);
    for (int i = 0; i < valueLabels.size(); ++i) {
        const double v = low + i * step;
        p.setPen(QPen(kGrid, 0.5 * pt));
        p.drawLine(QPointF(plot.left(), yOf(v)), QPointF(plot.right(), yOf(v)));
        p.setPen(kText);
        p.drawText(QRectF(area.left(), yOf(v) - fm.height() / 2, valueWidth, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, valueLabels.at(i));
    }
    // Time labels in WIB, as many as fit with room between them.
    const int maxTicks =
        std::max(2, int(plot.width() / (fm.horizontalAdvance(QStringLiteral("00:00")) * 2.2)));
    for (const TimeTick &tick : timeTicks(fromMsecs, toMsecs, maxTicks, WallClock::wib())) {
        const double tx = xOf(tick.msecs);
        p.setPen(QPen(kGrid, 0.5 * pt));
        p.drawLine(QPointF(tx, plot.top()), QPointF(tx, plot.bottom()));
        const double half = fm.horizontalAdvance(tick.label) / 2;
        if (tx - half < area.left() || tx + half > area.right())
            continue;
        p.setPen(kText);
        p.drawText(QRectF(tx - half - pt, plot.bottom() + 2 * pt, 2 * half + 2 * pt, fm.height()),
                   Qt::AlignCenter, tick.label);
    }
    p.setPen(QPen(kFrame, 0.8 * pt));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);

    // The lines: broken where the data has a gap, never drawn where nothing was measured.
    const qint64 gapMsecs = std::max<qint64>(qint64(series.staleAfterSeconds) * 1000, 180000);
    p.setClipRect(plot.adjusted(-3 * pt, -3 * pt, 3 * pt, 3 * pt));
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const auto &points = lines[l];
        QPainterPath path;
        qint64 previous = -1;
        std::vector<QPointF> all;
        for (const TimePoint &point : points) {
            if (point.msecs < fromMsecs || point.msecs > toMsecs)
                continue;
            const QPointF at(xOf(point.msecs), yOf(point.value));
            if (previous < 0 || point.msecs - previous > gapMsecs)
                path.moveTo(at);
            else
                path.lineTo(at);
            previous = point.msecs;
            all.push_back(at);
        }
        p.setPen(linePen(int(l), pt));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // Marks along the line, staggered per line so that they do not sit on each other.
        QPen markPen = linePen(int(l), pt);
        markPen.setStyle(Qt::SolidLine);
        p.setPen(markPen);
        const double spacing = 36 * pt;
        double nextMark = plot.left() + spacing * (0.3 + 0.2 * double(l % 4));
        for (const QPointF &at : all) {
            if (at.x() < nextMark && all.size() > 2)
                continue;
            drawMark(p, at, markOf(int(l)), 4.5 * pt, l % 2 == 0);
            nextMark = at.x() + spacing;
        }
    }
    p.setClipping(false);
    if (!hasData) {
        p.setPen(kText);
        p.setFont(small);
        p.drawText(plot, Qt::AlignCenter, tr("No reading in this window."));
    }

    // How old the data is, under the chart: a note on the plot would hide what it is about.
    p.setFont(captionFont);
    p.setPen(kText);
    const QRectF captionRect(area.left(), bottom + captionMetrics.height() * 0.3, area.width(),
                             captionMetrics.height());
    p.drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter,
               captionMetrics.elidedText(captionText(), Qt::ElideRight, area.width()));
    p.restore();
    return area.height();
}

} // namespace tlr
