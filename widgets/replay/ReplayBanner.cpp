#include "ReplayBanner.h"

#include "domain/WallClock.h"
#include "theme/Theme.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSlider>

namespace tlr {

namespace {

constexpr int kSliderStepSeconds = 60;

QLabel *makeLabel(QWidget *parent, int pixels, QFont::Weight weight)
{
    auto *label = new QLabel(parent);
    label->setFont(Theme::font(pixels, weight));
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, Qt::white);
    label->setPalette(p);
    return label;
}

QPushButton *makeButton(QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setFont(Theme::font(Theme::kBodyPixels, QFont::Bold));
    button->setFocusPolicy(Qt::NoFocus); // the keys stay with the wall (Esc, the panel's)
    button->setMinimumHeight(48);
    return button;
}

} // namespace

QColor ReplayBanner::colour()
{
    // Magenta: no severity, state or accent of the live wall uses it (Theme.h).
    return QColor(0xA0, 0x1A, 0x9C);
}

const QList<int> &ReplayBanner::speeds()
{
    static const QList<int> kSpeeds{1, 10, 60, 600};
    return kSpeeds;
}

ReplayBanner::ReplayBanner(ReplaySession *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("replayBanner"));
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, colour());
    palette.setColor(QPalette::WindowText, Qt::white);
    setPalette(palette);

    m_title = makeLabel(this, Theme::kNumeralPixels - 8, QFont::Black);
    m_time = makeLabel(this, Theme::kNumeralPixels - 8, QFont::Bold);
    m_status = makeLabel(this, Theme::kBodyPixels, QFont::Bold);
    // Beside the slider: the first row's large title and time fill a monitor's width. An error
    // may be long: it wraps rather than pushing the controls off the screen.
    m_status->setWordWrap(true);
    m_status->setMaximumWidth(560);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_slider->setMinimumWidth(320);
    m_slider->setMinimumHeight(48);
    m_playPause = makeButton(this);
    m_speeds = new QButtonGroup(this);
    m_speeds->setExclusive(true);
    m_live = makeButton(this);

    // Two rows: what is shown (large, for the room), then the controls (for the desk).
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 6, 24, 16); // the bottom margin leaves the stripes clear
    layout->setSpacing(4);
    auto *shown = new QHBoxLayout;
    shown->setSpacing(32);
    shown->addWidget(m_title);
    shown->addWidget(m_time);
    shown->addStretch(1);
    layout->addLayout(shown);
    auto *controls = new QHBoxLayout;
    controls->setSpacing(12);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_status);
    controls->addWidget(m_playPause);
    for (int speed : speeds()) {
        QPushButton *button = makeButton(this);
        button->setCheckable(true);
        button->setText(QStringLiteral("%1×").arg(speed));
        button->setChecked(speed == session->speed());
        m_speeds->addButton(button, speed);
        controls->addWidget(button);
    }
    controls->addWidget(m_live);
    layout->addLayout(controls);

    connect(m_speeds, &QButtonGroup::idClicked, session, &ReplaySession::setSpeed);
    connect(session, &ReplaySession::speedChanged, this, [this](int speed) {
        if (QAbstractButton *button = m_speeds->button(speed))
            button->setChecked(true);
        showState();
    });
    connect(m_playPause, &QPushButton::clicked, session, [session] {
        if (session->state() == ReplaySession::State::Playing)
            session->pause();
        else
            session->play();
    });
    connect(m_live, &QPushButton::clicked, this, &ReplayBanner::liveRequested);
    connect(m_slider, &QSlider::sliderReleased, session, [this] {
        m_session->seek(QDateTime::fromMSecsSinceEpoch(
            sliderOrigin() + qint64(m_slider->value()) * kSliderStepSeconds * 1000, Qt::UTC));
    });
    connect(session, &ReplaySession::timeChanged, this, &ReplayBanner::showTime);
    connect(session, &ReplaySession::stateChanged, this, &ReplayBanner::showState);
    connect(session, &ReplaySession::rebuildProgressed, this, &ReplayBanner::showState);
    connect(session, &ReplaySession::storedSpanChanged, this, &ReplayBanner::updateRange);
    updateRange();
    showTime();
    showState();
}

qint64 ReplayBanner::sliderOrigin() const
{
    // At least the last day, more when the store holds more: an operator may go back to any
    // stored moment.
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addSecs(-ReplaySession::kWarmUpHours * 3600);
    const TimeSpan span = m_session->storedSpan();
    const QDateTime first = span.isValid() && span.first < dayAgo ? span.first : dayAgo;
    return first.toMSecsSinceEpoch();
}

void ReplayBanner::updateRange()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_slider->setRange(0, int((now - sliderOrigin()) / 1000 / kSliderStepSeconds));
    showTime();
}

void ReplayBanner::showTime()
{
    const QDateTime time = m_session->time();
    if (!time.isValid()) {
        m_time->setText(QStringLiteral("—"));
        return;
    }
    const QDateTime wib = time.toTimeZone(WallClock::wib());
    const QLocale locale;
    m_time->setText(locale.toString(wib, QStringLiteral("ddd d MMM yyyy  HH:mm:ss")) +
                    QStringLiteral(" WIB"));
    if (!m_slider->isSliderDown()) {
        const qint64 offset = time.toMSecsSinceEpoch() - sliderOrigin();
        if (offset / 1000 / kSliderStepSeconds > m_slider->maximum())
            updateRange();
        m_slider->setValue(int(offset / 1000 / kSliderStepSeconds));
    }
}

void ReplayBanner::showState()
{
    m_title->setText(tr("◀◀ REPLAY"));
    m_live->setText(tr("Back to live (Esc)"));
    const ReplaySession::State state = m_session->state();
    m_playPause->setText(state == ReplaySession::State::Playing ? tr("❚❚ Pause") : tr("▶ Play"));
    m_playPause->setEnabled(state == ReplaySession::State::Playing
                            || state == ReplaySession::State::Paused);
    switch (state) {
    case ReplaySession::State::Loading:
        m_status->setText(tr("rebuilding… %1 % · Esc: back to live")
                              .arg(m_session->rebuildPercent()));
        break;
    case ReplaySession::State::Paused:
        m_status->setText(tr("paused · not live"));
        break;
    case ReplaySession::State::Playing:
        m_status->setText(tr("%1× · not live").arg(m_session->speed()));
        break;
    case ReplaySession::State::Failed:
        m_status->setText(tr("cannot replay: %1").arg(m_session->errorMessage()));
        break;
    }
}

QString ReplayBanner::timeText() const
{
    return m_time->text();
}

QString ReplayBanner::statusText() const
{
    return m_status->text();
}

void ReplayBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        showTime();
        showState();
    }
    QFrame::changeEvent(event);
}

void ReplayBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    // Diagonal stripes along the bottom edge: the banner reads as "not the normal wall" even
    // to someone who cannot tell its colour from the severity colours.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int band = 10;
    const QRect strip(0, height() - band, width(), band);
    painter.fillRect(strip, Qt::black);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    for (int x = -band; x < width(); x += 2 * band) {
        const QPolygon stripe({QPoint(x, strip.bottom() + 1), QPoint(x + band, strip.top()),
                               QPoint(x + 2 * band, strip.top()), QPoint(x + band, strip.bottom() + 1)});
        painter.drawPolygon(stripe);
    }
}

} // namespace tlr
