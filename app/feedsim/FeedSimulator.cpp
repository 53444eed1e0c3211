#include "FeedSimulator.h"

#include "FeedServer.h"
#include "MqttPublisher.h"

#include <QDateTime>
#include <QJsonArray>

namespace tlr::feedsim {
namespace {

constexpr std::size_t kMaxMessagesPerTick = 2000;

} // namespace

FeedSimulator::FeedSimulator(const ScenarioBundle &bundle, const Options &options,
                             const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
    , m_simulation(bundle, {options.seed, options.startMs, options.rate})
    , m_server(new FeedServer(this))
    , m_timer(new QTimer(this))
    , m_scenarioName(bundle.scenario.name)
{
    FeedChannel::Options channelOptions;
    channelOptions.malformed = options.faults.malformed;
    channelOptions.duplicate = options.faults.duplicate;
    channelOptions.reorder = options.faults.reorder;
    channelOptions.historyLimit = options.historyLimit;
    channelOptions.historyMaxAgeMs = options.historyMaxAgeMs;
    // Fault draws come from their own generators: turning faults on never changes content.
    Rng seeds(options.seed ^ 0x5eedfa17ULL);
    for (FeedId feed : kAllFeeds)
        m_channels.push_back(std::make_unique<FeedChannel>(feed, channelOptions, seeds.next64()));
    if (options.tls)
        m_server->setTls(*options.tls);
    m_server->setBearerToken(options.bearerToken);
    m_server->setReplaySource(
        [this](FeedId feed, qint64 since) { return channel(feed).replaySince(since); });
    m_timer->setInterval(std::max(1, options.tickMs));
    connect(m_timer, &QTimer::timeout, this, &FeedSimulator::tick);
    m_nextDisconnectMs = qint64(options.faults.disconnectSeconds * 1000);
    // The first heartbeat goes out on the first tick: a client knows at once the feed is up.
    m_lastHeartbeatMs.fill(-qint64(options.heartbeatMs));
}

FeedSimulator::~FeedSimulator() = default;

bool FeedSimulator::listen()
{
    return m_server->listen(m_options.bind, m_options.port);
}
QString FeedSimulator::errorString() const
{
    return m_server->errorString();
}
quint16 FeedSimulator::port() const
{
    return m_server->port();
}

QString FeedSimulator::url() const
{
    QString host = m_server->address().toString();
    if (m_server->address().protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("%1://%2:%3")
        .arg(m_server->isSecure() ? QStringLiteral("wss") : QStringLiteral("ws"), host)
        .arg(port());
}

FeedChannel &FeedSimulator::channel(FeedId feed)
{
    return *m_channels.at(std::max(0, feedIndex(feed)));
}

void FeedSimulator::start()
{
    m_timer->start();
}

void FeedSimulator::stop()
{
    m_timer->stop();
    const qint64 realMs = m_clock.elapsedMs();
    for (auto &c : m_channels)
        deliver(c->feed(), c->flush(realMs));
}

void FeedSimulator::tick()
{
    const qint64 realMs = m_clock.elapsedMs();
    const qint64 targetMs = m_options.startMs + qint64(double(realMs) * m_options.speed);
    // Advance in slices with a budget of messages per tick, so that a --speed the machine
    // cannot keep up with slows simulated time down instead of starving the event loop
    // (sockets, signals, --duration). Slicing does not change what is simulated.
    std::size_t budget = kMaxMessagesPerTick;
    while (m_simulation.now() < targetMs && budget > 0) {
        const auto messages =
            m_simulation.advanceTo(std::min(targetMs, m_simulation.now() + 1000));
        for (const auto &message : messages) {
            // A silenced agency system is down: what it would have said is lost, not queued.
            if (m_options.faults.isSilenced(message.feed, realMs))
                continue;
            FeedChannel &c = channel(message.feed);
            deliver(message.feed, c.publish(message, realMs));
        }
        budget -= std::min(budget, messages.size());
    }
    const qint64 simMs = m_simulation.now();
    for (std::size_t i = 0; i < kAllFeeds.size(); ++i) {
        const FeedId feed = kAllFeeds[i];
        if (m_options.faults.isSilenced(feed, realMs))
            continue;
        if (realMs - m_lastHeartbeatMs[i] >= m_options.heartbeatMs) {
            m_lastHeartbeatMs[i] = realMs;
            deliver(feed, channel(feed).heartbeat(simMs, realMs));
        }
    }
    if (m_nextDisconnectMs > 0 && realMs >= m_nextDisconnectMs) {
        m_server->disconnectAll();
        m_nextDisconnectMs += qint64(m_options.faults.disconnectSeconds * 1000);
    }
}

void FeedSimulator::deliver(FeedId feed, const QList<Frame> &frames)
{
    if (m_tap && !frames.isEmpty())
        m_tap(feed, frames);
    m_server->send(feed, frames);
    if (m_mqtt)
        m_mqtt->publish(feed, frames);
}

QJsonObject FeedSimulator::report() const
{
    QJsonArray feeds;
    for (const auto &c : m_channels) {
        const FeedStats &s = c->stats();
        feeds.append(QJsonObject{{QStringLiteral("id"), feedIdKey(c->feed())},
                                 {QStringLiteral("sent"), s.sent},
                                 {QStringLiteral("heartbeats"), s.heartbeats},
                                 {QStringLiteral("malformed"), s.malformed},
                                 {QStringLiteral("duplicates"), s.duplicates},
                                 {QStringLiteral("reordered"), s.reordered},
                                 {QStringLiteral("replayed"), s.replayed},
                                 {QStringLiteral("lastSeq"), c->lastSeq()}});
    }
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    return {{QStringLiteral("feeds"), feeds},
            {QStringLiteral("scenario"), m_scenarioName},
            {QStringLiteral("seed"), QString::number(m_options.seed)},
            {QStringLiteral("simulatedStart"), iso(m_options.startMs)},
            {QStringLiteral("simulatedEnd"), iso(m_simulation.now())},
            {QStringLiteral("realSeconds"), double(m_clock.elapsedMs()) / 1000.0}};
}

} // namespace tlr::feedsim
