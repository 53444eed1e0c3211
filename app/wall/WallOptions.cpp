#include "WallOptions.h"

#include "map/TileSourceSpec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>

namespace tlr {

std::variant<WallOptions, WallOptions::Error> WallOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tangerang Live Room video wall: agency feeds, map, charts and alerts across the "
        "room's monitors."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Run on the built-in demo feeds: starts tlr-feedsim on a free port."));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Wall profile (JSON, see docs/wall-profiles.md). Default: the TLR wall."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption feeds(QStringLiteral("feeds"),
                                   QStringLiteral("Feeds file (JSON, see docs/feeds.md) instead of the demo set."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language of the wall: id (default) or en. F9 switches while running."),
                                  QStringLiteral("id|en"), QStringLiteral("id"));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"),
                                   QStringLiteral("Full screen, cursor hidden when idle, pages rotate; only Ctrl+Alt+Shift+Q exits."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("With --quit-after: save each profile screen as DIR/screen-N.png before exiting."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QStringLiteral("Exit 0 after this many seconds."),
                                       QStringLiteral("SECONDS"));
    const QCommandLineOption stats(QStringLiteral("stats"),
                                   QStringLiteral("On exit, write run statistics as JSON to FILE."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption feedsimArgs(QStringLiteral("feedsim-args"),
                                         QStringLiteral("With --demo: options for tlr-feedsim, e.g. \"--scenario storm --speed 60 --faults disconnect=20\"."),
                                         QStringLiteral("ARGS"));
    const QCommandLineOption basemap(QStringLiteral("basemap"),
                                     QStringLiteral("Base map of the map tiles: builtin (default, offline), mbtiles:FILE or xyz:URL-TEMPLATE."),
                                     QStringLiteral("SOURCE"));
    parser.addOptions({demo, profile, feeds, db, lang, kiosk, screenshot, quitAfter, stats, feedsimArgs});
    parser.addOption(basemap);

    if (!parser.parse(arguments))
        return Error{parser.errorText()};
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return Error{QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first())};

    WallOptions options;
    options.demo = parser.isSet(demo);
    options.profilePath = parser.value(profile);
    options.feedsPath = parser.value(feeds);
    options.dbPath = parser.value(db);
    options.language = parser.value(lang);
    if (options.language != u"id" && options.language != u"en")
        return Error{QStringLiteral("--lang: expected id or en, got \"%1\"").arg(options.language)};
    options.kiosk = parser.isSet(kiosk);
    options.screenshotDirectory = parser.value(screenshot);
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        const double seconds = parser.value(quitAfter).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 7 * 86400.0)
            return Error{QStringLiteral("--quit-after: expected a number of seconds greater than 0, got \"%1\"")
                             .arg(parser.value(quitAfter))};
        options.quitAfterSeconds = seconds;
    }
    if (!options.screenshotDirectory.isEmpty() && !options.quitAfterSeconds)
        return Error{QStringLiteral("--screenshot needs --quit-after SECONDS: it is taken just before exiting")};
    options.statsPath = parser.value(stats);
    options.feedsimArguments = QProcess::splitCommand(parser.value(feedsimArgs));
    if (!options.feedsimArguments.isEmpty() && !options.demo)
        return Error{QStringLiteral("--feedsim-args only applies with --demo")};
    if (parser.isSet(basemap)) {
        const auto spec = TileSourceSpec::parse(parser.value(basemap));
        if (const auto *error = std::get_if<TileSourceSpec::Error>(&spec))
            return Error{QStringLiteral("--basemap: %1").arg(error->message)};
        options.basemap = std::get<TileSourceSpec>(spec).toString();
    }
    return options;
}

} // namespace tlr
