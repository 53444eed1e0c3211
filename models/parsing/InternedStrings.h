#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <string_view>

namespace tlr {

// The same few hundred strings arrive in every message of a feed: entity ids, types, names,
// quantity names, units, kecamatan. Handing out one shared QString per distinct text saves an
// allocation on the parsing thread and a free on the store's for each of them, and keeps the
// queue between the two small.
//
// Bounded: when a feed sends more distinct texts than `capacity` (a name that changes with
// every message), the pool starts again rather than growing.
class InternedStrings
{
public:
    explicit InternedStrings(qsizetype capacity = 4096) : m_capacity(capacity) {}

    // `latin1` as a QString, shared with every earlier call for the same bytes.
    QString latin1(std::string_view latin1);

    // `text` itself, or the equal QString handed out before: for texts that arrive already
    // decoded, each in an allocation of its own, and are kept long.
    QString shared(const QString &text);

    qsizetype size() const { return m_strings.size() + m_texts.size(); }

private:
    qsizetype m_capacity;
    QHash<QByteArray, QString> m_strings;
    QSet<QString> m_texts;
};

} // namespace tlr
