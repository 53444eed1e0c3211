#include "InternedStrings.h"

namespace tlr {

QString InternedStrings::latin1(std::string_view latin1)
{
    const qsizetype size = qsizetype(latin1.size());
    if (size == 0) // null for no text, empty for "": as QString::fromLatin1 tells them apart
        return QString::fromLatin1(latin1.data(), 0);
    // A lookup key over the caller's bytes, not a copy of them.
    const QByteArray key = QByteArray::fromRawData(latin1.data(), size);
    if (const auto found = m_strings.constFind(key); found != m_strings.cend())
        return *found;
    if (m_strings.size() >= m_capacity)
        m_strings.clear();
    QString text = QString::fromLatin1(latin1.data(), size);
    m_strings.insert(QByteArray(latin1.data(), size), text);
    return text;
}

QString InternedStrings::shared(const QString &text)
{
    if (text.isEmpty())
        return text;
    if (const auto found = m_texts.constFind(text); found != m_texts.cend())
        return *found;
    if (m_texts.size() >= m_capacity)
        m_texts.clear();
    m_texts.insert(text);
    return text;
}

} // namespace tlr
