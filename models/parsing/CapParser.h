#pragma once

#include "ParseContext.h"
#include "ParseResult.h"

#include <QByteArray>

namespace tlr {

// OASIS CAP 1.2 and 1.1 (<alert> in urn:oasis:names:tc:emergency:cap:1.2 or :1.1) into one
// tlr::Alert. A missing mandatory alert field or a document that is not CAP rejects it; an
// unknown enum value, a bad polygon or circle, a bad optional time is a Warning and the rest is
// kept; an <info> without its mandatory fields is dropped with a Warning (an Error when no info
// is left). XML signatures and unknown elements are skipped and logged ("tlr.parsing.cap").
class CapParser
{
public:
    explicit CapParser(ParseContext context = {})
        : m_context(std::move(context))
    {
    }

    ParseResult parse(const QByteArray &document) const;

private:
    ParseContext m_context;
};

} // namespace tlr
