#pragma once

#include "parsing/ParseResult.h"

#include <QFile>
#include <QString>

#include <catch2/catch.hpp>

namespace tlr::test {

// Fixtures live in tests/data/<source>/, named after the case they pin down.
inline QByteArray fixture(const QString &relativePath)
{
    QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/") + relativePath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

inline const ParseProblem *findProblem(const ParseResult &result, const QString &path)
{
    for (const auto &problem : result.problems) {
        if (problem.path == path)
            return &problem;
    }
    return nullptr;
}

inline QString describe(const ParseResult &result)
{
    QStringList lines;
    for (const auto &problem : result.problems)
        lines << problem.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace tlr::test

// Catch2 prints QStrings through this.
inline std::ostream &operator<<(std::ostream &os, const QString &value)
{
    return os << value.toStdString();
}
