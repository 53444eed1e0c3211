#include "parsing/ParseHelpers.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using tlr::parsing::parseIsoDateTime;

namespace {

// What Qt's own parser makes of the text, in UTC (a zone-less time taken as UTC).
QDateTime qtReading(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

TEST_CASE("ISO date-times read the same as Qt's parser reads them")
{
    const char *const texts[] = {
        "2026-11-23T06:21:49Z",          "2026-11-23T06:21:49.123Z",
        "2026-11-23T06:21:49.1Z",        "2026-11-23T13:21:49+07:00",
        "2026-11-23T00:21:49-05:30",     "2026-11-23T06:21:49",
        "2024-02-29T23:59:59Z",          "1969-12-31T23:59:59.999Z",
        "2000-01-01T00:00:00+0700",      "2026-11-23T06:21:49.123456Z",
    };
    for (const char *text : texts) {
        INFO(text);
        const QDateTime ours = parseIsoDateTime(QString::fromLatin1(text));
        REQUIRE(ours.isValid());
        CHECK(ours.timeSpec() == Qt::UTC);
        CHECK(ours.toMSecsSinceEpoch() == qtReading(QString::fromLatin1(text)).toMSecsSinceEpoch());
    }
}

TEST_CASE("impossible dates and malformed ISO date-times are invalid")
{
    const char *const texts[] = {
        "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z",
        "2026-11-23T25:00:00Z", "2026-11-23T06:61:00Z", "2026-11-23T06:21:49Q",
        "2026-11-23T06:21:49.Z", "2026-1-23T06:21:49Z",
        "yesterday",            "",
    };
    for (const char *text : texts) {
        INFO(text);
        CHECK_FALSE(parseIsoDateTime(QString::fromLatin1(text)).isValid());
    }
}

TEST_CASE("forms outside the common one still go through Qt's parser")
{
    CHECK(parseIsoDateTime(u"2026-11-23T06:21Z").toMSecsSinceEpoch()
          == qtReading(QStringLiteral("2026-11-23T06:21Z")).toMSecsSinceEpoch());
    CHECK(parseIsoDateTime(u"  2026-11-23T06:21:49Z  ").isValid());
}
