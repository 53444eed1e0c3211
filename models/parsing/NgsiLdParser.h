#pragma once

#include "ParseContext.h"
#include "ParseResult.h"

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>

#include <span>

namespace tlr {

// NGSI-LD entities (normalized and keyValues), arrays of them and NGSI-LD notifications, plus
// NGSI v2 normalized entities, into domain events: a Smart Data Models "Alert" becomes a
// tlr::Alert, every other entity type a tlr::Observation.
//
// One bad entity among several is a Warning and the others are kept; the document is an Error
// only when no entity in it is usable. Within a kept entity, an attribute of the wrong type is
// a Warning and that attribute is skipped.
class NgsiLdParser
{
public:
    explicit NgsiLdParser(ParseContext context = {})
        : m_context(std::move(context))
    {
    }

    ParseResult parse(const QByteArray &document) const;
    // The envelope's payload, already parsed: no second pass over the bytes.
    ParseResult parse(const QJsonValue &document) const;

    // The vocabulary FastFrameParser reads entities with, shared so that the two cannot drift.
    static FeedKind kindOfEntityType(QStringView type, FeedKind fallback);
    static bool isNumericAttribute(QStringView name);   // read as a number, else a warning
    static bool isStructuralAttribute(QStringView name); // read on its own, never a measurement
    static std::span<const QLatin1String> statusAttributes(); // in order of preference

private:
    ParseContext m_context;
};

} // namespace tlr
