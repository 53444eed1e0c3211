#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

#include <variant>

namespace tlr::feedsim {

// What the simulator serves wss:// with and which bearer token it asks of clients, read from
// files and the environment (never from the command line, where `ps` shows it).
class ServerCredentials
{
public:
    using TlsResult = std::variant<QSslConfiguration, QString>;
    using TokenResult = std::variant<QByteArray, QString>;

    // certificateFile and keyFile: PEM. clientCaFile, when given: clients must present a
    // certificate that CA signed.
    static TlsResult loadTls(const QString &certificateFile, const QString &keyFile,
                             const QString &clientCaFile);
    static TokenResult tokenFromEnvironment(const QString &variable);
    static TokenResult tokenFromFile(const QString &path);
};

} // namespace tlr::feedsim
