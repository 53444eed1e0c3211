#pragma once

#include <QDateTime>

#include <chrono>

namespace tlr {

// Slows guessing down at one console: after the n-th failed login in a row the next attempt is
// accepted only 2^(n-1) seconds later, at most 30 s. Never a lock-out: a control room cannot
// have its duty supervisor locked out by someone mistyping on purpose during a flood.
class LoginThrottle
{
public:
    static constexpr std::chrono::seconds kMaximumDelay{30};

    static std::chrono::milliseconds delayAfter(int failuresInARow);

    void registerFailure(const QDateTime &now);
    void registerSuccess();

    int failuresInARow() const { return m_failures; }
    // How long the next attempt must still wait; zero when it may go ahead.
    std::chrono::milliseconds wait(const QDateTime &now) const;

private:
    int m_failures = 0;
    QDateTime m_nextAttemptAt;
};

} // namespace tlr
