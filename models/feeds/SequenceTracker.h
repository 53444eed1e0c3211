#pragma once

#include <QtGlobal>

#include <set>

namespace tlr {

// Follows one feed's sequence numbers: which arrived, which are missing, which came twice.
// Gaps opened by a lost or reordered message close when the message arrives later (a resume
// replays what was missed); the tracker remembers only a bounded window below the highest
// number, so a feed running for months costs constant memory.
class SequenceTracker
{
public:
    enum class Verdict { New, FillsGap, Duplicate, TooOld };

    explicit SequenceTracker(qint64 window = 100000) : m_window(window) {}

    Verdict accept(qint64 seq);

    // The number to resume from (?since=): everything above it is wanted again.
    qint64 resumeFrom() const { return m_highest; }
    qint64 highest() const { return m_highest; }
    qint64 gapsOpened() const { return m_gapsOpened; }
    qint64 gapsFilled() const { return m_gapsFilled; }
    qint64 missingNow() const { return qint64(m_missing.size()) + m_missingForgotten; }
    qint64 duplicates() const { return m_duplicates; }

private:
    qint64 m_window;
    qint64 m_highest = 0; // sequence numbers start at 1
    std::set<qint64> m_missing;
    qint64 m_missingForgotten = 0; // fell out of the window while still missing
    qint64 m_gapsOpened = 0;
    qint64 m_gapsFilled = 0;
    qint64 m_duplicates = 0;
};

} // namespace tlr
