#pragma once

#include "charts/SeriesSpec.h"
#include "charts/TimeSeries.h"

#include <QCoreApplication>
#include <QRect>

#include <vector>

class QPainter;

namespace tlr {

// A nearby sensor's chart drawn for paper, not grabbed from the wall: black and greys on white,
// vector lines in the PDF, every line told apart by its dash and its marks as well as its grey
// (a brief is printed and copied in grey-scale), threshold bands as grey steps named at the
// right, times in WIB. How old the data is goes in a caption under the plot; nothing is ever
// drawn over the data.
class PrintChart
{
    Q_DECLARE_TR_FUNCTIONS(tlr::PrintChart)

public:
    SeriesSpec series;
    std::vector<std::vector<TimePoint>> lines; // per line of the series, in time order
    qint64 fromMsecs = 0;
    qint64 toMsecs = 0;
    QString caption; // how old the data is; empty: said from the points themselves

    // Paints into `area` (device pixels of the painter), caption included; returns the height
    // used, at most the area's.
    int paint(QPainter &painter, const QRect &area) const;

    // The caption as printed: the given one, else when the latest reading was taken.
    QString captionText() const;
    // The line's pen and mark as printed, for tests: a pen per line differs in dash or grey.
    static QPen linePen(int line, double pixelsPerPoint);

private:
    double newestMsecs() const; // -1: no point at all
};

} // namespace tlr
