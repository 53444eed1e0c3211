#include "LoginThrottle.h"

#include <algorithm>

namespace tlr {

std::chrono::milliseconds LoginThrottle::delayAfter(int failuresInARow)
{
    if (failuresInARow <= 0)
        return {};
    const int doublings = std::min(failuresInARow - 1, 16);
    return std::min<std::chrono::milliseconds>(std::chrono::seconds(1) * (1 << doublings),
                                               kMaximumDelay);
}

void LoginThrottle::registerFailure(const QDateTime &now)
{
    ++m_failures;
    m_nextAttemptAt = now.addMSecs(delayAfter(m_failures).count());
}

void LoginThrottle::registerSuccess()
{
    m_failures = 0;
    m_nextAttemptAt = {};
}

std::chrono::milliseconds LoginThrottle::wait(const QDateTime &now) const
{
    if (!m_nextAttemptAt.isValid())
        return {};
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(m_nextAttemptAt)));
}

} // namespace tlr
