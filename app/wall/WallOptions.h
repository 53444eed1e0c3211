#pragma once

#include "WallSettings.h"

#include "access/Actor.h"

#include <QDateTime>
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
    QString profilePath; // empty: the built-in TLR wall; --briefing: briefingProfilePath()
    QString feedsPath;   // empty: none, or the demo set with --demo
    QString dbPath;      // an SQLite file, or a postgresql:// URL of the shared database
    QString localDbPath; // with a shared database: this console's feed store (empty: default)
    QString language = QStringLiteral("id"); // --lang, else wall/language, else id
    bool kiosk = false;
    QString screenshotDirectory;
    std::optional<double> quitAfterSeconds;
    QString statsPath;
    QStringList feedsimArguments; // passed on to the demo's tlr-feedsim
    QString basemap; // --basemap, checked: builtin | mbtiles:ABSOLUTE-FILE | xyz:URL; empty: none
    QDateTime replayFrom; // --replay-from, resolved against the start time; invalid: live
    std::optional<int> replaySpeed; // --replay-speed: play at once at this speed

    // What to do: run the wall, or one of the commands that work on --db and exit.
    enum class Command {
        RunWall,
        VerifyAudit,
        AddUser,
        ListUsers,
        DisableUser,
        EnableUser,
        SetPassword,
        SetRole,
        HandoverReport,
    };
    Command command = Command::RunWall;
    QString userName;            // the account a user command is about
    std::optional<Role> role;    // --role, with --add-user and --set-role
    QString passwordEnvironment; // --password-env VAR: read the password from $VAR, not stdin
    QString expectedHead;        // --expect-head SEQ:HASH, with --verify-audit
    QString reportPath;          // --handover-report FILE: the PDF to write
    QDateTime since;             // --since, with --handover-report (UTC; invalid: the shift's start)
    QDateTime until;             // --until, with --handover-report (UTC; invalid: now)

    struct Error
    {
        QString message;
    };
    // Help and version print and exit 0 inside; everything else comes back. What the command
    // line leaves out comes from the configuration files' settings, then the built-in defaults;
    // a --demo wall takes no feeds and no database from them (it never writes into the room's).
    static std::variant<WallOptions, Error> parse(const QStringList &arguments,
                                                  const WallSettings &settings);
    // The command line and the built-in defaults only.
    static std::variant<WallOptions, Error> parse(const QStringList &arguments);

    // The one-screen profile --briefing opens (resources/walls/briefing.json).
    static QString briefingProfilePath();

    // Whether the arguments ask for the wall's windows, looked at before any application object
    // exists: --help, --version and the database commands run without a display.
    static bool needsWindows(const QStringList &arguments);
    // Whether a command without windows still lays out text (the handover report's PDF): it
    // needs a QGuiApplication for fonts, on the offscreen platform when no other is asked for.
    static bool needsFonts(const QStringList &arguments);
};

} // namespace tlr
