#include "WallOptions.h"

#include "access/RoleKey.h"
#include "audit/AuditVerifier.h"
#include "map/TileSourceSpec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>

namespace tlr {

namespace {

struct CommandOption
{
    const char *name;
    WallOptions::Command command;
    bool takesUser;
};

constexpr CommandOption kCommands[] = {
    {"verify-audit", WallOptions::Command::VerifyAudit, false},
    {"add-user", WallOptions::Command::AddUser, true},
    {"list-users", WallOptions::Command::ListUsers, false},
    {"disable-user", WallOptions::Command::DisableUser, true},
    {"enable-user", WallOptions::Command::EnableUser, true},
    {"set-password", WallOptions::Command::SetPassword, true},
    {"set-role", WallOptions::Command::SetRole, true},
};

// --replay-from: an ISO 8601 time that names its offset (a bare time would be ambiguous in a
// room that speaks WIB to servers on UTC), or a span back from now: -3h, -90m, -600s.
QDateTime replayTime(const QString &text, const QDateTime &now)
{
    static const QRegularExpression kBack(QStringLiteral("^-(\\d{1,6})([hms])$"));
    if (const QRegularExpressionMatch back = kBack.match(text); back.hasMatch()) {
        const qint64 amount = back.captured(1).toLongLong();
        const QChar unit = back.captured(2).at(0);
        const qint64 seconds = unit == u'h' ? amount * 3600 : unit == u'm' ? amount * 60 : amount;
        return now.addSecs(-seconds);
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime || time > now)
        return {};
    return time.toUTC();
}

} // namespace

bool WallOptions::needsWindows(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (argument == u"--" || !argument.startsWith(u'-'))
            continue;
        const QString name = argument.mid(argument.startsWith(u"--") ? 2 : 1).section(u'=', 0, 0);
        if (name == u"help" || name == u"h" || name == u"help-all" || name == u"version" ||
            name == u"v" || name == u"?")
            return false;
        for (const CommandOption &command : kCommands) {
            if (name == QLatin1String(command.name))
                return false;
        }
    }
    return true;
}

std::variant<WallOptions, WallOptions::Error> WallOptions::parse(const QStringList &arguments)
{
    return parse(arguments, WallSettings());
}

std::variant<WallOptions, WallOptions::Error> WallOptions::parse(const QStringList &arguments,
                                                                 const WallSettings &settings)
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
    const QCommandLineOption replayFrom(QStringLiteral("replay-from"),
                                        QStringLiteral("Start in replay at this time from the database: ISO 8601 (2026-11-23T07:00:00+07:00) or back from now (-3h, -90m). Esc returns to live."),
                                        QStringLiteral("TIME"));
    const QCommandLineOption replaySpeed(QStringLiteral("replay-speed"),
                                         QStringLiteral("With --replay-from: play at once, N history seconds per second (1, 10, 60, 600)."),
                                         QStringLiteral("N"));
    parser.addOptions({demo, profile, feeds, db, lang, kiosk, screenshot, quitAfter, stats, feedsimArgs});
    parser.addOption(basemap);
    parser.addOptions({replayFrom, replaySpeed});

    // Database commands: each works on --db and exits without opening a window.
    QList<QCommandLineOption> commandOptions;
    const QHash<QString, QString> commandHelp = {
        {QStringLiteral("verify-audit"),
         QStringLiteral("Check the audit log's hash chain in --db (read only). Exit 0 when it holds; "
                        "otherwise name the first tampered entry and exit 1 (3: cannot read it).")},
        {QStringLiteral("add-user"),
         QStringLiteral("Add an account with --role; the password is read from stdin (or --password-env).")},
        {QStringLiteral("list-users"), QStringLiteral("List the accounts.")},
        {QStringLiteral("disable-user"), QStringLiteral("Disable an account: it can no longer log in.")},
        {QStringLiteral("enable-user"), QStringLiteral("Enable a disabled account again.")},
        {QStringLiteral("set-password"),
         QStringLiteral("Set an account's password, read from stdin (or --password-env).")},
        {QStringLiteral("set-role"), QStringLiteral("Give an account the role --role.")},
    };
    for (const CommandOption &command : kCommands) {
        const QString name = QString::fromLatin1(command.name);
        commandOptions.append(command.takesUser
                                  ? QCommandLineOption(name, commandHelp.value(name), QStringLiteral("NAME"))
                                  : QCommandLineOption(name, commandHelp.value(name)));
        parser.addOption(commandOptions.last());
    }
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("With --add-user or --set-role: operator, supervisor, executive or admin."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption passwordEnv(QStringLiteral("password-env"),
                                         QStringLiteral("With --add-user or --set-password: read the password from this environment variable (for scripts) instead of stdin."),
                                         QStringLiteral("VAR"));
    const QCommandLineOption expectHead(QStringLiteral("expect-head"),
                                        QStringLiteral("With --verify-audit: the chain must reach this entry, as an earlier run recorded it (its --stats file or log); finds entries cut off the end."),
                                        QStringLiteral("SEQ:HASH"));
    parser.addOptions({role, passwordEnv, expectHead});

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
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (options.language != u"id" && options.language != u"en")
            return Error{QStringLiteral("--lang: expected id or en, got \"%1\"").arg(options.language)};
    } else if (!settings.language.isEmpty()) {
        options.language = settings.language; // checked when the file was read
    }
    if (options.profilePath.isEmpty())
        options.profilePath = settings.profilePath;
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
    if (parser.isSet(replayFrom)) {
        options.replayFrom = replayTime(parser.value(replayFrom), QDateTime::currentDateTimeUtc());
        if (!options.replayFrom.isValid())
            return Error{QStringLiteral("--replay-from: expected an ISO 8601 time with its offset "
                                        "or -N h / -N m / -N s back from now, got \"%1\"")
                             .arg(parser.value(replayFrom))};
    }
    if (parser.isSet(replaySpeed)) {
        bool ok = false;
        const int speed = parser.value(replaySpeed).toInt(&ok);
        if (!ok || speed < 1 || speed > 3600)
            return Error{QStringLiteral("--replay-speed: expected a whole number from 1 to 3600, got \"%1\"")
                             .arg(parser.value(replaySpeed))};
        if (!options.replayFrom.isValid())
            return Error{QStringLiteral("--replay-speed only applies with --replay-from")};
        options.replaySpeed = speed;
    }

    QStringList commandsGiven;
    for (qsizetype i = 0; i < commandOptions.size(); ++i) {
        if (!parser.isSet(commandOptions.at(i)))
            continue;
        commandsGiven.append(QStringLiteral("--") + commandOptions.at(i).names().first());
        options.command = kCommands[i].command;
        if (kCommands[i].takesUser)
            options.userName = parser.value(commandOptions.at(i));
    }
    if (commandsGiven.size() > 1)
        return Error{QStringLiteral("%1: one command at a time").arg(commandsGiven.join(u", "))};
    using Command = WallOptions::Command;
    const Command command = options.command;
    if (options.dbPath.isEmpty() && !options.demo)
        options.dbPath = settings.dbPath;
    if (command != Command::RunWall) {
        if (options.dbPath.isEmpty())
            return Error{QStringLiteral("%1 needs --db FILE (or database= in tlr-wall.conf)")
                             .arg(commandsGiven.first())};
        if (options.demo || !options.feedsPath.isEmpty() || options.kiosk ||
            !options.screenshotDirectory.isEmpty() || options.quitAfterSeconds ||
            !options.statsPath.isEmpty() || options.replayFrom.isValid())
            return Error{QStringLiteral("%1 runs on its own: no --demo, --feeds, --kiosk, "
                                        "--screenshot, --quit-after, --stats or --replay-from")
                             .arg(commandsGiven.first())};
    }
    const bool needsRole = command == Command::AddUser || command == Command::SetRole;
    if (parser.isSet(role)) {
        if (!needsRole)
            return Error{QStringLiteral("--role only applies with --add-user or --set-role")};
        options.role = roleFromKey(parser.value(role));
        if (!options.role)
            return Error{QStringLiteral("--role: expected operator, supervisor, executive or admin, got \"%1\"")
                             .arg(parser.value(role))};
    } else if (needsRole) {
        return Error{QStringLiteral("%1 needs --role operator|supervisor|executive|admin")
                         .arg(commandsGiven.first())};
    }
    if (parser.isSet(passwordEnv)) {
        if (command != Command::AddUser && command != Command::SetPassword)
            return Error{QStringLiteral("--password-env only applies with --add-user or --set-password")};
        options.passwordEnvironment = parser.value(passwordEnv);
        if (options.passwordEnvironment.isEmpty())
            return Error{QStringLiteral("--password-env: name an environment variable")};
    }
    if (parser.isSet(expectHead)) {
        if (command != Command::VerifyAudit)
            return Error{QStringLiteral("--expect-head only applies with --verify-audit")};
        if (!AuditAnchor::parse(parser.value(expectHead)))
            return Error{QStringLiteral("--expect-head: expected SEQ:HASH (a number, a colon and 64 hex digits), got \"%1\"")
                             .arg(parser.value(expectHead))};
        options.expectedHead = parser.value(expectHead);
    }
    if (command == Command::RunWall && !options.demo && options.feedsPath.isEmpty())
        options.feedsPath = settings.feedsPath;
    if (options.replayFrom.isValid() && options.dbPath.isEmpty() && !options.demo)
        return Error{QStringLiteral("--replay-from needs the history: --db FILE (or database= in tlr-wall.conf)")};
    return options;
}

} // namespace tlr
