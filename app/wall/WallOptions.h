#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

class QCoreApplication;

namespace tlr {

// tlr-wall's command line, checked completely before anything starts: a bad option is a clear
// message and a non-zero exit, never a half-started wall.
struct WallOptions
{
    bool demo = false;
    QString profilePath; // empty: the built-in TLR wall
    QString feedsPath;   // empty: none, or the demo set with --demo
    QString dbPath;
    QString language = QStringLiteral("id");
    bool kiosk = false;
    QString screenshotDirectory;
    std::optional<double> quitAfterSeconds;
    QString statsPath;
    QStringList feedsimArguments; // passed on to the demo's tlr-feedsim
    QString basemap; // --basemap, checked: builtin | mbtiles:ABSOLUTE-FILE | xyz:URL; empty: none

    struct Error
    {
        QString message;
    };
    // Help and version print and exit 0 inside; everything else comes back.
    static std::variant<WallOptions, Error> parse(const QStringList &arguments);
};

} // namespace tlr
