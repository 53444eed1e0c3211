#include "parsing/ParseHelpers.h"

#include <catch2/catch.hpp>

using tlr::parsing::isPlainAsciiWithoutEscapes;

namespace {

// What the word-at-a-time check must agree with, byte by byte.
bool plainByBytes(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\\')
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("Plain ASCII: a backslash or a byte over 0x7f anywhere is found")
{
    CHECK(isPlainAsciiWithoutEscapes(QByteArray()));
    CHECK(isPlainAsciiWithoutEscapes(R"({"feed":"dishub-traffic","seq":1})"));
    // Every length around the eight-byte words, every position, each of the bytes that matter
    // and their neighbours (0x5b, 0x5d, 0x7f, 0xdc: 0x5c with its top bit set, 0xff).
    for (int length = 1; length <= 33; ++length) {
        for (int at = 0; at < length; ++at) {
            for (const char c : {'\\', '[', ']', '\x7f', '\xdc', '\x80', '\xff', '\0'}) {
                QByteArray bytes(length, 'a');
                bytes[at] = c;
                INFO("length " << length << ", byte " << int(static_cast<unsigned char>(c))
                               << " at " << at);
                CHECK(isPlainAsciiWithoutEscapes(bytes) == plainByBytes(bytes));
            }
        }
    }
}
