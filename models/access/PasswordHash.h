#pragma once

#include <QByteArray>
#include <QString>

namespace tlr {

// A password as the database keeps it: PBKDF2-HMAC-SHA-256 over the UTF-8 of the password
// (NFC), a random salt of its own, and the iteration count it was derived with, so that the
// count can be raised later and old accounts follow at their next login.
struct PasswordHash
{
    // OWASP's 2021 figure for PBKDF2-SHA-256. QPasswordDigestor is about four times slower
    // than OpenSSL's; at this count a login costs ~1 s on a worker thread of the wall PC.
    static constexpr int kDefaultIterations = 310000;
    static constexpr int kMinimumIterations = 1000; // below this a stored hash is refused
    static constexpr int kSaltBytes = 16;
    static constexpr int kKeyBytes = 32;

    QString algorithm; // "pbkdf2-sha256"
    int iterations = 0;
    QByteArray salt;
    QByteArray key;

    static QString pbkdf2Sha256() { return QStringLiteral("pbkdf2-sha256"); }

    // A fresh salt from the system's random source (QRandomGenerator::system()).
    static PasswordHash derive(const QString &password, int iterations = kDefaultIterations);

    // Derives with this hash's salt and count and compares in constant time.
    bool matches(const QString &password) const;

    // A known algorithm, a sane count, salt and key of the right sizes.
    bool isValid() const;
};

} // namespace tlr
