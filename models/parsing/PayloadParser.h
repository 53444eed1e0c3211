#pragma once

#include "Envelope.h"
#include "ParseContext.h"
#include "ParseResult.h"

#include <QByteArray>

namespace tlr {

// Hands a payload to the parser for its format. The feed layer holds one per feed.
class PayloadParser
{
public:
    explicit PayloadParser(ParseContext context = {})
        : m_context(std::move(context))
    {
    }

    // The envelope's feed id becomes the events' source; its payload is parsed once, as the
    // envelope already holds it (a QJsonValue, or the CAP XML as a string).
    ParseResult parse(const Envelope &envelope) const;
    ParseResult parse(PayloadFormat format, const QByteArray &document) const;

    // For feeds configured with format "auto": CAP XML (root <alert>), an NGSI entity, array or
    // notification, a GeoJSON Feature or FeatureCollection, or a tlr.report. Unknown otherwise.
    static PayloadFormat detect(const QByteArray &document);

    const ParseContext &context() const { return m_context; }

private:
    ParseContext m_context;
};

} // namespace tlr
