#pragma once

#include <QRandomGenerator>

namespace tlr {

// How long to wait before the next connection attempt: exponential, capped, with jitter so that
// forty consoles losing the same server do not all knock again in the same millisecond.
class ReconnectBackoff
{
public:
    struct Settings
    {
        int initialMilliseconds = 500;
        int maximumMilliseconds = 30000;
        double factor = 2.0;
        double jitter = 0.25; // ± this fraction of the delay
    };

    ReconnectBackoff() : ReconnectBackoff(Settings(), QRandomGenerator::global()->generate()) {}
    ReconnectBackoff(Settings settings, quint32 seed)
        : m_settings(settings)
        , m_random(seed)
    {
    }

    int nextDelayMilliseconds();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    Settings m_settings;
    QRandomGenerator m_random;
    int m_attempt = 0;
};

} // namespace tlr
