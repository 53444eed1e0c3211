#include "LocalHttpServer.h"
#include "RecordingSink.h"

#include "feeds/HttpPoller.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>

using namespace tlr;
using namespace tlr::test;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/cap/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

FeedConfig capFeed(const QUrl &url)
{
    FeedConfig config;
    config.id = QStringLiteral("bmkg-cap");
    config.agency = Agency::Dlh;
    config.kind = FeedKind::Environment;
    config.transport = FeedConfig::Transport::Http;
    config.url = url;
    config.format = PayloadFormat::Cap;
    config.pollSeconds = 3600; // the test polls by hand
    return config;
}

const Alert &alertOf(const StoredMessage &message)
{
    REQUIRE(message.events.size() == 1);
    return std::get<Alert>(message.events.first());
}

} // namespace

TEST_CASE("An RSS index of CAP documents: each linked document fetched once, bad ones quarantined")
{
    LocalHttpServer server;
    server.setDocument(QStringLiteral("/cap/rss.xml"), R"(<?xml version="1.0"?><rss version="2.0"><channel>
        <title>Peringatan</title><link>/</link>
        <item><title>A.2</title><link>a2.xml</link></item>
        <item><title>A.3</title><link>a3.xml</link></item>
        <item><title>Rusak</title><link>broken.xml</link></item>
        </channel></rss>)");
    server.setDocument(QStringLiteral("/cap/a2.xml"), fixture("cap12-a2-severe-thunderstorm-polygon.xml"));
    server.setDocument(QStringLiteral("/cap/a3.xml"), fixture("cap12-a3-earthquake-update-circle.xml"));
    server.setDocument(QStringLiteral("/cap/broken.xml"), fixture("cap12-a3-earthquake-update-circle.xml").left(300));

    RecordingSink sink;
    HttpPoller poller(capFeed(server.url(QStringLiteral("/cap/rss.xml"))), &sink);
    QSignalSpy finished(&poller, &HttpPoller::pollFinished);
    poller.start();
    REQUIRE(finished.wait(10000));

    const auto messages = sink.messages();
    REQUIRE(messages.size() == 3); // the index itself is not a message
    QHash<QString, StoredMessage> byIdentifier;
    int rejected = 0;
    for (const StoredMessage &m : messages) {
        if (m.isRejected()) {
            ++rejected;
            CHECK(m.rejectReason.startsWith(QStringLiteral("cap: ")));
            CHECK(m.bytes.size() == 300); // kept as received, for inspection
            continue;
        }
        byIdentifier.insert(alertOf(m).identifier, m);
    }
    CHECK(rejected == 1);
    REQUIRE(byIdentifier.size() == 2);
    const Alert thunderstorm = alertOf(byIdentifier.value(QStringLiteral("KSTO1055887203")));
    REQUIRE(thunderstorm.infos.size() == 1);
    CHECK(thunderstorm.infos.first().severity == Severity::Severe);
    CHECK(thunderstorm.infos.first().urgency == AlertInfo::Urgency::Immediate);
    CHECK(thunderstorm.infos.first().certainty == AlertInfo::Certainty::Observed);
    CHECK(thunderstorm.infos.first().areas.first().polygons.size() == 1);
    const Alert earthquake = alertOf(byIdentifier.value(QStringLiteral("TRI13970876.2")));
    CHECK(earthquake.msgType == Alert::MsgType::Update);
    CHECK(earthquake.infos.first().areas.first().circles.size() == 1);

    // The next poll: the index is unchanged (304) and no document is fetched again.
    QMetaObject::invokeMethod(&poller, [&] { poller.stop(); poller.start(); });
    REQUIRE(finished.wait(10000));
    CHECK(server.notModified() >= 1);
    CHECK(server.requests(QStringLiteral("/cap/a2.xml")) == 1);
    CHECK(sink.messages().size() == 3);

    const FeedStatus status = poller.statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.received == 3);
    CHECK(status.accepted == 2);
    CHECK(status.rejected == 1);
}

TEST_CASE("An unreachable HTTP feed is down with the reason")
{
    LocalHttpServer server;
    RecordingSink sink;
    HttpPoller poller(capFeed(server.url(QStringLiteral("/missing.xml"))), &sink);
    QSignalSpy finished(&poller, &HttpPoller::pollFinished);
    poller.start();
    REQUIRE(finished.wait(10000));
    CHECK(sink.messages().isEmpty());
    const FeedStatus status = poller.statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.lastError.contains(QStringLiteral("/missing.xml")));
    CHECK(status.state != FeedStatus::State::Up);
}
