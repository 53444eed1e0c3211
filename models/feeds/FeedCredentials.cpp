#include "FeedCredentials.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslError>
#include <QSslKey>

Q_LOGGING_CATEGORY(lcCredentials, "tlr.feeds.credentials")

namespace tlr {
namespace {

std::variant<QByteArray, QString> readBearerToken(const FeedConfig &config)
{
    if (!config.tokenEnv.isEmpty()) {
        const QByteArray token = qgetenv(config.tokenEnv.toUtf8().constData()).trimmed();
        if (token.isEmpty())
            return QStringLiteral("token missing: environment variable %1 is not set or empty").arg(config.tokenEnv);
        return token;
    }
    if (config.tokenFile.isEmpty())
        return QByteArray();
    QFile file(config.tokenFile);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("token missing: token_file %1 cannot be read: %2").arg(config.tokenFile, file.errorString());
    if (file.size() > FeedCredentials::kMaxTokenBytes)
        return QStringLiteral("token_file %1 is over %2 bytes; not a token").arg(config.tokenFile).arg(FeedCredentials::kMaxTokenBytes);
    const QByteArray token = file.readAll().trimmed();
    if (token.isEmpty())
        return QStringLiteral("token missing: token_file %1 is empty").arg(config.tokenFile);
    if (token.contains('\n') || token.contains('\r'))
        return QStringLiteral("token_file %1 holds more than one line").arg(config.tokenFile);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (file.permissions() & others) {
        // Said, not refused: the operator may have reasons (a group of services), but should know.
        qCWarning(lcCredentials).noquote() << config.id << "token_file" << config.tokenFile
                                           << "is readable by others than its owner (chmod 600 it)";
    }
    return token;
}

} // namespace

FeedCredentials::Result FeedCredentials::load(const FeedConfig &config)
{
    FeedCredentials credentials;
    credentials.ssl = QSslConfiguration::defaultConfiguration();
    if (!config.caFile.isEmpty()) {
        if (!QFileInfo(config.caFile).isReadable())
            return QStringLiteral("ca_file %1 cannot be read").arg(config.caFile);
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(config.caFile, QSsl::Pem);
        if (certificates.isEmpty())
            return QStringLiteral("ca_file %1: no PEM certificate could be read").arg(config.caFile);
        // Only the feed's own CA: a gateway's certificate from any other issuer is refused.
        credentials.ssl.setCaCertificates(certificates);
    }
    if (!config.clientCertFile.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(config.clientCertFile, QSsl::Pem);
        if (chain.isEmpty())
            return QStringLiteral("client_cert %1: no PEM certificate could be read").arg(config.clientCertFile);
        QFile keyFile(config.clientKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return QStringLiteral("client_key %1 cannot be read: %2").arg(config.clientKeyFile, keyFile.errorString());
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            return QStringLiteral("client_key %1: no unencrypted PEM RSA or EC key").arg(config.clientKeyFile);
        credentials.ssl.setLocalCertificateChain(chain);
        credentials.ssl.setPrivateKey(key);
    }
    auto token = readBearerToken(config);
    if (auto *error = std::get_if<QString>(&token))
        return *error;
    credentials.bearerToken = std::get<QByteArray>(token);
    return credentials;
}

QByteArray FeedCredentials::authorizationHeader() const
{
    return bearerToken.isEmpty() ? QByteArray() : "Bearer " + bearerToken;
}

QString FeedCredentials::describeSslErrors(const QList<QSslError> &errors, const FeedConfig &config)
{
    QStringList said;
    bool untrusted = false;
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            untrusted = true;
            break;
        default:
            if (!said.contains(error.errorString()))
                said.append(error.errorString());
        }
    }
    if (untrusted) {
        said.prepend(config.caFile.isEmpty()
                         ? QStringLiteral("untrusted certificate: the server's is not signed by a CA this system trusts")
                         : QStringLiteral("untrusted certificate: the server's is not signed by ca_file %1").arg(config.caFile));
    }
    return QStringLiteral("TLS: ") + said.join(QStringLiteral("; "));
}

} // namespace tlr
