#include "BriefingTheme.h"

#include "charts/ChartPalette.h"
#include "domain/Severity.h"
#include "theme/Theme.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>

namespace tlr {

namespace {

Severity severityOf(const QString &key)
{
    return severityFromKey(key).value_or(Severity::Unknown);
}

} // namespace

BriefingTheme::BriefingTheme(QObject *parent)
    : QObject(parent)
    , m_language(QLocale().name().left(2))
{
    // The wall's language switch installs a translator, which every object hears of as a
    // LanguageChange event sent to the application.
    QCoreApplication::instance()->installEventFilter(this);
}

bool BriefingTheme::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        m_language = QLocale().name().left(2);
        emit languageChanged();
    }
    return QObject::eventFilter(watched, event);
}

QColor BriefingTheme::background() { return Theme::background(); }
QColor BriefingTheme::surface() { return Theme::surface(); }
QColor BriefingTheme::surfaceRaised() { return Theme::surfaceRaised(); }
QColor BriefingTheme::text() { return Theme::text(); }
QColor BriefingTheme::textMuted() { return Theme::textMuted(); }
QColor BriefingTheme::accent() { return Theme::accent(); }
QColor BriefingTheme::good() { return Theme::good(); }
QColor BriefingTheme::warning() { return Theme::warning(); }
QColor BriefingTheme::bad() { return Theme::bad(); }
int BriefingTheme::bodyPixels() { return Theme::kBodyPixels; }
int BriefingTheme::smallPixels() { return Theme::kSmallPixels; }
int BriefingTheme::titlePixels() { return Theme::kTitlePixels; }
int BriefingTheme::headerPixels() { return Theme::kHeaderPixels; }
int BriefingTheme::numeralPixels() { return Theme::kNumeralPixels; }
int BriefingTheme::spacing() { return Theme::kTileSpacing; }
QString BriefingTheme::fontFamily() { return Theme::font(Theme::kBodyPixels).family(); }

QColor BriefingTheme::severityColor(const QString &severityKey) const
{
    return Theme::severityColor(severityOf(severityKey));
}

QString BriefingTheme::severityGlyph(const QString &severityKey) const
{
    return Theme::severityGlyph(severityOf(severityKey));
}

QString BriefingTheme::severityLabel(const QString &severityKey, const QString &) const
{
    return Theme::severityLabel(severityOf(severityKey));
}

QColor BriefingTheme::seriesColor(int index) const
{
    return ChartPalette::linePen(index).color();
}

} // namespace tlr
