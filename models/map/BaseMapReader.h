#pragma once

#include "BaseMap.h"
#include "parsing/ParseResult.h"

#include <QByteArray>

namespace tlr {

// Reads the base map's GeoJSON (a FeatureCollection whose features carry `kind` and `name`
// properties). A feature that cannot be used is skipped with a warning naming it; the rest is
// kept. Bytes in, values out: no files, no network.
class BaseMapReader
{
public:
    struct Result
    {
        BaseMap map;
        QList<ParseProblem> problems;
        bool ok() const
        {
            return std::none_of(problems.cbegin(), problems.cend(), [](const ParseProblem &p) {
                return p.level == ParseProblem::Level::Error;
            });
        }
    };

    static Result read(const QByteArray &geojson);
    // The map compiled into the binary (:/basemap/tangerang.geojson).
    static Result readBuiltin();
};

} // namespace tlr
