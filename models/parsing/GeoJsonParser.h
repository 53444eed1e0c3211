#pragma once

#include "ParseContext.h"
#include "ParseResult.h"

#include <QByteArray>
#include <QJsonValue>

namespace tlr {

// RFC 7946 FeatureCollections (or one Feature) into Observations, one per feature: DLH's flood
// reports ({"id","type":"FloodReport","kecamatan","depth_cm","observedAt","status"} on a Point
// or Polygon) and any similar point/line/area data. A feature with bad coordinates or wrong
// types is skipped with a Warning ("features[3].geometry"); a non-empty collection with no
// usable feature is an Error.
class GeoJsonParser
{
public:
    explicit GeoJsonParser(ParseContext context = {})
        : m_context(std::move(context))
    {
    }

    ParseResult parse(const QByteArray &document) const;
    ParseResult parse(const QJsonValue &document) const;

private:
    ParseContext m_context;
};

} // namespace tlr
