#pragma once

#include "domain/Severity.h"

#include <QColor>
#include <QFont>

namespace tlr {

// The map's control-room look. The map core links QtGui only (the QML briefing view reuses it),
// so it cannot call Theme; the colours are Theme's (dark surfaces, Okabe–Ito accents) and sizes
// follow its rule: nothing under 24 px at 1080p.
namespace MapStyle {

inline QColor outside()
{
    return QColor(0x0b, 0x10, 0x17);
} // beyond the city
inline QColor land()
{
    return QColor(0x16, 0x1f, 0x2b);
} // a kecamatan
inline QColor border()
{
    return QColor(0x4a, 0x5c, 0x74);
} // between kecamatan
inline QColor cityBorder()
{
    return QColor(0x8a, 0x9b, 0xb3);
}
inline QColor water()
{
    return QColor(0x2c, 0x6e, 0xa3);
}
inline QColor road()
{
    return QColor(0x70, 0x7c, 0x8e);
}
inline QColor tollRoad()
{
    return QColor(0xc0, 0x92, 0x45);
}
inline QColor airport()
{
    return QColor(0x1d, 0x28, 0x36);
}
inline QColor runway()
{
    return QColor(0x6a, 0x76, 0x88);
}
inline QColor text()
{
    return QColor(0xf2, 0xf5, 0xf8);
}
inline QColor textMuted()
{
    return QColor(0xa9, 0xb4, 0xc2);
}
inline QColor halo()
{
    return QColor(0x0b, 0x10, 0x17, 230);
}
inline QColor accent()
{
    return QColor(0x56, 0xb4, 0xe9);
}
inline QColor good()
{
    return QColor(0x00, 0x9e, 0x73);
}
inline QColor warning()
{
    return QColor(0xf0, 0xe4, 0x42);
}
inline QColor bad()
{
    return QColor(0xd5, 0x5e, 0x00);
}

inline QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Extreme:
        return QColor(0xcc, 0x79, 0xa7);
    case Severity::Severe:
        return QColor(0xd5, 0x5e, 0x00);
    case Severity::Moderate:
        return QColor(0xe6, 0x9f, 0x00);
    case Severity::Minor:
        return QColor(0x56, 0xb4, 0xe9);
    case Severity::Unknown:
        break;
    }
    return QColor(0x99, 0x99, 0x99);
}

constexpr int kAreaLabelPixels = 26; // kecamatan names: read from three metres
constexpr int kLabelPixels = 24;     // everything else the map writes
constexpr int kBadgePixels = 24;

inline QFont font(int pixels, QFont::Weight weight = QFont::Normal)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setWeight(weight);
    return f;
}

} // namespace MapStyle
} // namespace tlr
