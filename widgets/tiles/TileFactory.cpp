#include "TileFactory.h"

#include "ClockTile.h"
#include "FeedHealthTile.h"
#include "ImageTile.h"
#include "MapTile.h"
#include "NoticeTile.h"
#include "PendingTile.h"

#include <QDir>
#include <QImageReader>

namespace tlr {

namespace {

QString resolveSource(const QString &source, const QString &profileDirectory)
{
    return source.startsWith(u':') ? source : QDir(profileDirectory).absoluteFilePath(source);
}

} // namespace

std::optional<TileFactory::Error> TileFactory::check(const TileSpec &spec) const
{
    if (spec.type == u"notice"
        && NoticeTile::text(spec.params.value(QLatin1String("text")), QStringLiteral("id")).trimmed().isEmpty()) {
        return Error{QStringLiteral("params.text"), QStringLiteral("a notice needs a non-empty text, or {\"id\": …, \"en\": …}")};
    }
    if (spec.type == u"map") {
        if (const auto error = MapTile::checkParams(spec))
            return Error{error->field, error->message};
    }
    if (spec.type == u"image") {
        const QString source = spec.params.value(QLatin1String("source")).toString();
        if (source.isEmpty())
            return Error{QStringLiteral("params.source"), QStringLiteral("an image needs a source file")};
        const QString path = resolveSource(source, m_context.profileDirectory);
        QImageReader reader(path);
        if (!reader.canRead()) {
            return Error{QStringLiteral("params.source"),
                         QStringLiteral("\"%1\" is not a readable image: %2").arg(path, reader.errorString())};
        }
    }
    return std::nullopt;
}

TileFactory::Result TileFactory::create(const TileSpec &spec, QWidget *parent) const
{
    if (spec.type == u"clock")
        return new ClockTile(spec, m_context.clock, parent);
    if (spec.type == u"feed-health")
        return new FeedHealthTile(spec, m_context.feedHealth, m_context.clock, parent);
    if (spec.type == u"notice")
        return new NoticeTile(spec, parent);
    if (spec.type == u"map")
        return new MapTile(spec, m_context, parent);
    if (spec.type == u"image") {
        QImageReader reader(resolveSource(spec.params.value(QLatin1String("source")).toString(),
                                          m_context.profileDirectory));
        QImage image = reader.read();
        if (image.isNull())
            return Error{QStringLiteral("params.source"), reader.errorString()};
        return new ImageTile(spec, std::move(image), parent);
    }
    return new PendingTile(spec, parent);
}

} // namespace tlr
