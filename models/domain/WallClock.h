#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimeZone>
#include <QTimer>

namespace tlr {

// The wall's sense of time: what "now" is and a tick on every second boundary, so that every
// clock, data age and SLA timer on the wall changes together. Tests and replay set the time.
class WallClock : public QObject
{
    Q_OBJECT
public:
    explicit WallClock(QObject *parent = nullptr);

    QDateTime now() const; // UTC
    // Fixes the time (tests, replay); an invalid value returns to the system clock.
    void setFixedTime(const QDateTime &utc);
    // Moves a fixed time on without a tick: replay ticks on whole seconds, as the live clock.
    void moveFixedTime(const QDateTime &utc);

    // Western Indonesia Time, UTC+7 all year (Indonesia keeps no daylight saving time).
    static QTimeZone wib();

signals:
    void ticked(const QDateTime &utc);

private:
    void scheduleTick();

    QTimer m_timer{this}; // a child: it moves with the clock (replay makes clocks on a worker)
    QDateTime m_fixed;
};

} // namespace tlr
