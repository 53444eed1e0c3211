#include "FeedsFileReader.h"

#include "domain/EnumTable.h"
#include "domain/Redaction.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <functional>
#include <optional>

#include <cmath>
#include <optional>

namespace tlr {
namespace {

constexpr EnumEntry<FeedConfig::Transport> kTransports[] = {
    {u"http", FeedConfig::Transport::Http},
    {u"mqtt", FeedConfig::Transport::Mqtt},
    {u"ws", FeedConfig::Transport::WebSocket},
};
static_assert(isSortedTable(kTransports));

QString substitute(QString text, const QHash<QString, QString> &variables)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)\})"));
    QRegularExpressionMatch match;
    qsizetype from = 0;
    while ((match = placeholder.match(text, from)).hasMatch()) {
        const QString name = match.captured(1);
        const QString value = variables.contains(name) ? variables.value(name)
                                                       : qEnvironmentVariable(name.toUtf8().constData());
        text.replace(match.capturedStart(), match.capturedLength(), value);
        from = match.capturedStart() + value.size();
    }
    return text;
}

// Keys that would put a secret into the feeds file itself, which is kept, copied and shown.
constexpr QLatin1String kSecretKeys[] = {
    QLatin1String("authorization"), QLatin1String("bearer"), QLatin1String("password"),
    QLatin1String("secret"), QLatin1String("token"),
};

// The TLS and token fields of one feed: file names and variable names only.
std::optional<std::pair<QString, QString>> readSecurity(const QJsonObject &o, const QUrl &url,
                                                       const std::function<QString(const char *)> &field,
                                                       FeedConfig &feed)
{
    for (const QLatin1String key : kSecretKeys) {
        if (o.contains(key)) {
            return std::pair{field(key.data()),
                             QStringLiteral("must not hold a secret: name it with token_env or "
                                            "token_file")};
        }
    }
    if (!url.userInfo().isEmpty()) {
        return std::pair{field("url"), QStringLiteral("must not carry a user or password; use "
                                                      "token_env or token_file")};
    }
    for (const auto &item : QUrlQuery(url).queryItems()) {
        if (Redaction::isSecretName(item.first)) {
            return std::pair{field("url"), QStringLiteral("must not carry a secret (%1=); use token_env "
                                                          "or token_file").arg(item.first)};
        }
    }
    const char *stringKeys[] = {"token_env", "token_file", "ca_file", "client_cert", "client_key"};
    for (const char *key : stringKeys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && (!v.isString() || v.toString().isEmpty()))
            return std::pair{field(key), QStringLiteral("expected a non-empty string")};
    }
    feed.tokenEnv = o.value(QLatin1String("token_env")).toString();
    feed.tokenFile = o.value(QLatin1String("token_file")).toString();
    feed.caFile = o.value(QLatin1String("ca_file")).toString();
    feed.clientCertFile = o.value(QLatin1String("client_cert")).toString();
    feed.clientKeyFile = o.value(QLatin1String("client_key")).toString();
    if (!feed.tokenEnv.isEmpty() && !feed.tokenFile.isEmpty())
        return std::pair{field("token_file"), QStringLiteral("and token_env: give one of them")};
    static const QRegularExpression variableName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!feed.tokenEnv.isEmpty() && !variableName.match(feed.tokenEnv).hasMatch()) {
        return std::pair{field("token_env"),
                         QStringLiteral("expected the name of an environment variable, not a token")};
    }
    if (feed.clientCertFile.isEmpty() != feed.clientKeyFile.isEmpty()) {
        return std::pair{field(feed.clientCertFile.isEmpty() ? "client_cert" : "client_key"),
                         QStringLiteral("is needed too: a client certificate goes with its key")};
    }
    const bool tls = url.scheme() == u"wss" || url.scheme() == u"https" || url.scheme() == u"mqtts";
    if (!tls && (!feed.caFile.isEmpty() || !feed.clientCertFile.isEmpty())) {
        return std::pair{field(feed.caFile.isEmpty() ? "client_cert" : "ca_file"),
                         QStringLiteral("needs a wss://, https:// or mqtts:// url")};
    }
    return std::nullopt;
}

bool schemeFits(FeedConfig::Transport transport, const QString &scheme)
{
    switch (transport) {
    case FeedConfig::Transport::WebSocket:
        return scheme == u"ws" || scheme == u"wss";
    case FeedConfig::Transport::Http:
        return scheme == u"http" || scheme == u"https" || scheme == u"file";
    case FeedConfig::Transport::Mqtt:
        return scheme == u"mqtt" || scheme == u"mqtts";
    case FeedConfig::Transport::Unknown:
        break;
    }
    return false;
}

QString expectedUrl(FeedConfig::Transport transport)
{
    switch (transport) {
    case FeedConfig::Transport::WebSocket:
        return QStringLiteral("expected a ws:// or wss:// URL");
    case FeedConfig::Transport::Mqtt:
        return QStringLiteral("expected an mqtt:// or mqtts:// URL (the broker)");
    default:
        return QStringLiteral("expected an http://, https:// or file:// URL");
    }
}

// The "mqtt" object of an MQTT feed; an error names the field under it.
std::optional<std::pair<QString, QString>> readMqtt(const QJsonValue &value, const FeedConfig &feed,
                                                    const QHash<QString, QString> &variables,
                                                    FeedConfig::Mqtt &mqtt)
{
    if (!value.isUndefined() && !value.isObject())
        return std::pair{QString(), QStringLiteral("expected an object")};
    const QJsonObject o = value.toObject();
    static const QSet<QString> known = {QStringLiteral("topic"), QStringLiteral("client_id"),
                                        QStringLiteral("protocol"), QStringLiteral("session_expiry_seconds"),
                                        QStringLiteral("username"), QStringLiteral("password_env"),
                                        QStringLiteral("password_file")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"password")
            return std::pair{it.key(), QStringLiteral("is not read from a feeds file: name a variable (password_env) or a file (password_file)")};
        if (!known.contains(it.key()))
            return std::pair{it.key(), QStringLiteral("is not a known field")};
        if (it.key() != u"session_expiry_seconds" && !it.value().isString())
            return std::pair{it.key(), QStringLiteral("expected a string")};
    }
    mqtt.topic = o.value(QLatin1String("topic")).toString();
    if (mqtt.topic.isEmpty())
        mqtt.topic = QStringLiteral("tlr/%1/%2/messages").arg(agencyKey(feed.agency), feed.id);
    if (mqtt.topic.contains(u'#') || mqtt.topic.contains(u'+'))
        return std::pair{QStringLiteral("topic"), QStringLiteral("must name one feed's topic, without wildcards")};
    // One session per console and feed: the broker keeps what the console missed under it.
    const QString console = substitute(o.value(QLatin1String("client_id")).toString(), variables);
    mqtt.clientId = (console.isEmpty() ? QStringLiteral("tlr-wall-") + QHostInfo::localHostName() : console)
                    + u'-' + feed.id;
    const QString protocol = o.value(QLatin1String("protocol")).toString(QStringLiteral("5"));
    if (protocol != u"5" && protocol != u"3.1.1")
        return std::pair{QStringLiteral("protocol"), QStringLiteral("expected \"5\" or \"3.1.1\"")};
    mqtt.mqtt5 = protocol == u"5";
    const QJsonValue expiry = o.value(QLatin1String("session_expiry_seconds"));
    if (!expiry.isUndefined()) {
        const double seconds = expiry.toDouble(-1);
        if (!expiry.isDouble() || seconds < 60 || seconds > 4294967295.0 || seconds != std::floor(seconds))
            return std::pair{QStringLiteral("session_expiry_seconds"), QStringLiteral("expected an integer from 60 to 4294967295")};
        mqtt.sessionExpirySeconds = quint32(seconds);
    }
    mqtt.username = o.value(QLatin1String("username")).toString();
    mqtt.passwordEnv = o.value(QLatin1String("password_env")).toString();
    mqtt.passwordFile = o.value(QLatin1String("password_file")).toString();
    if (!mqtt.passwordEnv.isEmpty() && !mqtt.passwordFile.isEmpty())
        return std::pair{QStringLiteral("password_env"), QStringLiteral("and password_file: name one of them")};
    return std::nullopt;
}

} // namespace

QString FeedsFileReader::Error::toString() const
{
    return QStringLiteral("%1: %2 %3").arg(fileName, field.isEmpty() ? QStringLiteral("feeds file") : field, message);
}

FeedsFileReader::Result FeedsFileReader::read(const QByteArray &json, const QString &fileName,
                                              const QHash<QString, QString> &variables)
{
    auto fail = [&](const QString &field, const QString &message) {
        return Error{fileName, field, message};
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail({}, QStringLiteral("is not valid JSON: %1 at offset %2")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
    }
    const QJsonValue feeds = document.object().value(QLatin1String("feeds"));
    if (!document.isObject() || !feeds.isArray())
        return fail(QStringLiteral("feeds"), QStringLiteral("expected {\"feeds\": [ … ]}"));

    FeedsFile result;
    QSet<QString> ids;
    const QJsonArray entries = feeds.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = QStringLiteral("feeds[%1]").arg(i);
        const QJsonObject o = entries.at(i).toObject();
        if (!entries.at(i).isObject())
            return fail(path, QStringLiteral("expected an object"));
        auto field = [&](const char *key) { return path + u'.' + QLatin1String(key); };
        auto requireString = [&](const char *key) -> std::optional<QString> {
            const QJsonValue v = o.value(QLatin1String(key));
            if (!v.isString() || v.toString().isEmpty())
                return std::nullopt;
            return v.toString();
        };

        FeedConfig feed;
        const auto id = requireString("id");
        if (!id)
            return fail(field("id"), QStringLiteral("is required (a non-empty string)"));
        if (ids.contains(*id))
            return fail(field("id"), QStringLiteral("\"%1\" is used twice").arg(*id));
        ids.insert(*id);
        feed.id = *id;

        const auto agency = agencyFromKey(requireString("agency").value_or(QString()));
        if (!agency)
            return fail(field("agency"), QStringLiteral("expected one of dishub, dinkes, tirtabenteng, dlh, 112"));
        feed.agency = *agency;

        const auto kind = feedKindFromKey(requireString("kind").value_or(QString()));
        if (!kind)
            return fail(field("kind"), QStringLiteral("expected one of traffic, health, water, environment, emergency"));
        feed.kind = *kind;

        const auto transport = enumFromKey(kTransports, requireString("transport").value_or(QString()));
        if (!transport)
            return fail(field("transport"), QStringLiteral("expected ws, http or mqtt"));
        feed.transport = *transport;

        const QUrl url(substitute(requireString("url").value_or(QString()), variables));
        if (!url.isValid() || !schemeFits(feed.transport, url.scheme()))
            return fail(field("url"), expectedUrl(feed.transport));
        feed.url = url;

        const QString format = requireString("format").value_or(QStringLiteral("auto"));
        if (format != u"auto") {
            const auto parsed = payloadFormatFromKey(format);
            if (!parsed || *parsed == PayloadFormat::Heartbeat)
                return fail(field("format"), QStringLiteral("expected auto, ngsi-ld, cap, geojson or tlr.report"));
            feed.format = *parsed;
        }

        const QJsonValue poll = o.value(QLatin1String("poll_seconds"));
        if (!poll.isUndefined()) {
            if (!poll.isDouble() || poll.toInt(-1) < 5 || poll.toInt(-1) > 86400)
                return fail(field("poll_seconds"), QStringLiteral("expected an integer from 5 to 86400"));
            feed.pollSeconds = poll.toInt();
        }
        const QJsonValue stale = o.value(QLatin1String("stale_seconds"));
        if (!stale.isUndefined()) {
            if (!stale.isDouble() || stale.toInt(-1) < 1 || stale.toInt(-1) > 86400)
                return fail(field("stale_seconds"), QStringLiteral("expected an integer from 1 to 86400"));
            feed.staleSeconds = stale.toInt();
        } else if (feed.transport == FeedConfig::Transport::Http) {
            feed.staleSeconds = 3 * feed.pollSeconds;
        }
        const QJsonValue rate = o.value(QLatin1String("max_messages_per_second"));
        if (!rate.isUndefined()) {
            if (!rate.isDouble() || rate.toInt(-1) < 0 || rate.toInt(-1) > 1000000)
                return fail(field("max_messages_per_second"),
                            QStringLiteral("expected an integer from 0 (no limit) to 1000000"));
            feed.maxMessagesPerSecond = rate.toInt();
        }
        if (const auto error = readSecurity(o, url, field, feed))
            return fail(error->first, error->second);
        if (feed.transport == FeedConfig::Transport::Mqtt) {
            if (auto problem = readMqtt(o.value(QLatin1String("mqtt")), feed, variables, feed.mqtt)) {
                const QString name = QStringLiteral("mqtt") + (problem->first.isEmpty() ? QString() : u'.' + problem->first);
                return fail(field(name.toLatin1().constData()), problem->second);
            }
        } else if (o.contains(QLatin1String("mqtt"))) {
            return fail(field("mqtt"), QStringLiteral("is for transport mqtt only"));
        }
        result.feeds.append(feed);
    }
    if (result.feeds.isEmpty())
        return fail(QStringLiteral("feeds"), QStringLiteral("lists no feed"));
    return result;
}

FeedsFileReader::Result FeedsFileReader::readFile(const QString &path,
                                                  const QHash<QString, QString> &variables)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    constexpr qint64 kMaxFeedsFileBytes = 4 * 1024 * 1024;
    const QByteArray json = file.read(kMaxFeedsFileBytes + 1);
    if (json.size() > kMaxFeedsFileBytes)
        return Error{path, {}, QStringLiteral("is larger than 4 MB; not a feeds file")};
    return read(json, path, variables);
}

QString FeedsFileReader::demoFeedsPath() { return QStringLiteral(":/feeds/demo.json"); }

} // namespace tlr
