#include "DatabaseUrl.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace tlr {

bool DatabaseUrl::isPostgres(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::variant<DatabaseUrl, DatabaseUrl::Error> DatabaseUrl::parse(const QString &text)
{
    const auto fail = [](const QString &why) {
        return Error{QStringLiteral("--db %1").arg(why)};
    };
    if (!isPostgres(text))
        return fail(QStringLiteral("is not a postgresql:// URL"));
    // Checked first, on the text itself (a URL too broken for QUrl may still hold one), and the
    // password is never repeated in the message.
    const QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    const QString userInfo = rest.contains(u'@') ? rest.section(u'@', 0, -2) : QString();
    if (userInfo.contains(u':')) {
        return fail(QStringLiteral(
            "must not contain a password: a command line is readable by every user of the "
            "machine. Give it in PGPASSWORD or ~/.pgpass (host:port:dbname:user:password, "
            "mode 0600) and use postgresql://user@host:port/dbname"));
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) // QUrl's own message repeats the text: not shown
        return fail(QStringLiteral("is not a valid URL: postgresql://user@host:port/dbname"));
    if (url.hasFragment())
        return fail(QStringLiteral("takes no #fragment: postgresql://user@host:port/dbname"));
    DatabaseUrl result;
    static const QStringList kSslModes = {
        QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
        QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (name == QLatin1String("sslmode")) {
            if (!kSslModes.contains(value))
                return fail(QStringLiteral("sslmode must be one of %1")
                                .arg(kSslModes.join(QStringLiteral(", "))));
            result.sslMode = value;
        } else if (name == QLatin1String("sslrootcert")) {
            // QPSQL joins its options with spaces: a path with one, a quote or a ';' would
            // spill into the next option.
            static const QRegularExpression unsafe(QStringLiteral("[\\s;'\"\\\\]"));
            if (!QDir::isAbsolutePath(value) || value.contains(unsafe))
                return fail(QStringLiteral("sslrootcert must be an absolute path without spaces, "
                                           "quotes or ';'"));
            result.sslRootCert = value;
        } else {
            return fail(QStringLiteral("takes only the options sslmode and sslrootcert "
                                       "(postgresql://user@host:port/dbname?sslmode=verify-full"
                                       "&sslrootcert=/etc/tlr/room-ca.pem), not %1")
                            .arg(name));
        }
    }
    result.user = url.userName();
    result.host = url.host();
    result.port = url.port(5432);
    result.databaseName = url.path().mid(1);
    if (result.user.isEmpty())
        return fail(QStringLiteral("needs a user: postgresql://user@host:port/dbname"));
    if (result.host.isEmpty())
        return fail(QStringLiteral("needs a host: postgresql://user@host:port/dbname"));
    if (result.databaseName.isEmpty() || result.databaseName.contains(u'/'))
        return fail(QStringLiteral("needs one database name: postgresql://user@host:port/dbname"));
    return result;
}

QString DatabaseUrl::toString() const
{
    QString text =
        QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    if (!query.isEmpty())
        text += u'?' + query.toString();
    return text;
}

QString DatabaseUrl::connectOptions() const
{
    QStringList options;
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + sslRootCert;
    return options.join(u';');
}

} // namespace tlr
