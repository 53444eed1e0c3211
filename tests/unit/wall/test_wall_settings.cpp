#include "WallOptions.h"
#include "WallSettings.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

// The precedence the operator's guide promises: command line > the user's tlr-wall.conf > the
// system's > built-in defaults, and where relative paths in those files lead.

using namespace tlr;

namespace {

QString writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

struct Machine
{
    QTemporaryDir root;
    QString userFile() const { return root.filePath(QStringLiteral("home/.config/tlr-wall/tlr-wall.conf")); }
    QString systemFile() const { return root.filePath(QStringLiteral("etc/xdg/tlr-wall/tlr-wall.conf")); }
    QString sharedData() const { return root.filePath(QStringLiteral("usr/share")); }
    QString userData() const { return root.filePath(QStringLiteral("home/.local/share/tlr-wall")); }

    WallSettings::Locations locations() const
    {
        WallSettings::Locations locations;
        for (const QString &file : {userFile(), systemFile()}) {
            if (QFile::exists(file))
                locations.files.append(file);
        }
        locations.dataDirectory = userData();
        locations.sharedDataDirectories = {sharedData()};
        return locations;
    }

    WallSettings read() const
    {
        auto read = WallSettings::read(locations());
        if (const auto *error = std::get_if<WallSettings::Error>(&read))
            FAIL(error->toString().toStdString());
        return std::get<WallSettings>(read);
    }
};

// Sets an environment variable for a scope and puts back what was there, or nothing.
class EnvironmentOverride
{
public:
    EnvironmentOverride(const char *name, const QString &value)
        : m_name(name), m_wasSet(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        qputenv(name, value.toUtf8());
    }
    ~EnvironmentOverride()
    {
        if (m_wasSet)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_old;
};

WallOptions parsed(const QStringList &arguments, const WallSettings &settings)
{
    auto parsed = WallOptions::parse(QStringList{QStringLiteral("tlr-wall")} + arguments, settings);
    if (const auto *error = std::get_if<WallOptions::Error>(&parsed))
        FAIL(error->message.toStdString());
    return std::get<WallOptions>(parsed);
}

} // namespace

TEST_CASE("Without configuration files the built-in defaults hold")
{
    Machine machine;
    const WallSettings settings = machine.read();
    CHECK(settings.profilePath.isEmpty());
    CHECK(settings.dbPath.isEmpty());
    const WallOptions options = parsed({}, settings);
    CHECK(options.language == u"id");
    CHECK(options.profilePath.isEmpty()); // the built-in TLR wall
    CHECK(options.feedsPath.isEmpty());
    CHECK(options.dbPath.isEmpty());
}

TEST_CASE("The user's file overrides the system's setting by setting, and the command line both")
{
    Machine machine;
    writeFile(machine.sharedData() + QStringLiteral("/tlr-wall/walls/laptop.json"), "{}");
    writeFile(machine.systemFile(), "[wall]\nlanguage=en\nprofile=walls/laptop.json\ndatabase=system.sqlite\n");
    writeFile(machine.userFile(), "[wall]\ndatabase=/srv/tlr/user.sqlite\n");
    const WallSettings settings = machine.read();
    CHECK(settings.language == u"en");
    CHECK(settings.languageSource == machine.systemFile());
    CHECK(settings.dbPath == u"/srv/tlr/user.sqlite");
    CHECK(settings.dbSource == machine.userFile());
    CHECK(settings.profilePath == machine.sharedData() + QStringLiteral("/tlr-wall/walls/laptop.json"));

    const WallOptions fromFiles = parsed({}, settings);
    CHECK(fromFiles.language == u"en");
    CHECK(fromFiles.dbPath == u"/srv/tlr/user.sqlite");
    CHECK(fromFiles.profilePath == settings.profilePath);

    const WallOptions fromCommandLine = parsed({QStringLiteral("--lang"), QStringLiteral("id"),
                                                QStringLiteral("--db"), QStringLiteral("/tmp/cli.sqlite"),
                                                QStringLiteral("--profile"), QStringLiteral("mine.json")},
                                               settings);
    CHECK(fromCommandLine.language == u"id");
    CHECK(fromCommandLine.dbPath == u"/tmp/cli.sqlite");
    CHECK(fromCommandLine.profilePath == u"mine.json");
}

TEST_CASE("Relative paths: a profile beside its file first, a database in the user's data directory")
{
    Machine machine;
    const QString beside = writeFile(QFileInfo(machine.systemFile()).absolutePath() + QStringLiteral("/room.json"), "{}");
    writeFile(machine.sharedData() + QStringLiteral("/tlr-wall/room.json"), "{}");
    writeFile(machine.systemFile(), "[wall]\nprofile=room.json\ndatabase=wall.sqlite\nfeeds=room.json\n");
    const WallSettings settings = machine.read();
    CHECK(settings.profilePath == beside);
    CHECK(settings.feedsPath == beside);
    CHECK(settings.dbPath == machine.userData() + QStringLiteral("/wall.sqlite"));
    CHECK(QFileInfo(machine.userData()).isDir()); // made for the database to be created in
}

TEST_CASE("A demo wall takes neither feeds nor database from the files - commands take the database")
{
    Machine machine;
    const QString feeds = writeFile(machine.root.filePath(QStringLiteral("feeds.json")), "{}");
    writeFile(machine.userFile(), "[wall]\nfeeds=" + feeds.toUtf8() + "\ndatabase=/srv/tlr/wall.sqlite\n");
    const WallSettings settings = machine.read();

    const WallOptions wall = parsed({}, settings);
    CHECK(wall.feedsPath == feeds);
    CHECK(wall.dbPath == u"/srv/tlr/wall.sqlite");

    const WallOptions demo = parsed({QStringLiteral("--demo")}, settings);
    CHECK(demo.feedsPath.isEmpty());
    CHECK(demo.dbPath.isEmpty());

    const WallOptions listUsers = parsed({QStringLiteral("--list-users")}, settings);
    CHECK(listUsers.command == WallOptions::Command::ListUsers);
    CHECK(listUsers.dbPath == u"/srv/tlr/wall.sqlite");
    CHECK(listUsers.feedsPath.isEmpty());
}

TEST_CASE("A setting that cannot be used names its file and key")
{
    Machine machine;
    SECTION("an unknown language")
    {
        writeFile(machine.systemFile(), "[wall]\nlanguage=fr\n");
        auto read = WallSettings::read(machine.locations());
        REQUIRE(std::holds_alternative<WallSettings::Error>(read));
        const auto error = std::get<WallSettings::Error>(read);
        CHECK(error.file == machine.systemFile());
        CHECK(error.key == u"wall/language");
        CHECK(error.toString().contains(u"\"fr\""));
    }
    SECTION("a profile that is nowhere")
    {
        writeFile(machine.userFile(), "[wall]\nprofile=walls/missing.json\n");
        auto read = WallSettings::read(machine.locations());
        REQUIRE(std::holds_alternative<WallSettings::Error>(read));
        CHECK(std::get<WallSettings::Error>(read).key == u"wall/profile");
        CHECK(std::get<WallSettings::Error>(read).file == machine.userFile());
    }
    SECTION("an empty value")
    {
        writeFile(machine.userFile(), "[wall]\ndatabase=\n");
        auto read = WallSettings::read(machine.locations());
        REQUIRE(std::holds_alternative<WallSettings::Error>(read));
        CHECK(std::get<WallSettings::Error>(read).key == u"wall/database");
    }
}

TEST_CASE("The standard locations follow XDG: the user's directory before the system's")
{
    Machine machine;
    writeFile(machine.userFile(), "[wall]\n");
    writeFile(machine.systemFile(), "[wall]\n");
    WallSettings::Locations locations;
    {
        const EnvironmentOverride home("XDG_CONFIG_HOME", machine.root.filePath(QStringLiteral("home/.config")));
        const EnvironmentOverride dirs("XDG_CONFIG_DIRS", machine.root.filePath(QStringLiteral("etc/xdg")));
        const EnvironmentOverride data("XDG_DATA_HOME", machine.root.filePath(QStringLiteral("home/.local/share")));
        locations = WallSettings::standardLocations();
    }
    CHECK(locations.files == QStringList{machine.userFile(), machine.systemFile()});
    CHECK(locations.dataDirectory == machine.userData());
}

TEST_CASE("The shipped system file changes nothing until a setting is uncommented")
{
    Machine machine;
    QFile shipped(QStringLiteral(TLR_SOURCE_DIR "/packaging/tlr-wall.conf"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    const QByteArray text = shipped.readAll();
    writeFile(machine.systemFile(), text);
    const WallSettings asShipped = machine.read();
    CHECK(asShipped.profilePath.isEmpty());
    CHECK(asShipped.feedsPath.isEmpty());
    CHECK(asShipped.dbPath.isEmpty());
    CHECK(asShipped.language.isEmpty());

    QByteArray edited = text;
    edited.replace("#language=id", "language=en").replace("#database=wall.sqlite", "database=wall.sqlite");
    writeFile(machine.systemFile(), edited);
    const WallSettings uncommented = machine.read();
    CHECK(uncommented.language == u"en");
    CHECK(uncommented.dbPath == machine.userData() + QStringLiteral("/wall.sqlite"));
}
