#pragma once

#include <QString>
#include <QStringView>

#include <algorithm>
#include <iterator>
#include <optional>

namespace tlr {

// String <-> enum look-up over a constexpr table sorted by key, as wire formats spell their
// enumerations. Declare tables with static_assert(isSortedTable(table)) beside them: the look-up
// is a binary search and silently misses keys of an unsorted table.
template<typename Enum>
struct EnumEntry
{
    const char16_t *key;
    Enum value;
};

constexpr bool keyLess(const char16_t *a, const char16_t *b)
{
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    return *a < *b;
}

template<typename Enum, std::size_t N>
constexpr bool isSortedTable(const EnumEntry<Enum> (&table)[N])
{
    for (std::size_t i = 1; i < N; ++i) {
        if (!keyLess(table[i - 1].key, table[i].key))
            return false;
    }
    return true;
}

template<typename Enum, std::size_t N>
std::optional<Enum> enumFromKey(const EnumEntry<Enum> (&table)[N], QStringView key,
                                Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    if (cs == Qt::CaseSensitive) {
        const auto it = std::lower_bound(
            std::begin(table), std::end(table), key,
            [](const EnumEntry<Enum> &e, QStringView k) { return QStringView(e.key) < k; });
        if (it != std::end(table) && QStringView(it->key) == key)
            return it->value;
        return std::nullopt;
    }
    for (const auto &entry : table) {
        if (QStringView(entry.key).compare(key, Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QString enumKey(const EnumEntry<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromUtf16(entry.key);
    }
    return QStringLiteral("unknown");
}

} // namespace tlr
