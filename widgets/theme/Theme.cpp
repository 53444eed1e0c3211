#include "Theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>

namespace tlr::Theme {

// Contrast against background() is at least 7:1 for text() and 4.5:1 for textMuted() (WCAG AAA
// and AA): a wall is read at an angle, through glare, by tired eyes.
QColor background() { return QColor(0x0b, 0x10, 0x17); }
QColor surface() { return QColor(0x15, 0x1c, 0x26); }
QColor surfaceRaised() { return QColor(0x1f, 0x29, 0x37); }
QColor text() { return QColor(0xf2, 0xf5, 0xf8); }
QColor textMuted() { return QColor(0xa9, 0xb4, 0xc2); }
QColor accent() { return QColor(0x56, 0xb4, 0xe9); } // Okabe–Ito sky blue
QColor good() { return QColor(0x00, 0x9e, 0x73); }   // Okabe–Ito bluish green
QColor warning() { return QColor(0xf0, 0xe4, 0x42); } // Okabe–Ito yellow
QColor bad() { return QColor(0xd5, 0x5e, 0x00); }     // Okabe–Ito vermillion

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Extreme: return QColor(0xcc, 0x79, 0xa7); // reddish purple: apart from orange
    case Severity::Severe: return QColor(0xd5, 0x5e, 0x00);  // vermillion
    case Severity::Moderate: return QColor(0xe6, 0x9f, 0x00); // orange
    case Severity::Minor: return QColor(0x56, 0xb4, 0xe9);   // sky blue
    case Severity::Unknown: break;
    }
    return QColor(0x99, 0x99, 0x99);
}

QString severityGlyph(Severity severity)
{
    switch (severity) {
    case Severity::Extreme: return QStringLiteral("✖");
    case Severity::Severe: return QStringLiteral("▲");
    case Severity::Moderate: return QStringLiteral("◆");
    case Severity::Minor: return QStringLiteral("●");
    case Severity::Unknown: break;
    }
    return QStringLiteral("?");
}

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Extreme: return QCoreApplication::translate("Theme", "Extreme");
    case Severity::Severe: return QCoreApplication::translate("Theme", "Severe");
    case Severity::Moderate: return QCoreApplication::translate("Theme", "Moderate");
    case Severity::Minor: return QCoreApplication::translate("Theme", "Minor");
    case Severity::Unknown: break;
    }
    return QCoreApplication::translate("Theme", "Unknown");
}

QFont font(int pixelSize, QFont::Weight weight)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    return f;
}

void apply(QApplication &app)
{
    app.setStyle(QStringLiteral("Fusion"));
    QPalette palette;
    palette.setColor(QPalette::Window, background());
    palette.setColor(QPalette::WindowText, text());
    palette.setColor(QPalette::Base, surface());
    palette.setColor(QPalette::AlternateBase, surfaceRaised());
    palette.setColor(QPalette::Text, text());
    palette.setColor(QPalette::PlaceholderText, textMuted());
    palette.setColor(QPalette::Button, surfaceRaised());
    palette.setColor(QPalette::ButtonText, text());
    palette.setColor(QPalette::Highlight, accent());
    palette.setColor(QPalette::HighlightedText, background());
    palette.setColor(QPalette::ToolTipBase, surfaceRaised());
    palette.setColor(QPalette::ToolTipText, text());
    app.setPalette(palette);
    app.setFont(font(kBodyPixels));
}

} // namespace tlr::Theme
