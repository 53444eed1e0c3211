#include "WallClock.h"

namespace tlr {

WallClock::WallClock(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        emit ticked(now());
        scheduleTick();
    });
    scheduleTick();
}

QDateTime WallClock::now() const
{
    return m_fixed.isValid() ? m_fixed : QDateTime::currentDateTimeUtc();
}

void WallClock::setFixedTime(const QDateTime &utc)
{
    m_fixed = utc.isValid() ? utc.toUTC() : QDateTime();
    emit ticked(now());
}

void WallClock::moveFixedTime(const QDateTime &utc)
{
    if (utc.isValid())
        m_fixed = utc.toUTC();
}

QTimeZone WallClock::wib()
{
    return QTimeZone(7 * 3600);
}

void WallClock::scheduleTick()
{
    // Land just after the next whole second so displayed seconds never skip or repeat.
    const qint64 msec = QDateTime::currentMSecsSinceEpoch();
    m_timer.start(int(1000 - msec % 1000) + 5);
}

} // namespace tlr
