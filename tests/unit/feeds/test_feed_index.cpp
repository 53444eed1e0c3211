#include "parsing/FeedIndexParser.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("An RSS index of CAP alerts gives each item's link, resolved")
{
    const QByteArray rss = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Peringatan dini</title><link>https://example.invalid/</link>
<item><title>Hujan lebat</title><link>alerts/a1.xml</link></item>
<item><title>Angin kencang</title><link>https://example.invalid/alerts/a2.xml</link></item>
<item><title>Banjir</title><enclosure url="alerts/a3.cap" type="application/cap+xml"/></item>
</channel></rss>)";
    const auto links = FeedIndexParser::links(rss, QUrl(QStringLiteral("https://example.invalid/feed/rss.xml")));
    REQUIRE(links);
    CHECK(*links == QList<QUrl>{QUrl(QStringLiteral("https://example.invalid/feed/alerts/a1.xml")),
                                QUrl(QStringLiteral("https://example.invalid/alerts/a2.xml")),
                                QUrl(QStringLiteral("https://example.invalid/feed/alerts/a3.cap"))});
}

TEST_CASE("An Atom index gives each entry's alternate link")
{
    const QByteArray atom = R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>CAP</title>
<link href="https://example.invalid/" rel="self"/>
<entry><title>a</title><link href="https://example.invalid/a.xml" type="application/cap+xml"/></entry>
<entry><title>b</title><link rel="related" href="https://example.invalid/info.html"/>
<link rel="alternate" href="https://example.invalid/b.xml"/></entry></feed>)";
    const auto links = FeedIndexParser::links(atom, QUrl(QStringLiteral("https://example.invalid/atom")));
    REQUIRE(links);
    CHECK(*links == QList<QUrl>{QUrl(QStringLiteral("https://example.invalid/a.xml")),
                                QUrl(QStringLiteral("https://example.invalid/b.xml"))});
}

TEST_CASE("A CAP document or garbage is not an index")
{
    CHECK_FALSE(FeedIndexParser::links(R"(<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>)", {}));
    CHECK_FALSE(FeedIndexParser::links("{\"type\":\"Feature\"}", {}));
    CHECK_FALSE(FeedIndexParser::links("", {}));
}
