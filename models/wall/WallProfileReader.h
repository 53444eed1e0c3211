#pragma once

#include "WallProfile.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace tlr {

// Reads a wall profile (docs/wall-profiles.md) and checks it completely before the wall uses
// it: a profile that would give an empty or overlapping wall is an error naming the file,
// the field and what was expected.
class WallProfileReader
{
public:
    struct Error
    {
        QString fileName;
        QString field; // JSON path: screens[2].tiles[0].rowSpan
        QString message;

        QString toString() const;
    };
    using Result = std::variant<WallProfile, Error>;

    static Result read(const QByteArray &json, const QString &fileName);
    static Result readFile(const QString &path);
    static QString defaultProfilePath(); // the TLR wall shipped in resources
};

} // namespace tlr
