#include "HeaderBar.h"

#include "domain/WallClock.h"
#include "i18n/LanguageSwitcher.h"
#include "theme/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace tlr {

namespace {

QLabel *makeLabel(QWidget *parent, int pixels, QFont::Weight weight, const QColor &color)
{
    auto *label = new QLabel(parent);
    label->setFont(Theme::font(pixels, weight));
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
    return label;
}

} // namespace

HeaderBar::HeaderBar(const QHash<QString, QString> &screenNames, const QString &screenName,
                     int screenIndex, int screenCount, const WallClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_screenNames(screenNames)
    , m_defaultScreenName(screenName)
    , m_screenIndex(screenIndex)
    , m_screenCount(screenCount)
{
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::surfaceRaised());
    setPalette(p);
    setFixedHeight(64);

    m_product = makeLabel(this, Theme::kHeaderPixels, QFont::Bold, Theme::accent());
    m_product->setText(QStringLiteral("TANGERANG LIVE ROOM"));
    m_screenName = makeLabel(this, Theme::kHeaderPixels, QFont::Normal, Theme::text());
    m_banner = makeLabel(this, Theme::kHeaderPixels, QFont::Black, Theme::background());
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, Theme::warning());
    m_banner->setPalette(bannerPalette);
    m_banner->setContentsMargins(16, 0, 16, 0);
    m_banner->hide();
    m_session = makeLabel(this, Theme::kBodyPixels, QFont::Normal, Theme::textMuted());
    // Gives way after the date (fitToWidth): the window never outgrows its monitor for it, and
    // the dot and the name come first.
    m_session->setMinimumWidth(Theme::kBodyPixels);
    m_date = makeLabel(this, Theme::kBodyPixels, QFont::Normal, Theme::textMuted());
    m_time = makeLabel(this, Theme::kHeaderPixels + 6, QFont::Bold, Theme::text());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(20, 4, 20, 4);
    layout->setSpacing(24);
    layout->addWidget(m_product);
    layout->addWidget(m_screenName, 1);
    layout->addWidget(m_banner);
    layout->addWidget(m_session);
    layout->addWidget(m_date);
    layout->addWidget(m_time);

    connect(clock, &WallClock::ticked, this, &HeaderBar::showTime);
    retranslate();
}

void HeaderBar::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    fitToWidth();
}

void HeaderBar::setSession(const std::optional<Actor> &actor)
{
    m_actor = actor;
    retranslate();
}

void HeaderBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HeaderBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToWidth();
}

void HeaderBar::fitToWidth()
{
    // Today's date is the first to give way on a crowded header (a long screen name, the replay
    // banner): who answers at this console matters more, and the date is the same on every screen.
    const auto *box = static_cast<QHBoxLayout *>(layout());
    const QMargins margins = box->contentsMargins();
    int needed = margins.left() + margins.right();
    int shown = 0;
    for (const QLabel *label : {m_product, m_screenName, m_banner, m_session, m_date, m_time}) {
        if (label->isHidden() && label != m_date)
            continue;
        needed += label->sizeHint().width();
        ++shown;
    }
    needed += box->spacing() * (shown - 1);
    m_date->setVisible(needed <= width());
}

void HeaderBar::retranslate()
{
    m_screenName->setText(m_screenNames.value(LanguageSwitcher::currentLanguage(), m_defaultScreenName));
    m_screenName->setToolTip(tr("Screen %1 of %2").arg(m_screenIndex + 1).arg(m_screenCount));
    // A word and a shape, not only a colour: who answers for what is done at this console.
    if (m_actor) {
        m_session->setText(QStringLiteral("\u25CF %1 · %2").arg(m_actor->name, roleName(m_actor->role)));
        m_session->setToolTip(tr("Logged in; Shift+F8 logs out"));
    } else {
        m_session->setText(QStringLiteral("\u25CB ") + tr("read-only (F8: log in)"));
        m_session->setToolTip(tr("Nobody is logged in at this console"));
    }
    showTime(m_clock->now());
    fitToWidth();
}

QString HeaderBar::roleName(Role role)
{
    switch (role) {
    case Role::Operator: return tr("operator");
    case Role::Supervisor: return tr("supervisor");
    case Role::Executive: return tr("executive");
    case Role::Admin: return tr("admin");
    }
    return {};
}

void HeaderBar::showTime(const QDateTime &utc)
{
    const QDateTime wib = utc.toTimeZone(WallClock::wib());
    m_date->setText(QLocale().toString(wib.date(), QStringLiteral("dddd, d MMMM yyyy")));
    m_time->setText(wib.toString(QStringLiteral("HH:mm:ss")) + QStringLiteral(" WIB"));
}

} // namespace tlr
