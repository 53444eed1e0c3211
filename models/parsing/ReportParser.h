#pragma once

#include "ParseContext.h"
#include "ParseResult.h"

#include <QByteArray>
#include <QJsonValue>

namespace tlr {

// Our "tlr.report" JSON (a 112 call or a LAKSA complaint) into one tlr::Report. id, received,
// channel and category are required; an unknown channel, kind or agency, or a bad location is
// a Warning and the report is kept, because a citizen's report is never dropped for a typo.
// The reporter's name and phone go into the result's personalDetails, apart from the report,
// and nowhere else: not into problem messages, not into logs.
class ReportParser
{
public:
    explicit ReportParser(ParseContext context = {})
        : m_context(std::move(context))
    {
    }

    ParseResult parse(const QByteArray &document) const;
    ParseResult parse(const QJsonValue &document) const;

private:
    ParseContext m_context;
};

} // namespace tlr
