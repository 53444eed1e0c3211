#include "EscalationBanner.h"

#include "alerts/AlertEngine.h"
#include "domain/WallClock.h"
#include "itemmodels/AlertTableModel.h"
#include "theme/Theme.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>

namespace tlr {

EscalationBanner::EscalationBanner(const AlertEngine *engine, const WallClock *clock, QWidget *parent)
    : QFrame(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("escalationBanner"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    constexpr int kMargin = 6;
    layout->setContentsMargins(16, kMargin, 16, kMargin);
    m_label = new QLabel(this);
    m_label->setFont(Theme::font(Theme::kHeaderPixels, QFont::Bold));
    // A long title (a CAP warning naming a dozen kecamatan) is cut at the monitor's edge; it
    // must not widen the page beyond its monitor. The height is the escalation's line whatever
    // the strip says, so that a change of state repaints the strip and nothing else.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_label, 1);
    setFixedHeight(QFontMetrics(m_label->font()).height() + 2 * kMargin);
    showEscalated(false);

    // An escalation is remembered by id; whether it still waits is asked of the engine, so
    // the banner never disagrees with the alert panel.
    for (const AlertRecord &alert : engine->alerts()) {
        if (alert.escalationLevel > 0)
            m_escalated.append(alert.id);
    }
    connect(engine, &AlertEngine::alertEscalated, this, [this](const AlertRecord &alert) {
        if (!m_escalated.contains(alert.id))
            m_escalated.append(alert.id);
        refresh();
    });
    connect(engine, &AlertEngine::alertsUpdated, this, &EscalationBanner::refresh);
    connect(clock, &WallClock::ticked, this, &EscalationBanner::refresh);
    refresh();
}

QString EscalationBanner::text() const
{
    return isEscalated() ? m_label->text() : QString();
}

void EscalationBanner::showEscalated(bool escalated)
{
    if (m_escalatedShown == escalated)
        return;
    m_escalatedShown = escalated;
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, escalated ? Theme::severityColor(Severity::Extreme) : Theme::background());
    palette.setColor(QPalette::WindowText, escalated ? Theme::text() : Theme::textMuted());
    setPalette(palette);
    m_label->setFont(Theme::font(escalated ? Theme::kHeaderPixels : Theme::kBodyPixels,
                                 escalated ? QFont::Bold : QFont::Normal));
}

void EscalationBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

void EscalationBanner::refresh()
{
    const AlertRecord *worst = nullptr;
    int waiting = 0;
    for (auto it = m_escalated.begin(); it != m_escalated.end();) {
        const AlertRecord *alert = m_engine->alert(*it);
        const bool stillWaiting = alert && alert->escalationLevel > 0
                                  && (alert->state == AlertState::Unacknowledged
                                      || alert->state == AlertState::ReturnedUnacknowledged);
        if (!stillWaiting) {
            it = m_escalated.erase(it);
            continue;
        }
        ++waiting;
        if (!worst || alert->severity > worst->severity
            || (alert->severity == worst->severity
                && alert->unacknowledgedSince < worst->unacknowledgedSince)) {
            worst = alert;
        }
        ++it;
    }
    if (!worst) {
        showEscalated(false);
        m_label->setText(tr("No escalated alert"));
        return;
    }
    const qint64 seconds = worst->unacknowledgedSince.secsTo(m_clock->now());
    QString text = tr("%1 ESCALATED · %2 %3 · %4 · unacknowledged for %5")
                       .arg(QStringLiteral("⚠"), Theme::severityGlyph(worst->severity),
                            Theme::severityLabel(worst->severity),
                            worst->kecamatan.isEmpty() ? worst->title
                                                       : worst->title + QStringLiteral(" — ") + worst->kecamatan,
                            AlertTableModel::formatAge(seconds));
    if (waiting > 1)
        text += u' ' + tr("(+%n more)", nullptr, waiting - 1);
    showEscalated(true);
    m_label->setText(text);
}

} // namespace tlr
