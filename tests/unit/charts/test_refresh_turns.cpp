#include "tiles/RefreshTurns.h"

#include <QCoreApplication>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>

using namespace tlr;

TEST_CASE("Tiles redraw in turns of their own, in the order they asked, each once")
{
    RefreshTurns &turns = RefreshTurns::instance();
    QObject first;
    QObject second;
    auto gone = std::make_unique<QObject>();
    QObject third;
    QStringList redrawn;
    bool postedByFirstRan = false;
    bool postedRanBeforeSecond = false;

    turns.request(&first, [&] {
        redrawn.append(QStringLiteral("first"));
        // What a redraw posts (a chart's scene update) runs before the next tile's turn.
        QMetaObject::invokeMethod(&first, [&] { postedByFirstRan = true; }, Qt::QueuedConnection);
    });
    turns.request(&second, [&] {
        redrawn.append(QStringLiteral("second"));
        postedRanBeforeSecond = postedByFirstRan;
    });
    turns.request(gone.get(), [&] { redrawn.append(QStringLiteral("gone")); });
    turns.request(&first, [&] { redrawn.append(QStringLiteral("first again")); });
    turns.request(&third, [&] { redrawn.append(QStringLiteral("third")); });
    gone.reset();
    CHECK(turns.waiting() == 4); // the first kept its place
    CHECK(redrawn.isEmpty());    // nothing is drawn in the turn that asked

    QTRY_COMPARE(turns.waiting(), 0);
    QTest::qWait(10);
    CHECK(redrawn == QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")});
    CHECK(postedRanBeforeSecond);
}

TEST_CASE("A tile waiting to redraw still gets a turn for another purpose")
{
    RefreshTurns &turns = RefreshTurns::instance();
    QObject tile;
    QStringList done;
    turns.request(&tile, [&] { done.append(QStringLiteral("redraw")); });
    turns.request(&tile, [&] { done.append(QStringLiteral("reveal")); }, "reveal");
    turns.request(&tile, [&] { done.append(QStringLiteral("reveal again")); }, "reveal");
    CHECK(turns.waiting() == 2);
    QTRY_COMPARE(turns.waiting(), 0);
    CHECK(done == QStringList{QStringLiteral("redraw"), QStringLiteral("reveal")});
}

TEST_CASE("One loop pass redraws at most one tile")
{
    RefreshTurns &turns = RefreshTurns::instance();
    QObject a;
    QObject b;
    int redraws = 0;
    turns.request(&a, [&] { ++redraws; });
    turns.request(&b, [&] { ++redraws; });
    for (int pass = 0; pass < 100 && redraws == 0; ++pass)
        QCoreApplication::processEvents();
    CHECK(redraws == 1);
    QTRY_COMPARE(redraws, 2);
}
