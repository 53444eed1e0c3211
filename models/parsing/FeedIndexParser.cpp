#include "FeedIndexParser.h"

#include <QXmlStreamReader>

namespace tlr {

std::optional<QList<QUrl>> FeedIndexParser::links(const QByteArray &document, const QUrl &base)
{
    QXmlStreamReader xml(document);
    if (!xml.readNextStartElement())
        return std::nullopt;
    const bool isRss = xml.name() == u"rss" || xml.name() == u"RDF";
    const bool isAtom = xml.name() == u"feed";
    if (!isRss && !isAtom)
        return std::nullopt;

    QList<QUrl> result;
    auto add = [&](const QString &href) {
        const QUrl url = base.resolved(QUrl(href.trimmed()));
        if (url.isValid() && !href.trimmed().isEmpty() && !result.contains(url))
            result.append(url);
    };
    int itemDepth = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && (xml.name() == u"item" || xml.name() == u"entry")) {
            --itemDepth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"item" || xml.name() == u"entry") {
            ++itemDepth;
            continue;
        }
        if (itemDepth <= 0)
            continue; // the channel's own link is the index's home page, not an alert
        if (xml.name() == u"link") {
            const auto attributes = xml.attributes();
            if (attributes.hasAttribute(QLatin1String("href"))) {
                const QString rel = attributes.value(QLatin1String("rel")).toString();
                if (rel.isEmpty() || rel == u"alternate" || rel == u"enclosure")
                    add(attributes.value(QLatin1String("href")).toString());
            } else {
                add(xml.readElementText());
            }
        } else if (xml.name() == u"enclosure") {
            add(xml.attributes().value(QLatin1String("url")).toString());
        }
    }
    if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        return std::nullopt;
    return result;
}

} // namespace tlr
