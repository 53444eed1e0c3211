#pragma once

#include "domain/Agency.h"
#include "parsing/Envelope.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace tlr {

// One subscription as a feeds file describes it (docs/feeds.md).
struct FeedConfig
{
    enum class Transport { Unknown, WebSocket, Http, Mqtt };

    // What an MQTT feed needs beyond its url (mqtt:// or mqtts://) and ca_file (docs/feeds.md).
    struct Mqtt
    {
        QString topic;          // default tlr/<agency>/<id>/messages
        QString clientId;       // this console's session on the broker: stable, unique per console
        bool mqtt5 = true;      // MQTT 5, or 3.1.1
        quint32 sessionExpirySeconds = 7 * 24 * 3600; // MQTT 5: how long the broker keeps a session away
        QString username;
        QString passwordEnv;    // the name of an environment variable holding the password
        QString passwordFile;   // or a file whose first line is the password
    };

    QString id;
    Agency agency = Agency::Unknown;
    FeedKind kind = FeedKind::Unknown;
    Transport transport = Transport::Unknown;
    QUrl url;
    // What the messages carry; Unknown means "auto": detected per document.
    PayloadFormat format = PayloadFormat::Unknown;
    int pollSeconds = 60;       // HTTP only
    int staleSeconds = 15;      // no message for this long: stale; 4x: down
    // Over this many data messages a second on average (bursts of burstSeconds' worth pass),
    // a message is rejected unparsed: one runaway source cannot starve the others or fill
    // memory. 0: no limit.
    int maxMessagesPerSecond = 1000;
    int burstSeconds = 10;
    // Secrets never sit in the feeds file: a bearer token comes from the environment variable
    // tokenEnv names or from the file tokenFile names (FeedCredentials reads them).
    QString tokenEnv;
    QString tokenFile;
    QString caFile;             // PEM CA(s) trusted for this feed alone, instead of the system's
    QString clientCertFile;     // PEM certificate presented to the server, with its key
    QString clientKeyFile;
    Mqtt mqtt;                  // transport mqtt only
};

struct FeedsFile
{
    QList<FeedConfig> feeds;
};

} // namespace tlr
