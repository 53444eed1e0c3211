#pragma once

#include "domain/Severity.h"

#include <QColor>
#include <QFont>
#include <QString>

class QApplication;

namespace tlr {

// The control-room look, in one place: a dark palette and type sizes chosen to be read from
// three metres on a 1080p monitor, and a severity palette that stays distinct for colour-blind
// viewers (Okabe–Ito) and never relies on colour alone: every severity also has a shape and a
// word.
namespace Theme {

constexpr int kBodyPixels = 26;     // ≥ 24 px at 1080p: legible at 3 m
constexpr int kSmallPixels = 24;    // the smallest text the wall ever draws
constexpr int kTitlePixels = 30;
constexpr int kHeaderPixels = 34;
constexpr int kNumeralPixels = 72;  // KPI figures and the clock
constexpr int kTileSpacing = 12;

QColor background();      // the wall behind the tiles
QColor surface();         // a tile
QColor surfaceRaised();   // a header, a chip
QColor text();
QColor textMuted();
QColor accent();
QColor good();
QColor warning();
QColor bad();

QColor severityColor(Severity severity);
QString severityGlyph(Severity severity); // a shape: ● ▲ ◆ ■ ✖…
QString severityLabel(Severity severity); // translated word

QFont font(int pixelSize, QFont::Weight weight = QFont::Normal);

// Applies the palette, font and style sheet to the whole application.
void apply(QApplication &app);

} // namespace Theme
} // namespace tlr
