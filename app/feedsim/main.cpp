// tlr-feedsim: simulates the feeds of Tangerang's agencies over WebSocket (docs/wire.md).

#include "FaultPlan.h"
#include "FeedServer.h"
#include "FeedSimulator.h"
#include "MqttPublisher.h"
#include "PrivateFiles.h"
#include "RedactedLog.h"
#include "ScenarioBundle.h"
#include "ServerCredentials.h"
#include "SignalWatcher.h"
#include "domain/Redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace tlr::feedsim;

namespace {

void printLine(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stream);
    std::fflush(stream);
}

int fail(const QString &message)
{
    // Not through Qt's log, so not through RedactedLog: masked here.
    printLine(stderr, QStringLiteral("tlr-feedsim: ") + tlr::Redaction::text(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // The report tells which feeds ran and what they sent; tokens and broker passwords are
    // about, and a log line may quote them.
    tlr::PrivateFiles::restrictToOwner();
    tlr::RedactedLog::install();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tlr-feedsim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TLR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates a day of Kota Tangerang's agency feeds (Dishub, Dinkes, Tirta Benteng, DLH, "
        "112/LAKSA) as WebSocket streams: ws://HOST:PORT/feeds/<id>[?since=SEQ]. "
        "The wire is documented in docs/wire.md."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on; 0 picks a free one (default 0)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption bindOption(
        QStringLiteral("bind"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"),
        QStringLiteral("Seed: the same seed and options give the same messages (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"),
        QStringLiteral("Built-in scenario name (normal, storm) or a scenario JSON file "
                       "(default normal)."),
        QStringLiteral("FILE|NAME"), QStringLiteral("normal"));
    const QCommandLineOption speedOption(
        QStringLiteral("speed"),
        QStringLiteral("Simulated seconds per real second (default 1; 60 = an hour a minute)."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption rateOption(
        QStringLiteral("rate"),
        QStringLiteral("Load multiplier for updates and events (default 1)."), QStringLiteral("X"),
        QStringLiteral("1"));
    const QCommandLineOption startOption(
        QStringLiteral("start"),
        QStringLiteral("Simulated start, ISO 8601 (default: now). Without an offset it is UTC."),
        QStringLiteral("ISO"));
    const QCommandLineOption durationOption(
        QStringLiteral("duration"),
        QStringLiteral("Stop after this many real seconds (default: run until signalled)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        QStringLiteral("Faults to inject, comma separated: disconnect[=SECONDS], "
                       "malformed[=FRACTION], duplicate[=FRACTION], reorder[=FRACTION], "
                       "silence=FEED[:SECONDS[@AT]]."),
        QStringLiteral("LIST"));
    const QCommandLineOption heartbeatOption(
        QStringLiteral("heartbeat-ms"),
        QStringLiteral("Heartbeat period per feed in real ms, 100..5000 (default 2000)."),
        QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption reportOption(
        QStringLiteral("report"),
        QStringLiteral("Also write the exit report (JSON) to this file."), QStringLiteral("FILE"));
    const QCommandLineOption stdinOption(
        QStringLiteral("exit-on-stdin-close"),
        QStringLiteral("Stop when standard input closes (for a parent process that dies)."));
    const QCommandLineOption dumpOption(
        QStringLiteral("dump"),
        QStringLiteral("Serve nothing: print the first N frames of all feeds, one per line, as "
                       "they would be sent, driving time by ticks instead of the clock (same "
                       "seed and options: the same bytes), then the report, and exit."),
        QStringLiteral("N"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve wss:// with this PEM certificate (chain); needs --tls-key."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(
        QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsClientCaOption(
        QStringLiteral("tls-client-ca"),
        QStringLiteral("Require a client certificate signed by this PEM CA."), QStringLiteral("FILE"));
    const QCommandLineOption tokenEnvOption(
        QStringLiteral("token-env"),
        QStringLiteral("Require \"Authorization: Bearer <token>\" with the token this environment "
                       "variable holds."),
        QStringLiteral("VAR"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        QStringLiteral("Require \"Authorization: Bearer <token>\" with the token this file holds."),
        QStringLiteral("FILE"));
    const QCommandLineOption mqttOption(
        QStringLiteral("mqtt"),
        QStringLiteral("Also publish every feed to this MQTT broker at QoS 1, on "
                       "tlr/<agency>/<feed>/messages: mqtt://HOST[:PORT] or mqtts://HOST[:PORT]."),
        QStringLiteral("URL"));
    const QCommandLineOption noWebSocketOption(
        QStringLiteral("no-websocket"),
        QStringLiteral("With --mqtt: publish to the broker only, serve no WebSocket."));
    const QCommandLineOption mqttClientIdOption(
        QStringLiteral("mqtt-client-id"),
        QStringLiteral("The publisher's MQTT client id (default tlr-feedsim-<pid>)."),
        QStringLiteral("ID"));
    const QCommandLineOption mqttProtocolOption(
        QStringLiteral("mqtt-protocol"), QStringLiteral("5 or 3.1.1 (default 5)."),
        QStringLiteral("VERSION"), QStringLiteral("5"));
    const QCommandLineOption mqttUserOption(QStringLiteral("mqtt-user"),
                                            QStringLiteral("The broker user name."),
                                            QStringLiteral("NAME"));
    const QCommandLineOption mqttPasswordEnvOption(
        QStringLiteral("mqtt-password-env"),
        QStringLiteral("The environment variable holding the broker password (never the "
                       "password itself on the command line)."),
        QStringLiteral("VAR"));
    const QCommandLineOption mqttCaOption(
        QStringLiteral("mqtt-ca"),
        QStringLiteral("With mqtts://: the broker's CA certificate (default: the system's)."),
        QStringLiteral("FILE"));
    const QCommandLineOption listOption(QStringLiteral("list-scenarios"),
                                        QStringLiteral("Print the built-in scenarios and exit."));
    parser.addOptions({portOption, bindOption, seedOption, scenarioOption, speedOption, rateOption,
                       startOption, durationOption, faultsOption, heartbeatOption, reportOption,
                       stdinOption, dumpOption, listOption, tlsCertOption, tlsKeyOption,
                       tlsClientCaOption, tokenEnvOption, tokenFileOption, mqttOption,
                       noWebSocketOption, mqttClientIdOption, mqttProtocolOption, mqttUserOption,
                       mqttPasswordEnvOption, mqttCaOption});
    parser.process(app);

    if (parser.isSet(listOption)) {
        for (const auto &name : ScenarioBundle::builtInNames())
            printLine(stdout, name);
        return 0;
    }

    FeedSimulator::Options options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("--port must be 0..65535"));
    options.port = quint16(port);
    if (!options.bind.setAddress(parser.value(bindOption)))
        return fail(QStringLiteral("--bind: not an IP address"));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed must be a non-negative integer"));
    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || !(options.speed > 0 && options.speed <= 100000))
        return fail(QStringLiteral("--speed must be in (0, 100000]"));
    options.rate = parser.value(rateOption).toDouble(&ok);
    if (!ok || !(options.rate > 0 && options.rate <= 1000))
        return fail(QStringLiteral("--rate must be in (0, 1000]"));
    options.heartbeatMs = parser.value(heartbeatOption).toInt(&ok);
    if (!ok || options.heartbeatMs < 100 || options.heartbeatMs > 5000)
        return fail(QStringLiteral("--heartbeat-ms must be 100..5000"));
    if (parser.isSet(startOption)) {
        QDateTime start = QDateTime::fromString(parser.value(startOption), Qt::ISODateWithMs);
        if (!start.isValid())
            return fail(QStringLiteral("--start: not an ISO 8601 date and time"));
        if (start.timeSpec() == Qt::LocalTime)
            start.setTimeSpec(Qt::UTC);
        options.startMs = start.toMSecsSinceEpoch();
    } else {
        // The one wall-clock read: where simulated time begins.
        options.startMs = QDateTime::currentMSecsSinceEpoch();
    }
    if (parser.isSet(faultsOption)) {
        const auto faults = FaultPlan::parse(parser.value(faultsOption));
        if (!faults.plan)
            return fail(QStringLiteral("--faults: ") + faults.error);
        options.faults = *faults.plan;
    }
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsClientCaOption) && !parser.isSet(tlsCertOption))
        return fail(QStringLiteral("--tls-client-ca needs --tls-cert and --tls-key"));
    if (parser.isSet(tlsCertOption)) {
        auto tls = ServerCredentials::loadTls(parser.value(tlsCertOption), parser.value(tlsKeyOption),
                                              parser.value(tlsClientCaOption));
        if (auto *error = std::get_if<QString>(&tls))
            return fail(*error);
        options.tls = std::get<QSslConfiguration>(tls);
    }
    if (parser.isSet(tokenEnvOption) && parser.isSet(tokenFileOption))
        return fail(QStringLiteral("give --token-env or --token-file, not both"));
    if (parser.isSet(tokenEnvOption) || parser.isSet(tokenFileOption)) {
        auto token = parser.isSet(tokenEnvOption)
                         ? ServerCredentials::tokenFromEnvironment(parser.value(tokenEnvOption))
                         : ServerCredentials::tokenFromFile(parser.value(tokenFileOption));
        if (auto *error = std::get_if<QString>(&token))
            return fail(*error);
        options.bearerToken = std::get<QByteArray>(token);
    }
    double duration = -1;
    if (parser.isSet(durationOption)) {
        duration = parser.value(durationOption).toDouble(&ok);
        if (!ok || !(duration > 0))
            return fail(QStringLiteral("--duration must be a positive number of seconds"));
    }

    const auto load = ScenarioBundle::load(parser.value(scenarioOption));
    if (!load.bundle) {
        for (const auto &problem : load.problems)
            printLine(stderr, problem);
        return fail(
            QStringLiteral("cannot load scenario \"%1\"").arg(parser.value(scenarioOption)));
    }

    if (parser.isSet(dumpOption)) {
        const qint64 count = parser.value(dumpOption).toLongLong(&ok);
        if (!ok || count <= 0)
            return fail(QStringLiteral("--dump needs a positive number of frames"));
        ManualClock clock;
        FeedSimulator simulator(*load.bundle, options, clock);
        qint64 printed = 0;
        simulator.setFrameTap([&printed, count](FeedId, const QList<Frame> &frames) {
            for (const auto &frame : frames) {
                if (printed++ < count) {
                    std::fwrite(frame.bytes.constData(), 1, size_t(frame.bytes.size()), stdout);
                    std::fputc('\n', stdout);
                }
            }
        });
        while (printed < count) {
            clock.advance(options.tickMs);
            simulator.tick();
        }
        printLine(stdout, QString::fromUtf8(
                              QJsonDocument(simulator.report()).toJson(QJsonDocument::Compact)));
        return 0;
    }

    const bool serveWebSocket = !parser.isSet(noWebSocketOption);
    if (!serveWebSocket && !parser.isSet(mqttOption))
        return fail(QStringLiteral("--no-websocket needs --mqtt URL"));
    std::unique_ptr<MqttPublisher> publisher;
    if (parser.isSet(mqttOption)) {
        tlr::MqttClient::Settings mqtt;
        mqtt.url = QUrl(parser.value(mqttOption));
        mqtt.clientId = parser.isSet(mqttClientIdOption)
                            ? parser.value(mqttClientIdOption)
                            : QStringLiteral("tlr-feedsim-%1").arg(QCoreApplication::applicationPid());
        const QString protocol = parser.value(mqttProtocolOption);
        if (protocol != u"5" && protocol != u"3.1.1")
            return fail(QStringLiteral("--mqtt-protocol must be 5 or 3.1.1"));
        mqtt.protocol = protocol == u"5" ? tlr::MqttClient::Protocol::Mqtt5
                                         : tlr::MqttClient::Protocol::Mqtt311;
        // What the publisher has not handed over is kept by libmosquitto across reconnects;
        // a session on the broker would add nothing for a publisher at QoS 1.
        mqtt.persistentSession = false;
        mqtt.username = parser.value(mqttUserOption);
        if (parser.isSet(mqttPasswordEnvOption)) {
            const QString variable = parser.value(mqttPasswordEnvOption);
            mqtt.password = qgetenv(variable.toUtf8().constData());
            if (mqtt.password.isEmpty())
                return fail(QStringLiteral("--mqtt-password-env: %1 is not set").arg(variable));
        }
        mqtt.caFile = parser.value(mqttCaOption);
        publisher = std::make_unique<MqttPublisher>(mqtt);
        if (!publisher->open())
            return fail(QStringLiteral("--mqtt: ") + publisher->errorString());
    }

    SteadyClock clock;
    FeedSimulator simulator(*load.bundle, options, clock);
    if (serveWebSocket && !simulator.listen())
        return fail(QStringLiteral("cannot listen: ") + simulator.errorString());
    simulator.setMqttPublisher(publisher.get());

    tlr::SignalWatcher watcher;
    QObject::connect(&watcher, &tlr::SignalWatcher::terminationRequested, &app,
                     &QCoreApplication::quit);
    if (duration > 0)
        QTimer::singleShot(qint64(duration * 1000), &app, &QCoreApplication::quit);
    if (parser.isSet(stdinOption)) {
        auto *stdinWatch = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(stdinWatch, &QSocketNotifier::activated, &app, [stdinWatch] {
            char buffer[256];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
                stdinWatch->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }

    simulator.start();
    if (serveWebSocket)
        printLine(stdout, QStringLiteral("tlr-feedsim listening on ") + simulator.url());
    if (publisher)
        printLine(stdout, QStringLiteral("tlr-feedsim publishing to ") + publisher->url());
    const int status = app.exec();
    simulator.stop();
    // What the report counts as sent must have left: a wall still catching up takes the rest.
    if (simulator.server() && !simulator.server()->drain(30000))
        printLine(stderr, QStringLiteral("tlr-feedsim: a client did not take every frame within 30 s"));

    QJsonObject exitReport = simulator.report();
    if (publisher) {
        // QoS 1 is only as good as its acknowledgements: wait for them (a broker restarting
        // just now gets its time), then say what is still unconfirmed.
        if (!publisher->drain(15000))
            printLine(stderr, QStringLiteral("tlr-feedsim: the broker did not acknowledge every message"));
        publisher->close();
        exitReport.insert(QStringLiteral("mqtt"), publisher->report());
    }
    const QByteArray report = QJsonDocument(exitReport).toJson(QJsonDocument::Compact);
    printLine(stdout, QString::fromUtf8(report));
    if (parser.isSet(reportOption)) {
        QFile file(parser.value(reportOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(report + '\n') < 0)
            return fail(QStringLiteral("cannot write the report: ") + file.errorString());
    }
    return status;
}
