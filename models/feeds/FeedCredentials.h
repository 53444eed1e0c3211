#pragma once

#include "FeedConfig.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

#include <variant>

namespace tlr {

// What a feed connects with: TLS settings (its own CA, its client certificate) and its bearer
// token, read from the files and the environment its FeedConfig names, at each connection so
// that a renewed certificate or token is taken without a restart. An error says which file
// or variable is wrong and never contains a secret.
struct FeedCredentials
{
    QSslConfiguration ssl;
    QByteArray bearerToken; // empty: none configured

    using Result = std::variant<FeedCredentials, QString>;
    static Result load(const FeedConfig &config);

    // "Bearer <token>", for the Authorization header; empty without a token.
    QByteArray authorizationHeader() const;

    // A TLS handshake's errors, said for the feed-health strip: which ca_file did not vouch
    // for the server, or what else was wrong with its certificate.
    static QString describeSslErrors(const QList<QSslError> &errors, const FeedConfig &config);

    // Larger than any token a gateway issues; a bigger "token file" is the wrong file.
    static constexpr qint64 kMaxTokenBytes = 16 * 1024;
};

} // namespace tlr
