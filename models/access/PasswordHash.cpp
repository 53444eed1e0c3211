#include "PasswordHash.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <array>

namespace tlr {
namespace {

QByteArray pbkdf2(const QString &password, const QByteArray &salt, int iterations)
{
    // NFC: the same password typed on another keyboard layout or input method gives the same
    // bytes (NIST SP 800-63B 5.1.1.2).
    const QByteArray bytes = password.normalized(QString::NormalizationForm_C).toUtf8();
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, bytes, salt,
                                              iterations, PasswordHash::kKeyBytes);
}

// Every byte is looked at whatever the first difference: the time taken says nothing about
// how much of the key matched.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) // the key's length is no secret
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

PasswordHash PasswordHash::derive(const QString &password, int iterations)
{
    std::array<quint32, kSaltBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    PasswordHash hash;
    hash.algorithm = pbkdf2Sha256();
    hash.iterations = iterations;
    hash.salt = QByteArray(reinterpret_cast<const char *>(words.data()), kSaltBytes);
    hash.key = pbkdf2(password, hash.salt, iterations);
    return hash;
}

bool PasswordHash::matches(const QString &password) const
{
    if (!isValid())
        return false;
    return equalInConstantTime(pbkdf2(password, salt, iterations), key);
}

bool PasswordHash::isValid() const
{
    return algorithm == pbkdf2Sha256() && iterations >= kMinimumIterations &&
           salt.size() == kSaltBytes && key.size() == kKeyBytes;
}

} // namespace tlr
