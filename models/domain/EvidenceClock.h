#pragma once

#include <QDateTime>

#include <algorithm>

namespace tlr {

// How far the evidence has come: the newest time any piece of it carried (a report's receipt,
// a reading's observation), running on with the wall's clock until the next piece comes, and
// never past the wall's time. What is kept "for the last N hours" is kept by this clock: in a
// replay, a feed catching up after an outage or a time-compressed run the evidence runs hours
// behind the wall, and by the wall's clock the window would empty at once or never fill, then
// grow for as long as the run lasts. When the feeds fall silent it runs on as the wall's does,
// so a silent day still empties the window. In live operation it is the wall's time to a second.
class EvidenceClock
{
public:
    // A time the clock has passed moves nothing. A time ahead of the wall's is left out: one
    // sensor whose clock runs fast would otherwise carry a replay's evidence to the wall's time.
    void note(const QDateTime &time, const QDateTime &wallNow)
    {
        if (!time.isValid() || time > wallNow)
            return;
        if (m_evidence.isValid() && time <= now(wallNow))
            return;
        m_evidence = time;
        m_notedAt = wallNow;
    }
    QDateTime now(const QDateTime &wallNow) const
    {
        if (!m_evidence.isValid())
            return wallNow;
        const QDateTime runOn = m_evidence.addMSecs(std::max<qint64>(0, m_notedAt.msecsTo(wallNow)));
        return std::min(runOn, wallNow);
    }

private:
    QDateTime m_evidence; // the newest time noted
    QDateTime m_notedAt;  // the wall's time when it was noted
};

} // namespace tlr
