#include "domain/Redaction.h"

#include <catch2/catch.hpp>

using namespace tlr;

TEST_CASE("A URL's password and secret query values are masked - the rest stays readable")
{
    const QUrl url(QStringLiteral("wss://gw:hunter2@gateway.example:8443/feeds/dishub?since=42&token=abc123&Access_Token=xyz"));
    const QString shown = Redaction::url(url);
    CHECK(shown == QStringLiteral("wss://gw:***@gateway.example:8443/feeds/dishub?since=42&token=***&Access_Token=***"));
    CHECK(Redaction::url(QUrl(QStringLiteral("https://a.example/cap.xml?page=2")))
          == QStringLiteral("https://a.example/cap.xml?page=2"));
}

TEST_CASE("Authorization and cookie headers keep their scheme and lose their value")
{
    CHECK(Redaction::headerValue("Authorization", "Bearer eyJhbGciOi.J9") == "Bearer ***");
    CHECK(Redaction::headerValue("proxy-authorization", "Basic dXNlcjpwYXNz") == "Basic ***");
    CHECK(Redaction::headerValue("Cookie", "session=abc") == "***");
    CHECK(Redaction::headerValue("ETag", "\"abc\"") == "\"abc\"");
}

TEST_CASE("Secrets inside free text are masked wherever they appear")
{
    struct Case { const char *in; const char *out; };
    const Case cases[] = {
        {"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "Authorization: Bearer ***"},
        {"authorization=Basic dXNlcjpwYXNz; next", "authorization=Basic ***; next"},
        {"sent Bearer 0123456789abcdef to the gateway", "sent Bearer *** to the gateway"},
        {"Error transferring https://u:pw@x.example/a?token=t0k3n&since=1 - server replied",
         "Error transferring https://u:***@x.example/a?token=***&since=1 - server replied"},
        {R"({"password": "hunter2", "name": "ani"})", R"({"password": "***", "name": "ani"})"},
        {"api_key=AKIA123 region=ap", "api_key=*** region=ap"},
    };
    for (const Case &c : cases) {
        INFO(c.in);
        CHECK(Redaction::text(QString::fromUtf8(c.in)) == QString::fromUtf8(c.out));
    }
}

TEST_CASE("Redaction leaves ordinary sentences and our own error messages alone")
{
    const QString messages[] = {
        QStringLiteral("token missing: environment variable TLR_DISHUB_TOKEN is not set or empty"),
        QStringLiteral("refused by the server (1008): bearer token not accepted"),
        QStringLiteral("TLS: untrusted certificate: the server's is not signed by ca_file /etc/tlr/ca.pem"),
        QStringLiteral("dishub-traffic seq 12 rejected: ngsi-ld: entity 3: unknown type"),
    };
    for (const QString &message : messages)
        CHECK(Redaction::text(message) == message);
}
