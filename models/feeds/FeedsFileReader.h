#pragma once

#include "FeedConfig.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace tlr {

// Reads a feeds file ({"feeds": [ … ]}); an error names the file, the field and what was
// expected. "${VAR}" in a url is replaced from `variables` (the demo uses ${DEMO_PORT}).
class FeedsFileReader
{
public:
    struct Error
    {
        QString fileName;
        QString field;
        QString message;
        QString toString() const;
    };
    using Result = std::variant<FeedsFile, Error>;

    static Result read(const QByteArray &json, const QString &fileName,
                       const QHash<QString, QString> &variables = {});
    static Result readFile(const QString &path, const QHash<QString, QString> &variables = {});
    static QString demoFeedsPath();
};

} // namespace tlr
