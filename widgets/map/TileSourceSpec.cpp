#include "TileSourceSpec.h"

#include <QDir>
#include <QUrl>

namespace tlr {

std::variant<TileSourceSpec, TileSourceSpec::Error>
TileSourceSpec::parse(const QString &text, const QString &baseDirectory)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == u"builtin")
        return TileSourceSpec{Kind::Builtin, {}};
    if (t.startsWith(QLatin1String("mbtiles:"))) {
        const QString file = t.mid(8);
        if (file.isEmpty())
            return Error{QStringLiteral("mbtiles: needs a file name (mbtiles:FILE)")};
        const QString path = baseDirectory.isEmpty() ? QDir::current().absoluteFilePath(file)
                                                     : QDir(baseDirectory).absoluteFilePath(file);
        return TileSourceSpec{Kind::Mbtiles, QDir::cleanPath(path)};
    }
    if (t.startsWith(QLatin1String("xyz:"))) {
        const QString tmpl = t.mid(4);
        const QUrl url(tmpl);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
            return Error{
                QStringLiteral("xyz: needs an http(s) URL template, got \"%1\"").arg(tmpl)};
        if (!tmpl.contains(QLatin1String("{z}")) || !tmpl.contains(QLatin1String("{x}")) ||
            !tmpl.contains(QLatin1String("{y}")))
            return Error{QStringLiteral("xyz: the URL template needs {z}, {x} and {y}")};
        return TileSourceSpec{Kind::Xyz, tmpl};
    }
    return Error{QStringLiteral("unknown base map \"%1\": expected builtin, mbtiles:FILE or "
                                "xyz:URL-TEMPLATE")
                     .arg(t)};
}

QString TileSourceSpec::toString() const
{
    switch (kind) {
    case Kind::Builtin:
        return QStringLiteral("builtin");
    case Kind::Mbtiles:
        return QStringLiteral("mbtiles:") + location;
    case Kind::Xyz:
        return QStringLiteral("xyz:") + location;
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace tlr
