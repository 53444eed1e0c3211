#pragma once

#include <QDateTime>

namespace tlr {

// A token bucket: on average `perSecond` messages a second, with bursts of up to `burst` after
// a quiet spell. Time comes from the caller (the message's arrival), so that tests need no clock
// and a clock stepping back never mints tokens. perSecond <= 0 admits everything.
class RateLimit
{
public:
    RateLimit() = default;
    RateLimit(double perSecond, double burst);

    bool admit(const QDateTime &at);
    bool isLimited() const { return m_perSecond > 0; }
    double perSecond() const { return m_perSecond; }

private:
    double m_perSecond = 0;
    double m_burst = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
    bool m_started = false;
};

} // namespace tlr
