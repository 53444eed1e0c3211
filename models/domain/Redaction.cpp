#include "Redaction.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace tlr::Redaction {
namespace {

// Sorted, lower case: names whose values are secrets wherever they appear.
constexpr QStringView kSecretNames[] = {
    u"access_token", u"api_key",  u"apikey",   u"auth",         u"authorization",
    u"client_secret", u"passwd",  u"password", u"refresh_token", u"secret",
    u"sig",          u"signature", u"token",
};

// For name=value and "name": "value" in free text; Authorization has a pattern of its own,
// which keeps the scheme.
const QString kSecretNamePattern = QStringLiteral(
    "access_token|api_?key|auth|client_secret|passwd|password|refresh_token|secret|sig|signature|token");

// Replaces every match by what `replacement` makes of it.
template<typename Replacement>
QString replaceEach(const QString &text, const QRegularExpression &pattern, Replacement replacement)
{
    QString out;
    qsizetype from = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(from, match.capturedStart() - from);
        out += replacement(match);
        from = match.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

} // namespace

bool isSecretName(QStringView name)
{
    const QString lower = name.toString().toLower();
    return std::binary_search(std::begin(kSecretNames), std::end(kSecretNames), QStringView(lower));
}

QString url(const QUrl &url)
{
    QUrl shown = url;
    if (!shown.password().isEmpty())
        shown.setPassword(kMask.toString());
    if (shown.hasQuery()) {
        QUrlQuery query(shown);
        auto items = query.queryItems(QUrl::FullyEncoded);
        for (auto &item : items) {
            if (isSecretName(QUrl::fromPercentEncoding(item.first.toUtf8())))
                item.second = kMask.toString();
        }
        query.setQueryItems(items);
        shown.setQuery(query);
    }
    return shown.toString();
}

QByteArray headerValue(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    if (lower != "authorization" && lower != "proxy-authorization" && lower != "cookie"
        && lower != "set-cookie" && !isSecretName(QString::fromLatin1(lower))) {
        return value;
    }
    const qsizetype space = value.indexOf(' ');
    // Keep the scheme: "Bearer ***" says which kind of credential was sent, not which one.
    if (space > 0 && (lower == "authorization" || lower == "proxy-authorization"))
        return value.left(space + 1) + kMask.toLatin1();
    return kMask.toLatin1();
}

QString text(const QString &input)
{
    static const QRegularExpression urlPassword(
        QStringLiteral(R"re(\b([a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]*:)[^@\s/]*@)re"));
    static const QRegularExpression authorizationHeader(
        QStringLiteral(R"re((?i)\b((?:proxy-)?authorization"?\s*[:=]\s*"?)(?:(bearer|basic|token|digest)\s+)?[^\s",;]+)re"));
    static const QRegularExpression bearer(
        QStringLiteral(R"re(\b(Bearer|bearer|BEARER)\s+[A-Za-z0-9\-._~+/]{8,}=*)re"));
    // name=value as in a query string or a form; "name": "value" as in JSON.
    static const QRegularExpression assignment(
        QStringLiteral(R"re((?i)\b(%1)=[^&\s#"',;]*)re").arg(kSecretNamePattern));
    static const QRegularExpression jsonField(
        QStringLiteral(R"re((?i)"(%1)"\s*:\s*"[^"]*")re").arg(kSecretNamePattern));

    QString out = input;
    out.replace(urlPassword, QStringLiteral("\\1***@"));
    out = replaceEach(out, authorizationHeader, [](const QRegularExpressionMatch &m) {
        const QString scheme = m.captured(2);
        return m.captured(1) + (scheme.isEmpty() ? QString() : scheme + u' ') + kMask.toString();
    });
    out.replace(bearer, QStringLiteral("\\1 ***"));
    out.replace(assignment, QStringLiteral("\\1=***"));
    out.replace(jsonField, QStringLiteral("\"\\1\": \"***\""));
    return out;
}

} // namespace tlr::Redaction
