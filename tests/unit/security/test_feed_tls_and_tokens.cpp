// wss:// feeds against tlr-feedsim's own server with real, freshly made certificates: the
// right CA and token let data through; a wrong CA, a missing token, a refused token or a
// missing client certificate leave the feed down with a message that says which.
#include "feeds/WebSocketSubscription.h"
#include "itemmodels/FeedHealthModel.h"

#include "FeedServer.h"
#include "ServerCredentials.h"
#include "../feeds/RecordingSink.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QTemporaryDir>

using namespace tlr;
using namespace tlr::test;
using tlr::feedsim::FeedId;
using tlr::feedsim::FeedServer;
using tlr::feedsim::Frame;

namespace {

constexpr QByteArrayView kToken = "s3cr3t-feed-token-0f9a";

QString certificates()
{
    static QTemporaryDir dir;
    static const bool made = [] {
        QProcess script;
        script.start(QStringLiteral("sh"), {QStringLiteral(TLR_SOURCE_DIR "/tests/data/tls/make-test-certs.sh"), dir.path()});
        return script.waitForFinished(30000) && script.exitCode() == 0;
    }();
    REQUIRE(made);
    return dir.path();
}

QString certificate(const char *name) { return certificates() + u'/' + QLatin1String(name); }

bool waitUntil(const std::function<bool()> &condition, int milliseconds = 10000)
{
    QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

// The simulator's server, secure, on a free loopback port.
struct SecureServer
{
    explicit SecureServer(bool requireClientCertificate = false)
    {
        auto tls = feedsim::ServerCredentials::loadTls(
            certificate("server.pem"), certificate("server.key"),
            requireClientCertificate ? certificate("ca.pem") : QString());
        REQUIRE(std::holds_alternative<QSslConfiguration>(tls));
        server.setTls(std::get<QSslConfiguration>(tls));
        server.setBearerToken(kToken.toByteArray());
        REQUIRE(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &FeedServer::clientCountChanged, [this](int count) {
            everConnected = everConnected || count > 0;
        });
    }

    FeedConfig feed() const
    {
        FeedConfig config;
        config.id = QStringLiteral("dishub-traffic");
        config.agency = Agency::Dishub;
        config.kind = FeedKind::Traffic;
        config.transport = FeedConfig::Transport::WebSocket;
        config.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/feeds/dishub-traffic").arg(server.port()));
        config.caFile = certificate("ca.pem");
        config.tokenEnv = QStringLiteral("TLR_TEST_FEED_TOKEN");
        return config;
    }

    void publish(qint64 seq)
    {
        server.send(FeedId::DishubTraffic, {Frame{seq, envelope("dishub-traffic", seq, "ngsi-ld", trafficPayload(int(seq))), false, false}});
    }

    FeedServer server;
    bool everConnected = false;
};

struct TokenInEnvironment
{
    explicit TokenInEnvironment(QByteArrayView token) { qputenv("TLR_TEST_FEED_TOKEN", token.toByteArray()); }
    ~TokenInEnvironment() { qunsetenv("TLR_TEST_FEED_TOKEN"); }
};

// What the feed-health strip is given: the model's row for the feed.
QString connectionErrorOnHealthModel(WebSocketSubscription &subscription)
{
    FeedHealthModel model;
    model.setFeeds({subscription.config()});
    model.updateStatus(subscription.statusAt(QDateTime::currentDateTimeUtc()));
    return model.data(model.index(0), FeedHealthModel::ConnectionErrorRole).toString();
}

QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void keepLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    g_previousHandler(type, context, message);
}

struct LogCapture
{
    LogCapture() { g_log.clear(); g_previousHandler = qInstallMessageHandler(keepLog); }
    ~LogCapture() { qInstallMessageHandler(g_previousHandler); }
    bool mentions(QByteArrayView text) const { return g_log.join(u'\n').contains(QString::fromLatin1(text)); }
};

} // namespace

TEST_CASE("A wss feed with the right CA and token receives data")
{
    LogCapture log;
    SecureServer secure;
    TokenInEnvironment token(kToken);
    RecordingSink sink;
    WebSocketSubscription subscription(secure.feed(), &sink);
    subscription.start();
    REQUIRE(waitUntil([&] { return secure.server.clientCount() == 1; }));
    for (qint64 seq = 1; seq <= 3; ++seq)
        secure.publish(seq);
    REQUIRE(waitUntil([&] { return sink.messages().size() == 3; }));
    const FeedStatus status = subscription.statusAt(QDateTime::currentDateTimeUtc());
    CHECK(status.accepted == 3);
    CHECK(status.state == FeedStatus::State::Up);
    CHECK(connectionErrorOnHealthModel(subscription).isEmpty());
    CHECK_FALSE(log.mentions(kToken));
}

TEST_CASE("A wss feed whose server another CA signed is down: untrusted certificate, naming the ca_file")
{
    LogCapture log;
    SecureServer secure;
    TokenInEnvironment token(kToken);
    FeedConfig config = secure.feed();
    config.caFile = certificate("other-ca.pem");
    RecordingSink sink;
    WebSocketSubscription subscription(config, &sink);
    subscription.start();
    REQUIRE(waitUntil([&] { return !connectionErrorOnHealthModel(subscription).isEmpty(); }));
    const QString error = connectionErrorOnHealthModel(subscription);
    INFO(error.toStdString());
    CHECK(error.startsWith(QStringLiteral("TLS: untrusted certificate")));
    CHECK(error.contains(QStringLiteral("other-ca.pem")));
    CHECK(subscription.statusAt(QDateTime::currentDateTimeUtc()).state == FeedStatus::State::Down);
    CHECK(secure.server.clientCount() == 0);
    CHECK(sink.messages().isEmpty());
    CHECK(log.mentions("untrusted certificate")); // and the log says it too
}

TEST_CASE("A feed whose token variable is not set is down with token missing and never connects")
{
    LogCapture log;
    SecureServer secure;
    qunsetenv("TLR_TEST_FEED_TOKEN");
    RecordingSink sink;
    WebSocketSubscription subscription(secure.feed(), &sink);
    subscription.start();
    waitUntil([] { return false; }, 300);
    const QString error = connectionErrorOnHealthModel(subscription);
    INFO(error.toStdString());
    CHECK(error == QStringLiteral("token missing: environment variable TLR_TEST_FEED_TOKEN is not set or empty"));
    CHECK(subscription.statusAt(QDateTime::currentDateTimeUtc()).state == FeedStatus::State::Down);
    CHECK_FALSE(secure.everConnected);
    CHECK(log.mentions("token missing"));
}

TEST_CASE("A feed whose token file is missing says so - one with a token file connects")
{
    SecureServer secure;
    QTemporaryDir dir;
    FeedConfig config = secure.feed();
    config.tokenEnv.clear();
    config.tokenFile = dir.filePath(QStringLiteral("token"));
    RecordingSink sink;
    {
        WebSocketSubscription subscription(config, &sink);
        subscription.start();
        waitUntil([] { return false; }, 200);
        const QString error = connectionErrorOnHealthModel(subscription);
        INFO(error.toStdString());
        CHECK(error.startsWith(QStringLiteral("token missing: token_file ")));
        CHECK_FALSE(secure.everConnected);
    }
    QFile file(config.tokenFile);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(kToken.toByteArray() + '\n');
    file.close();
    WebSocketSubscription subscription(config, &sink);
    subscription.start();
    REQUIRE(waitUntil([&] { return secure.server.clientCount() == 1; }));
    secure.publish(1);
    REQUIRE(waitUntil([&] { return sink.messages().size() == 1; }));
}

TEST_CASE("A token the server does not accept: refused by the server, and the token is not logged")
{
    LogCapture log;
    SecureServer secure;
    TokenInEnvironment token("wrong-token-1234567890");
    RecordingSink sink;
    WebSocketSubscription subscription(secure.feed(), &sink);
    subscription.start();
    REQUIRE(waitUntil([&] { return !connectionErrorOnHealthModel(subscription).isEmpty(); }));
    const QString error = connectionErrorOnHealthModel(subscription);
    INFO(error.toStdString());
    CHECK(error == QStringLiteral("refused by the server (1008): bearer token not accepted"));
    CHECK(sink.messages().isEmpty());
    CHECK_FALSE(log.mentions("wrong-token-1234567890"));
    CHECK_FALSE(log.mentions(kToken));
}

TEST_CASE("A server that requires a client certificate takes the feed's client_cert and refuses one without")
{
    SecureServer secure(true);
    TokenInEnvironment token(kToken);
    RecordingSink sink;
    {
        WebSocketSubscription without(secure.feed(), &sink);
        without.start();
        REQUIRE(waitUntil([&] { return !connectionErrorOnHealthModel(without).isEmpty(); }));
        CHECK(connectionErrorOnHealthModel(without).contains(QStringLiteral("client_cert")));
        CHECK(secure.server.clientCount() == 0);
    }
    FeedConfig config = secure.feed();
    config.clientCertFile = certificate("client.pem");
    config.clientKeyFile = certificate("client.key");
    WebSocketSubscription with(config, &sink);
    with.start();
    REQUIRE(waitUntil([&] { return secure.server.clientCount() == 1; }));
    secure.publish(1);
    REQUIRE(waitUntil([&] { return sink.messages().size() == 1; }));
    CHECK(connectionErrorOnHealthModel(with).isEmpty());
}
