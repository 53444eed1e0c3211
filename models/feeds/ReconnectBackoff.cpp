#include "ReconnectBackoff.h"

#include <algorithm>
#include <cmath>

namespace tlr {

int ReconnectBackoff::nextDelayMilliseconds()
{
    const double base = std::min<double>(m_settings.maximumMilliseconds,
                                         m_settings.initialMilliseconds * std::pow(m_settings.factor, m_attempt));
    ++m_attempt;
    const double spread = (m_random.generateDouble() * 2.0 - 1.0) * m_settings.jitter * base;
    return int(std::clamp(base + spread, 1.0, double(m_settings.maximumMilliseconds)));
}

} // namespace tlr
