#pragma once

#include <QString>

#include <variant>

namespace tlr {

// Where base map tiles come from, as written on the command line and in profiles:
// `builtin`, `mbtiles:FILE` or `xyz:URL-TEMPLATE` (with {z}, {x} and {y}).
struct TileSourceSpec
{
    enum class Kind { Unknown, Builtin, Mbtiles, Xyz };

    Kind kind = Kind::Unknown;
    QString location; // the file or the URL template

    struct Error
    {
        QString message;
    };
    static std::variant<TileSourceSpec, Error> parse(const QString &text,
                                                     const QString &baseDirectory = {});
    QString toString() const;
};

} // namespace tlr
