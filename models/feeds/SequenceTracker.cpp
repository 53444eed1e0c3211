#include "SequenceTracker.h"

namespace tlr {

SequenceTracker::Verdict SequenceTracker::accept(qint64 seq)
{
    if (seq > m_highest) {
        // Record every skipped number, but never more than the window: a sender that jumps
        // from 5 to 10^12 must not make us allocate a trillion entries.
        const qint64 skipped = seq - m_highest - 1;
        const qint64 firstRecorded = std::max(m_highest + 1, seq - m_window);
        m_missingForgotten += firstRecorded - (m_highest + 1);
        for (qint64 s = firstRecorded; s < seq; ++s)
            m_missing.insert(s);
        m_gapsOpened += skipped;
        m_highest = seq;
        while (!m_missing.empty() && *m_missing.begin() <= m_highest - m_window) {
            m_missing.erase(m_missing.begin());
            ++m_missingForgotten;
        }
        return Verdict::New;
    }
    if (m_missing.erase(seq) > 0) {
        ++m_gapsFilled;
        return Verdict::FillsGap;
    }
    if (seq <= m_highest - m_window)
        return Verdict::TooOld;
    ++m_duplicates;
    return Verdict::Duplicate;
}

} // namespace tlr
