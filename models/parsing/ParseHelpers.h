#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include "ParseContext.h"
#include "ParseResult.h"
#include "ParserLimits.h"

#include <optional>
#include <variant>

namespace tlr::parsing {

// ISO 8601 date-time to UTC. A time without an offset (the Smart Data Models examples write
// them) is taken as UTC: the machine's zone must never change what a document means.
// Returns an invalid QDateTime when the text is not a date-time.
QDateTime parseIsoDateTime(QStringView text);

// The deepest nesting of objects and arrays in JSON text, counted on the raw bytes so that an
// over-deep document is refused before a tree is built for it. Stops counting at `limit + 1`.
int jsonNestingDepth(const QByteArray &json, int limit);

// The same bound on an already parsed value (the envelope hands one over).
bool jsonDepthExceeds(const QJsonValue &value, int limit);

bool isValidLatitude(double latitude);
bool isValidLongitude(double longitude);

// No byte over 0x7f and no backslash: text two JSON parsers read alike (FastFrameParser).
bool isPlainAsciiWithoutEscapes(const QByteArray &bytes);

// Reads a JSON document within the limits (size, nesting depth) into a value; on failure the
// reason is an error in `result` and nothing is returned.
std::optional<QJsonValue> readJson(const QByteArray &document, const ParserLimits &limits,
                                   ParseResult &result);

// A configuration file's top-level JSON object; when it is none, why, worded to follow
// "<file>: " (the wall profile and alert rules readers share the wording).
std::variant<QJsonObject, QString> readTopLevelObject(const QByteArray &json);

// True, with the error in `result`, when a parsed document is nested deeper than the limit
// (unless the context says its bytes were counted already).
bool refuseTooDeep(const QJsonValue &document, const ParseContext &context, ParseResult &result);

} // namespace tlr::parsing
