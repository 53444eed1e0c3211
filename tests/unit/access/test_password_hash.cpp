#include "access/PasswordHash.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

constexpr int kFast = 1000; // the floor PasswordHash accepts; the real count is tested once

} // namespace

TEST_CASE("A derived password matches itself and nothing else")
{
    const PasswordHash hash = PasswordHash::derive(QStringLiteral("Banjir-Cisadane-2026"), kFast);
    CHECK(hash.isValid());
    CHECK(hash.algorithm == QLatin1String("pbkdf2-sha256"));
    CHECK(hash.iterations == kFast);
    CHECK(hash.salt.size() == 16);
    CHECK(hash.key.size() == 32);
    CHECK(hash.matches(QStringLiteral("Banjir-Cisadane-2026")));
    CHECK_FALSE(hash.matches(QStringLiteral("banjir-cisadane-2026")));
    CHECK_FALSE(hash.matches(QStringLiteral("Banjir-Cisadane-2026 ")));
    CHECK_FALSE(hash.matches(QString()));
}

TEST_CASE("Each derivation has a salt of its own, so equal passwords give different keys")
{
    const PasswordHash a = PasswordHash::derive(QStringLiteral("sama-saja-123"), kFast);
    const PasswordHash b = PasswordHash::derive(QStringLiteral("sama-saja-123"), kFast);
    CHECK(a.salt != b.salt);
    CHECK(a.key != b.key);
    CHECK(a.matches(QStringLiteral("sama-saja-123")));
    CHECK(b.matches(QStringLiteral("sama-saja-123")));
}

TEST_CASE("The key is standard PBKDF2-HMAC-SHA-256 over the password's UTF-8 in NFC")
{
    // Expected from Python: hashlib.pbkdf2_hmac('sha256', 'pässwörd'.encode(),
    // b'0123456789abcdef', 1000).hex()
    PasswordHash hash;
    hash.algorithm = PasswordHash::pbkdf2Sha256();
    hash.iterations = 1000;
    hash.salt = QByteArrayLiteral("0123456789abcdef");
    hash.key = QByteArray::fromHex(
        "29fc5de205445490145b210cf7f2ae07507469016afaa572ac58b8e109f26789");
    REQUIRE(hash.isValid());
    const QString composed = QStringLiteral("p\u00e4ssw\u00f6rd");
    const QString decomposed = QStringLiteral("pa\u0308sswo\u0308rd"); // another input method
    CHECK(hash.matches(composed));
    CHECK(hash.matches(decomposed));
    CHECK_FALSE(hash.matches(QStringLiteral("passwort")));
}

TEST_CASE("A stored hash that is malformed never matches")
{
    PasswordHash hash = PasswordHash::derive(QStringLiteral("rahasia-dinas"), kFast);
    SECTION("unknown algorithm")
    {
        hash.algorithm = QStringLiteral("md5");
    }
    SECTION("too few iterations")
    {
        hash.iterations = 1;
    }
    SECTION("short salt")
    {
        hash.salt.chop(1);
    }
    SECTION("truncated key")
    {
        hash.key.chop(1);
    }
    CHECK_FALSE(hash.isValid());
    CHECK_FALSE(hash.matches(QStringLiteral("rahasia-dinas")));
}

TEST_CASE("The default iteration count is what new passwords get")
{
    const PasswordHash hash = PasswordHash::derive(QStringLiteral("default-count"));
    CHECK(hash.iterations == PasswordHash::kDefaultIterations);
    CHECK(hash.iterations >= 310000);
    CHECK(hash.matches(QStringLiteral("default-count")));
}
