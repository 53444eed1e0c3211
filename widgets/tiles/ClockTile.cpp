#include "ClockTile.h"

#include "FittedLabel.h"
#include "domain/WallClock.h"
#include "theme/Theme.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace tlr {

ClockTile::ClockTile(const TileSpec &spec, const WallClock *clock, QWidget *parent)
    : Tile(spec, parent)
    , m_clock(clock)
{
    m_time = new FittedLabel(Theme::kNumeralPixels + 48, QFont::Bold, this);
    m_time->setSizingText(QStringLiteral("00:00:00 WIB"));
    m_date = new QLabel(this);
    m_date->setFont(Theme::font(Theme::kTitlePixels));
    m_date->setAlignment(Qt::AlignCenter);
    m_date->setWordWrap(true);
    m_utc = new QLabel(this);
    m_utc->setFont(Theme::font(Theme::kSmallPixels));
    m_utc->setAlignment(Qt::AlignCenter);
    QPalette muted = m_utc->palette();
    muted.setColor(QPalette::WindowText, Theme::textMuted());
    m_utc->setPalette(muted);

    contentLayout()->addWidget(m_time, 3);
    contentLayout()->addWidget(m_date);
    contentLayout()->addWidget(m_utc);
    contentLayout()->addStretch(1);

    connect(clock, &WallClock::ticked, this, &ClockTile::showTime);
    retranslate();
}

void ClockTile::retranslate()
{
    setDefaultTitle(tr("Time"));
    showTime(m_clock->now());
}

void ClockTile::showTime(const QDateTime &utc)
{
    const QDateTime wib = utc.toTimeZone(WallClock::wib());
    m_time->setText(QLocale().toString(wib.time(), QStringLiteral("HH:mm:ss")) + QStringLiteral(" WIB"));
    m_date->setText(QLocale().toString(wib.date(), QStringLiteral("dddd, d MMMM yyyy")));
    m_utc->setText(QStringLiteral("UTC %1").arg(utc.toString(QStringLiteral("HH:mm"))));
}

} // namespace tlr
