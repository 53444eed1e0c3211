#include "parsing/InternedStrings.h"

#include <catch2/catch.hpp>

#include <string>

using namespace tlr;

TEST_CASE("Recurring texts share one string and the pool stays within its capacity")
{
    InternedStrings strings(3);
    const std::string id = "urn:ngsi-ld:TrafficFlowObserved:dmg-03";
    const QString first = strings.latin1(id);
    const QString again = strings.latin1(std::string(id)); // other bytes, same text
    CHECK(first == QLatin1String("urn:ngsi-ld:TrafficFlowObserved:dmg-03"));
    CHECK(again.constData() == first.constData()); // shared, not a copy
    CHECK(strings.size() == 1);

    strings.latin1("pm25");
    strings.latin1("KMH");
    CHECK(strings.size() == 3);
    // A fourth distinct text starts the pool again rather than growing it.
    CHECK(strings.latin1("no2") == QLatin1String("no2"));
    CHECK(strings.size() == 1);
    CHECK(strings.latin1(id) == first); // still the right text, from a fresh entry
}

TEST_CASE("No text and an empty text stay apart, as QString::fromLatin1 keeps them")
{
    InternedStrings strings;
    CHECK(strings.latin1(std::string_view()).isNull());
    const QString empty = strings.latin1(std::string_view("", 0));
    CHECK(empty.isEmpty());
    CHECK_FALSE(empty.isNull());
    CHECK(strings.latin1(std::string_view()).isNull()); // not the empty one from before
    CHECK(strings.size() == 0);
}

TEST_CASE("Decoded texts kept long share the first equal one, within the capacity")
{
    InternedStrings strings(2);
    const QString kecamatan = QStringLiteral("Periuk");
    const QString first = strings.shared(kecamatan);
    // The same text decoded again from another message: equal, but a string of its own.
    const QString decoded = QString::fromLatin1("Periuk");
    REQUIRE(decoded.constData() != first.constData());
    CHECK(strings.shared(decoded).constData() == first.constData());
    CHECK(strings.shared(QString()).isNull());
    CHECK(strings.size() == 1);
    strings.shared(QStringLiteral("banjir"));
    CHECK(strings.size() == 2);
    CHECK(strings.shared(QStringLiteral("Cipondoh")) == QLatin1String("Cipondoh"));
    CHECK(strings.size() == 1); // started again
}
