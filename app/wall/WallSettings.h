#pragma once

#include <QString>
#include <QStringList>

#include <variant>

namespace tlr {

// What the configuration files say about the wall where the command line says nothing: the
// profile, the feeds file, the database and the language. Each setting comes from the first
// file that has it, the user's before the system's (XDG); WallOptions::parse() puts the command
// line above them and the built-in defaults below. Paths come back absolute.
struct WallSettings
{
    QString profilePath;
    QString feedsPath;
    QString dbPath;
    QString language;
    // For each setting found, the file it came from: an error later can name it.
    QString profileSource;
    QString feedsSource;
    QString dbSource;
    QString languageSource;

    // Where to look. files: first wins. A relative profile or feeds path is read beside the file
    // that names it, else from tlr-wall/ in sharedDataDirectories (in order); a relative database
    // is in dataDirectory.
    struct Locations
    {
        QStringList files;
        QString dataDirectory;
        QStringList sharedDataDirectories;
    };
    // tlr-wall/tlr-wall.conf in $XDG_CONFIG_HOME then each of $XDG_CONFIG_DIRS; the data in
    // $XDG_DATA_HOME/tlr-wall and $XDG_DATA_DIRS.
    static Locations standardLocations();

    struct Error
    {
        QString file;
        QString key;
        QString message;
        QString toString() const;
    };
    static std::variant<WallSettings, Error> read(const Locations &locations);
};

} // namespace tlr
