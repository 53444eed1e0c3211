#pragma once

#include "parsing/ParseContext.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

namespace tlr::fuzz {

// Every log line is still formatted (the formatting is code under test too) but not printed:
// writing them to stderr would slow a run down a hundredfold.
inline void silenceLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("tlr.*=true"));
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A fixed clock: the same input must take the same path in every run, or a crash would not
// reproduce.
inline ParseContext context()
{
    ParseContext context;
    context.feedId = QStringLiteral("fuzz");
    context.now = QDateTime(QDate(2026, 1, 15), QTime(12, 0), QTimeZone::utc());
    return context;
}

} // namespace tlr::fuzz
