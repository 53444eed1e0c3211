#include "WallSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <tuple>

namespace tlr {

namespace {

const QString kApplicationDirectory = QStringLiteral("tlr-wall");

struct Setting
{
    const char *key;
    QString WallSettings::*value;
    QString WallSettings::*source;
};

constexpr Setting kSettings[] = {
    {"wall/profile", &WallSettings::profilePath, &WallSettings::profileSource},
    {"wall/feeds", &WallSettings::feedsPath, &WallSettings::feedsSource},
    {"wall/database", &WallSettings::dbPath, &WallSettings::dbSource},
    {"wall/language", &WallSettings::language, &WallSettings::languageSource},
};

// A path in a file the wall reads (profile, feeds): beside the configuration file first, then
// the shipped ones; empty when neither has it.
QString locateReadable(const QString &value, const QString &configFile,
                       const QStringList &sharedDataDirectories)
{
    if (QDir::isAbsolutePath(value))
        return value;
    const QString beside = QFileInfo(configFile).dir().absoluteFilePath(value);
    if (QFileInfo::exists(beside))
        return QDir::cleanPath(beside);
    for (const QString &directory : sharedDataDirectories) {
        const QString shared = QDir(directory).absoluteFilePath(kApplicationDirectory + u'/' + value);
        if (QFileInfo::exists(shared))
            return QDir::cleanPath(shared);
    }
    return {};
}

} // namespace

QString WallSettings::Error::toString() const
{
    return key.isEmpty() ? QStringLiteral("%1: %2").arg(file, message)
                         : QStringLiteral("%1: %2: %3").arg(file, key, message);
}

WallSettings::Locations WallSettings::standardLocations()
{
    Locations locations;
    const QString file = kApplicationDirectory + QStringLiteral("/tlr-wall.conf");
    // The user's directory first, then $XDG_CONFIG_DIRS in order: the order of precedence.
    locations.files = QStandardPaths::locateAll(QStandardPaths::GenericConfigLocation, file);
    locations.dataDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                                  .filePath(kApplicationDirectory);
    locations.sharedDataDirectories = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    return locations;
}

std::variant<WallSettings, WallSettings::Error> WallSettings::read(const Locations &locations)
{
    WallSettings settings;
    for (const QString &file : locations.files) {
        const QSettings ini(file, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            return Error{file, {}, ini.status() == QSettings::FormatError
                                       ? QStringLiteral("not an INI file")
                                       : QStringLiteral("cannot be read")};
        }
        for (const Setting &setting : kSettings) {
            const QString key = QString::fromLatin1(setting.key);
            if (!(settings.*setting.source).isEmpty() || !ini.contains(key))
                continue;
            // An unquoted comma makes a list in QSettings' INI reading; a path may hold one.
            const QVariant raw = ini.value(key);
            const QString value = raw.typeId() == QMetaType::QStringList
                                      ? raw.toStringList().join(u',')
                                      : raw.toString().trimmed();
            if (value.isEmpty())
                return Error{file, key, QStringLiteral("is empty; leave it out for the default")};
            settings.*setting.value = value;
            settings.*setting.source = file;
        }
    }

    if (!settings.language.isEmpty() && settings.language != u"id" && settings.language != u"en")
        return Error{settings.languageSource, QStringLiteral("wall/language"),
                     QStringLiteral("expected id or en, got \"%1\"").arg(settings.language)};
    for (auto [path, source, key] : {std::tuple{&settings.profilePath, &settings.profileSource, "wall/profile"},
                                     std::tuple{&settings.feedsPath, &settings.feedsSource, "wall/feeds"}}) {
        if (path->isEmpty())
            continue;
        const QString found = locateReadable(*path, *source, locations.sharedDataDirectories);
        if (found.isEmpty())
            return Error{*source, QString::fromLatin1(key),
                         QStringLiteral("\"%1\" is neither beside this file nor in %2")
                             .arg(*path, kApplicationDirectory + QStringLiteral("/ of ") +
                                             locations.sharedDataDirectories.join(QStringLiteral(", ")))};
        *path = found;
    }
    if (!settings.dbPath.isEmpty() && !QDir::isAbsolutePath(settings.dbPath)) {
        // The user's data directory may not exist yet on a new account.
        if (!QDir().mkpath(locations.dataDirectory))
            return Error{settings.dbSource, QStringLiteral("wall/database"),
                         QStringLiteral("cannot create %1").arg(locations.dataDirectory)};
        settings.dbPath = QDir(locations.dataDirectory).absoluteFilePath(settings.dbPath);
    }
    return settings;
}

} // namespace tlr
