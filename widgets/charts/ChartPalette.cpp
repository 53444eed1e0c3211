#include "ChartPalette.h"

#include <iterator>

namespace tlr::ChartPalette {

QPen linePen(int index)
{
    // Okabe–Ito without black (invisible here) and with blue last (the lowest contrast).
    static const QColor colors[] = {
        QColor(0x56, 0xb4, 0xe9), // sky blue
        QColor(0xe6, 0x9f, 0x00), // orange
        QColor(0x00, 0x9e, 0x73), // bluish green
        QColor(0xcc, 0x79, 0xa7), // reddish purple
        QColor(0xf0, 0xe4, 0x42), // yellow
        QColor(0xd5, 0x5e, 0x00), // vermillion
        QColor(0xe8, 0xe8, 0xe8), // light grey (stands in for black)
        QColor(0x33, 0x9c, 0xe0), // blue, lightened to be seen on dark grey
    };
    constexpr int count = int(std::size(colors));
    QPen pen(colors[index % count]);
    pen.setWidthF(3.0);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    if ((index / count) % 2 == 1)
        pen.setStyle(Qt::DashLine);
    return pen;
}

QColor bandColor(BandTone tone)
{
    QColor color;
    switch (tone) {
    case BandTone::Good: color = QColor(0x00, 0x9e, 0x73); break;
    case BandTone::Fair: color = QColor(0xf0, 0xe4, 0x42); break;
    case BandTone::Poor: color = QColor(0xe6, 0x9f, 0x00); break;
    case BandTone::Bad: color = QColor(0xd5, 0x5e, 0x00); break;
    case BandTone::Severe: color = QColor(0xcc, 0x79, 0xa7); break;
    case BandTone::Unknown: color = QColor(0x99, 0x99, 0x99); break;
    }
    color.setAlpha(40);
    return color;
}

} // namespace tlr::ChartPalette
