#include "feeds/ReconnectBackoff.h"
#include "feeds/SequenceTracker.h"

#include <catch2/catch.hpp>

#include <QList>

using namespace tlr;
using Verdict = SequenceTracker::Verdict;

TEST_CASE("Sequence numbers in order open no gap")
{
    SequenceTracker tracker;
    for (qint64 s = 1; s <= 100; ++s)
        CHECK(tracker.accept(s) == Verdict::New);
    CHECK(tracker.gapsOpened() == 0);
    CHECK(tracker.resumeFrom() == 100);
}

TEST_CASE("A lost message is a gap until a resume replays it")
{
    SequenceTracker tracker;
    tracker.accept(1);
    tracker.accept(2);
    CHECK(tracker.accept(6) == Verdict::New); // 3, 4, 5 missing
    CHECK(tracker.gapsOpened() == 3);
    CHECK(tracker.missingNow() == 3);
    CHECK(tracker.accept(4) == Verdict::FillsGap);
    CHECK(tracker.missingNow() == 2);
    CHECK(tracker.gapsFilled() == 1);
    CHECK(tracker.accept(4) == Verdict::Duplicate);
    CHECK(tracker.duplicates() == 1);
}

TEST_CASE("Two swapped messages open a gap and fill it")
{
    SequenceTracker tracker;
    tracker.accept(1);
    CHECK(tracker.accept(3) == Verdict::New);
    CHECK(tracker.accept(2) == Verdict::FillsGap);
    CHECK(tracker.missingNow() == 0);
    CHECK(tracker.gapsOpened() == tracker.gapsFilled());
}

TEST_CASE("A replay after reconnect repeats nothing new: all duplicates")
{
    SequenceTracker tracker;
    for (qint64 s = 1; s <= 10; ++s)
        tracker.accept(s);
    for (qint64 s = 5; s <= 10; ++s)
        CHECK(tracker.accept(s) == Verdict::Duplicate);
    CHECK(tracker.duplicates() == 6);
}

TEST_CASE("A huge jump costs bounded memory and still counts the gap")
{
    SequenceTracker tracker(1000);
    tracker.accept(1);
    CHECK(tracker.accept(1'000'000'000'000) == Verdict::New);
    CHECK(tracker.gapsOpened() == 1'000'000'000'000 - 2);
    CHECK(tracker.missingNow() == 1'000'000'000'000 - 2);
    CHECK(tracker.accept(5) == Verdict::TooOld);
}

TEST_CASE("Reconnect delays grow, stay under the cap and are jittered")
{
    ReconnectBackoff::Settings settings;
    settings.initialMilliseconds = 100;
    settings.maximumMilliseconds = 2000;
    settings.jitter = 0.25;
    ReconnectBackoff backoff(settings, 42);
    QList<int> delays;
    for (int i = 0; i < 10; ++i)
        delays.append(backoff.nextDelayMilliseconds());
    CHECK(delays.at(0) >= 75);
    CHECK(delays.at(0) <= 125);
    CHECK(delays.at(3) >= 600); // 800 ± 25 %
    CHECK(delays.at(3) <= 1000);
    for (int d : delays)
        CHECK(d <= 2000);
    backoff.reset();
    CHECK(backoff.nextDelayMilliseconds() <= 125);

    // Two consoles with different seeds do not retry in lockstep.
    ReconnectBackoff other(settings, 7);
    QList<int> otherDelays;
    for (int i = 0; i < 10; ++i)
        otherDelays.append(other.nextDelayMilliseconds());
    CHECK(otherDelays != delays);
}
