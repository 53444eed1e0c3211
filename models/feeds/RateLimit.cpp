#include "RateLimit.h"

#include <algorithm>

namespace tlr {

RateLimit::RateLimit(double perSecond, double burst)
    : m_perSecond(perSecond)
    , m_burst(std::max(burst, 1.0))
    , m_tokens(m_burst)
{
}

bool RateLimit::admit(const QDateTime &at)
{
    if (m_perSecond <= 0)
        return true;
    const qint64 nowMs = at.toMSecsSinceEpoch();
    if (m_started && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + (nowMs - m_lastMs) * m_perSecond / 1000.0);
    if (!m_started || nowMs > m_lastMs)
        m_lastMs = nowMs;
    m_started = true;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

} // namespace tlr
