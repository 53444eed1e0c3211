#pragma once

#include "charts/SeriesSpec.h"

#include <QColor>
#include <QPen>

namespace tlr::ChartPalette {

// Lines told apart by colour-blind viewers: the Okabe–Ito colours that stand out on the wall's
// dark tiles, then the same colours dashed, so that no two of up to 16 lines look alike.
QPen linePen(int index);
// A band's tint behind the lines: its tone's Okabe–Ito colour, faint enough that lines stay the
// strongest thing in the chart. Bands are also named on the right axis: never colour alone.
QColor bandColor(BandTone tone);

} // namespace tlr::ChartPalette
