#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>

namespace tlr {

// Reads an RSS 2.0 or Atom index, as warning services publish their current CAP alerts, into
// the addresses of the documents it links. Returns nothing when the bytes are not such an
// index (a CAP document itself, say), so the caller can treat them as a document.
class FeedIndexParser
{
public:
    static std::optional<QList<QUrl>> links(const QByteArray &document, const QUrl &base);
};

} // namespace tlr
