#include "MosquittoBroker.h"
#include "RecordingSink.h"

#include "feeds/MqttClient.h"
#include "feeds/MqttSubscription.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <memory>

// MQTT feeds against a real Mosquitto broker on loopback: persistent sessions, QoS 1 across a
// console's absence and a broker restart, duplicates, and a refused password.

using namespace tlr;
using namespace tlr::test;

namespace {

bool waitUntil(const std::function<bool()> &condition, int milliseconds = 15000)
{
    QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

const QString kTopic = QStringLiteral("tlr/dishub/t/messages");

FeedConfig feedAt(const QString &url, const QString &console, bool mqtt5)
{
    FeedConfig config;
    config.id = QStringLiteral("t");
    config.agency = Agency::Dishub;
    config.kind = FeedKind::Traffic;
    config.transport = FeedConfig::Transport::Mqtt;
    config.url = QUrl(url);
    config.mqtt.topic = kTopic;
    config.mqtt.clientId = console + QStringLiteral("-t");
    config.mqtt.mqtt5 = mqtt5;
    return config;
}

// The agency's side: a plain MQTT publisher at QoS 1.
class Publisher
{
public:
    explicit Publisher(const QString &url, const QString &caFile = {})
    {
        MqttClient::Settings settings;
        settings.url = QUrl(url);
        settings.caFile = caFile;
        settings.clientId = QStringLiteral("test-publisher");
        settings.persistentSession = false;
        m_client = std::make_unique<MqttClient>(settings);
        REQUIRE(m_client->open());
        REQUIRE(waitUntil([this] { return m_client->isConnected(); }));
    }
    void publish(qint64 seq, const char *format = "ngsi-ld")
    {
        const QByteArray payload = qstrcmp(format, "heartbeat") == 0 ? QByteArray("{}") : trafficPayload(int(seq));
        REQUIRE(m_client->publish(kTopic, envelope("t", seq, format, payload), 1));
    }
    bool drained() { return waitUntil([this] { return m_client->unacknowledged() == 0; }); }
    MqttClient &client() { return *m_client; }

private:
    std::unique_ptr<MqttClient> m_client;
};

std::unique_ptr<MqttSubscription> subscribe(const FeedConfig &config, FeedSink *sink)
{
    auto subscription = std::make_unique<MqttSubscription>(config, sink);
    bool subscribed = false;
    // Disconnected before returning: a later resubscription must not write to this frame.
    const auto connection = QObject::connect(subscription.get(), &MqttSubscription::subscribed,
                                             [&subscribed] { subscribed = true; });
    subscription->start();
    const bool done = waitUntil([&] { return subscribed; });
    QObject::disconnect(connection);
    REQUIRE(done);
    return subscription;
}

QSet<qint64> distinctSeqs(const QList<StoredMessage> &messages)
{
    QSet<qint64> seqs;
    for (const StoredMessage &message : messages)
        seqs.insert(message.seq);
    return seqs;
}

} // namespace

TEST_CASE("An MQTT console that was disconnected receives at QoS 1 what was published meanwhile, each message once")
{
    MosquittoBroker::skipUnlessInstalled();
    for (const bool mqtt5 : {false, true}) {
        INFO((mqtt5 ? "MQTT 5" : "MQTT 3.1.1"));
        MosquittoBroker broker;
        REQUIRE(broker.start());
        RecordingSink sink;
        const FeedConfig config = feedAt(broker.url(), QStringLiteral("desk"), mqtt5);
        Publisher agency(broker.url());

        auto console = subscribe(config, &sink);
        for (qint64 seq = 1; seq <= 20; ++seq)
            agency.publish(seq);
        REQUIRE(waitUntil([&] { return sink.messages().size() == 20; }));
        console->stop();

        // The console is away; the broker keeps its session and queues for it. QoS 1 is at least
        // once: messages whose PUBACK the broker had not yet seen come again (on a quiet machine
        // about the last ten), and the console's sequence tracking keeps them out. A console
        // process that restarts has a fresh tracker; there the store's (feed, seq) key keeps
        // each message once (test_store).
        for (qint64 seq = 21; seq <= 50; ++seq)
            agency.publish(seq);
        agency.publish(51, "heartbeat");
        REQUIRE(agency.drained());

        bool subscribed = false;
        const auto connection = QObject::connect(console.get(), &MqttSubscription::subscribed,
                                                 [&subscribed] { subscribed = true; });
        console->start();
        REQUIRE(waitUntil([&] { return subscribed; }));
        QObject::disconnect(connection);
        INFO(broker.log().toStdString());
        const bool allArrived = waitUntil([&] { return sink.messages().size() == 50; });
        QStringList seqs;
        for (const StoredMessage &message : sink.messages())
            seqs << QString::number(message.seq);
        INFO("received " << sink.messages().size() << ": " << seqs.join(u' ').toStdString());
        REQUIRE(allArrived);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
        CHECK(sink.messages().size() == 50);
        CHECK(distinctSeqs(sink.messages()).size() == 50);
        const FeedStatus status = console->statusAt(QDateTime::currentDateTimeUtc());
        CHECK(status.accepted == 50);
        CHECK(status.rejected == 0);
        CHECK(status.state == FeedStatus::State::Up);
    }
}

TEST_CASE("A broker restart: the MQTT console reconnects by itself and QoS 1 loses nothing")
{
    MosquittoBroker::skipUnlessInstalled();
    MosquittoBroker broker;
    REQUIRE(broker.start());
    RecordingSink sink;
    Publisher agency(broker.url());
    auto console = subscribe(feedAt(broker.url(), QStringLiteral("desk"), true), &sink);
    bool resubscribed = false;
    QObject::connect(console.get(), &MqttSubscription::subscribed, [&resubscribed] { resubscribed = true; });

    for (qint64 seq = 1; seq <= 10; ++seq)
        agency.publish(seq);
    REQUIRE(waitUntil([&] { return sink.messages().size() == 10; }));

    broker.stop();
    // Published while the broker is down: the publisher's library keeps them.
    for (qint64 seq = 11; seq <= 30; ++seq)
        agency.publish(seq);
    REQUIRE(waitUntil([&] { return !console->statusAt(QDateTime::currentDateTimeUtc()).lastError.isEmpty(); }));
    CHECK(console->statusAt(QDateTime::currentDateTimeUtc()).state == FeedStatus::State::Down);

    REQUIRE(broker.start());
    INFO(broker.log().toStdString());
    REQUIRE(waitUntil([&] { return sink.messages().size() == 30; }, 30000));
    CHECK(resubscribed);
    CHECK(agency.drained());
    CHECK(distinctSeqs(sink.messages()).size() == 30);
    CHECK(console->reconnects() >= 1);
    const FeedStatus status = console->statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.accepted == 30);
    CHECK(status.state == FeedStatus::State::Up);
    CHECK(status.lastError.isEmpty());
}

TEST_CASE("A message the broker delivers twice is counted as a duplicate and stored once")
{
    MosquittoBroker::skipUnlessInstalled();
    MosquittoBroker broker;
    REQUIRE(broker.start());
    RecordingSink sink;
    Publisher agency(broker.url());
    auto console = subscribe(feedAt(broker.url(), QStringLiteral("desk"), false), &sink);
    agency.publish(1);
    agency.publish(2);
    agency.publish(2);
    agency.publish(3);
    REQUIRE(waitUntil([&] { return console->statusAt(QDateTime::currentDateTimeUtc()).duplicates == 1; }));
    CHECK(sink.messages().size() == 3);
    CHECK(console->statusAt(QDateTime::currentDateTimeUtc()).accepted == 3);
}

TEST_CASE("A publisher that restarts numbers from 1 again: the MQTT console takes it as a new stream, not as repeats")
{
    MosquittoBroker::skipUnlessInstalled();
    MosquittoBroker broker;
    REQUIRE(broker.start());
    RecordingSink sink;
    auto console = subscribe(feedAt(broker.url(), QStringLiteral("desk"), true), &sink);
    {
        Publisher agency(broker.url());
        for (qint64 seq = 1; seq <= 10; ++seq)
            agency.publish(seq);
        agency.publish(10); // a repeat before the restart is still one
        REQUIRE(agency.drained());
    }
    Publisher restarted(broker.url());
    for (qint64 seq = 1; seq <= 5; ++seq)
        restarted.publish(seq);
    REQUIRE(waitUntil([&] { return sink.messages().size() == 15; }));
    const FeedStatus status = console->statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.accepted == 15);
    CHECK(status.duplicates == 1);
    CHECK(status.gaps == 0);
}

TEST_CASE("A broker that refuses the password: the feed is down with the reason, and the right one connects")
{
    MosquittoBroker::skipUnlessInstalled();
    QTemporaryDir dir;
    const QString passwords = dir.filePath(QStringLiteral("passwords"));
    REQUIRE(QProcess::execute(QStringLiteral("mosquitto_passwd"),
                              {QStringLiteral("-b"), QStringLiteral("-c"), passwords, QStringLiteral("wall"),
                               QStringLiteral("kopi-tubruk-42")}) == 0);
    MosquittoBroker broker(QStringLiteral("allow_anonymous false\npassword_file %1\n").arg(passwords));
    REQUIRE(broker.start());

    FeedConfig config = feedAt(broker.url(), QStringLiteral("desk"), true);
    config.mqtt.username = QStringLiteral("wall");
    config.mqtt.passwordEnv = QStringLiteral("TLR_TEST_BROKER_PASSWORD");
    RecordingSink sink;

    qputenv("TLR_TEST_BROKER_PASSWORD", "wrong");
    MqttSubscription refused(config, &sink);
    refused.start();
    REQUIRE(waitUntil([&] { return !refused.statusAt(QDateTime::currentDateTimeUtc()).lastError.isEmpty(); }));
    const FeedStatus status = refused.statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.lastError.contains(QStringLiteral("refused")));
    CHECK_FALSE(status.lastError.contains(QStringLiteral("wrong")));
    CHECK(status.state == FeedStatus::State::Down);
    refused.stop();

    qputenv("TLR_TEST_BROKER_PASSWORD", "kopi-tubruk-42");
    config.mqtt.clientId = QStringLiteral("desk-2-t");
    auto console = subscribe(config, &sink);
    CHECK(console->statusAt(QDateTime::currentDateTimeUtc()).lastError.isEmpty());

    qunsetenv("TLR_TEST_BROKER_PASSWORD");
    MqttSubscription unset(config, &sink);
    unset.start();
    CHECK(unset.statusAt(QDateTime::currentDateTimeUtc()).lastError.contains(QStringLiteral("TLR_TEST_BROKER_PASSWORD is not set")));
}

TEST_CASE("An mqtts:// feed trusts the broker its ca_file vouches for, and no other")
{
    MosquittoBroker::skipUnlessInstalled();
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        std::puts("SKIP: openssl is not installed to make the test's certificates");
        std::exit(MosquittoBroker::kSkipReturnCode);
    }
    QTemporaryDir dir;
    const auto path = [&dir](const char *name) { return dir.filePath(QLatin1String(name)); };
    const auto openssl = [](const QStringList &arguments) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        process.waitForFinished(30000);
        INFO(process.readAll().toStdString());
        REQUIRE(process.exitCode() == 0);
    };
    // A CA of the test's own, and the broker's certificate from it for 127.0.0.1.
    QFile extensions(path("san.cnf"));
    REQUIRE(extensions.open(QIODevice::WriteOnly));
    extensions.write("subjectAltName=IP:127.0.0.1\n");
    extensions.close();
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), path("ca.key"), QStringLiteral("-out"), path("ca.pem"),
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=tlr-test-ca")});
    openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), path("broker.key"), QStringLiteral("-out"), path("broker.csr"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path("broker.csr"), QStringLiteral("-CA"),
             path("ca.pem"), QStringLiteral("-CAkey"), path("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-out"), path("broker.pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-extfile"), path("san.cnf")});
    // Options after the listener line make that listener TLS.
    MosquittoBroker broker(QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n")
                               .arg(path("ca.pem"), path("broker.pem"), path("broker.key")));
    REQUIRE(broker.start());
    const QString url = QStringLiteral("mqtts://127.0.0.1:%1").arg(broker.port());

    RecordingSink sink;
    FeedConfig config = feedAt(url, QStringLiteral("desk"), true);
    config.caFile = path("ca.pem");
    Publisher agency(url, path("ca.pem"));
    auto console = subscribe(config, &sink);
    agency.publish(1);
    INFO(broker.log().toStdString());
    REQUIRE(waitUntil([&] { return sink.messages().size() == 1; }));

    // The system's CAs do not know the test's CA: refused, and said so on the feed.
    config.caFile.clear();
    config.mqtt.clientId = QStringLiteral("desk-2-t");
    MqttSubscription untrusting(config, &sink);
    untrusting.start();
    REQUIRE(waitUntil([&] { return !untrusting.statusAt(QDateTime::currentDateTimeUtc()).lastError.isEmpty(); }));
    const FeedStatus status = untrusting.statusAt(QDateTime::currentDateTimeUtc());
    INFO(status.lastError.toStdString());
    CHECK(status.state == FeedStatus::State::Down);
    CHECK(sink.messages().size() == 1);
}
