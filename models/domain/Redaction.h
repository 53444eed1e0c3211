#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QUrl>

// Secrets out of everything that is logged or shown: tokens, passwords in URLs, Authorization
// headers. Every place that logs a URL, a header or a network error text goes through here.
namespace tlr::Redaction {

inline constexpr QStringView kMask = u"***";

// A query item or field with this name carries a secret (token, access_token, password…).
bool isSecretName(QStringView name);
// The URL for a log line: its password and the values of secret query items masked.
QString url(const QUrl &url);
// A header's value for a log line: Authorization, Cookie and the like masked, with the
// scheme kept ("Bearer ***"), others as they are.
QByteArray headerValue(const QByteArray &name, const QByteArray &value);
// Free text (an error string, a log message): the same rules applied to what it contains.
QString text(const QString &text);

} // namespace tlr::Redaction
