#include "ServerCredentials.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace tlr::feedsim {

ServerCredentials::TlsResult ServerCredentials::loadTls(const QString &certificateFile,
                                                        const QString &keyFile,
                                                        const QString &clientCaFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return QStringLiteral("--tls-cert %1: no PEM certificate could be read").arg(certificateFile);
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("--tls-key %1: %2").arg(keyFile, file.errorString());
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return QStringLiteral("--tls-key %1: no unencrypted PEM RSA or EC key").arg(keyFile);

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!clientCaFile.isEmpty()) {
        const QList<QSslCertificate> clientCas = QSslCertificate::fromPath(clientCaFile, QSsl::Pem);
        if (clientCas.isEmpty())
            return QStringLiteral("--tls-client-ca %1: no PEM certificate could be read").arg(clientCaFile);
        ssl.setCaCertificates(clientCas);
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }
    return ssl;
}

ServerCredentials::TokenResult ServerCredentials::tokenFromEnvironment(const QString &variable)
{
    const QByteArray token = qgetenv(variable.toUtf8().constData()).trimmed();
    if (token.isEmpty())
        return QStringLiteral("--token-env: %1 is not set or empty").arg(variable);
    return token;
}

ServerCredentials::TokenResult ServerCredentials::tokenFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("--token-file %1: %2").arg(path, file.errorString());
    const QByteArray token = file.read(16 * 1024).trimmed();
    if (token.isEmpty() || token.contains('\n'))
        return QStringLiteral("--token-file %1: expected one line, the token").arg(path);
    return token;
}

} // namespace tlr::feedsim
