#include "WallOptions.h"

#include "store/DatabaseUrl.h"

#include "access/RoleKey.h"
#include "audit/AuditVerifier.h"
#include "map/TileSourceSpec.h"
#include "reports/ShiftWindow.h"

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
    const char *valueName; // nullptr: a flag
};

constexpr CommandOption kCommands[] = {
    {"verify-audit", WallOptions::Command::VerifyAudit, nullptr},
    {"add-user", WallOptions::Command::AddUser, "NAME"},
    {"list-users", WallOptions::Command::ListUsers, nullptr},
    {"disable-user", WallOptions::Command::DisableUser, "NAME"},
    {"enable-user", WallOptions::Command::EnableUser, "NAME"},
    {"set-password", WallOptions::Command::SetPassword, "NAME"},
    {"set-role", WallOptions::Command::SetRole, "NAME"},
    {"handover-report", WallOptions::Command::HandoverReport, "FILE"},
};

QString optionName(const QString &argument)
{
    return argument.mid(argument.startsWith(u"--") ? 2 : 1).section(u'=', 0, 0);
}

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
        const QString name = optionName(argument);
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

bool WallOptions::needsFonts(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (argument == u"--")
            break;
        if (argument.startsWith(u'-') && optionName(argument) == u"handover-report")
            return true;
    }
    return false;
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
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("SQLite database file, or postgresql://user@host:port/dbname to share "
                                               "accounts, alert acknowledgements and the audit log with other consoles "
                                               "(password from PGPASSWORD or ~/.pgpass, never in the URL)."),
                                QStringLiteral("FILE|URL"));
    const QCommandLineOption localDb(QStringLiteral("local-db"),
                                     QStringLiteral("With --db postgresql://…: this console's own SQLite file for its feeds' "
                                                    "messages and observations. Default: ~/.local/share/tlr-wall/local.sqlite."),
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
    const QCommandLineOption briefing(QStringLiteral("briefing"),
                                      QStringLiteral("Show only the executive briefing, on one screen (the built-in profile walls/briefing.json), instead of the wall profile."));
    parser.addOptions({demo, profile, feeds, db, lang, kiosk, screenshot, quitAfter, stats, feedsimArgs});
    parser.addOptions({basemap, localDb, briefing});
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
        {QStringLiteral("handover-report"),
         QStringLiteral("Write the shift handover report of --db as an A4 PDF to FILE (read only): "
                        "the shift going on, or --since/--until; in --lang.")},
    };
    for (const CommandOption &command : kCommands) {
        const QString name = QString::fromLatin1(command.name);
        commandOptions.append(command.valueName
                                  ? QCommandLineOption(name, commandHelp.value(name),
                                                       QString::fromLatin1(command.valueName))
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
    const QCommandLineOption since(QStringLiteral("since"),
                                   QStringLiteral("With --handover-report: the window's start, ISO 8601 (WIB when no offset is given). Default: the start of the shift going on (07:00, 15:00 or 23:00 WIB)."),
                                   QStringLiteral("TIME"));
    const QCommandLineOption until(QStringLiteral("until"),
                                   QStringLiteral("With --handover-report: the window's end, ISO 8601. Default: now."),
                                   QStringLiteral("TIME"));
    parser.addOptions({role, passwordEnv, expectHead, since, until});

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
    options.localDbPath = parser.value(localDb);
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (options.language != u"id" && options.language != u"en")
            return Error{QStringLiteral("--lang: expected id or en, got \"%1\"").arg(options.language)};
    } else if (!settings.language.isEmpty()) {
        options.language = settings.language; // checked when the file was read
    }
    if (parser.isSet(briefing)) {
        if (parser.isSet(profile))
            return Error{QStringLiteral("--briefing and --profile: choose one (the briefing is a profile of its own; "
                                        "a profile can also hold a screen of \"kind\": \"briefing\")")};
        options.profilePath = briefingProfilePath();
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

    using Command = WallOptions::Command;
    QStringList commandsGiven;
    for (qsizetype i = 0; i < commandOptions.size(); ++i) {
        if (!parser.isSet(commandOptions.at(i)))
            continue;
        commandsGiven.append(QStringLiteral("--") + commandOptions.at(i).names().first());
        options.command = kCommands[i].command;
        if (options.command == Command::HandoverReport)
            options.reportPath = parser.value(commandOptions.at(i));
        else if (kCommands[i].valueName)
            options.userName = parser.value(commandOptions.at(i));
    }
    if (commandsGiven.size() > 1)
        return Error{QStringLiteral("%1: one command at a time").arg(commandsGiven.join(u", "))};
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
    if (DatabaseUrl::isPostgres(options.dbPath)) {
        // Refused here, before anything connects or logs the URL.
        if (const auto url = DatabaseUrl::parse(options.dbPath);
            const auto *error = std::get_if<DatabaseUrl::Error>(&url)) {
            return Error{error->message};
        }
    } else if (!options.localDbPath.isEmpty()) {
        return Error{QStringLiteral("--local-db only applies with --db postgresql://…")};
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
    for (const auto &[option, time] : {std::pair{&since, &options.since}, std::pair{&until, &options.until}}) {
        if (!parser.isSet(*option))
            continue;
        const QString name = QStringLiteral("--") + option->names().first();
        if (command != Command::HandoverReport)
            return Error{QStringLiteral("%1 only applies with --handover-report").arg(name)};
        const auto parsed = ShiftWindow::parseTime(parser.value(*option));
        if (!parsed)
            return Error{QStringLiteral("%1: expected an ISO 8601 date and time such as "
                                        "2026-11-23T07:00 (WIB) or 2026-11-23T00:00Z, got \"%2\"")
                             .arg(name, parser.value(*option))};
        *time = *parsed;
    }
    if (options.since.isValid() && options.until.isValid() && options.since >= options.until)
        return Error{QStringLiteral("--since must come before --until")};
    if (command == Command::HandoverReport && options.reportPath.isEmpty())
        return Error{QStringLiteral("--handover-report: name the PDF file to write")};
    if (command == Command::RunWall && !options.demo && options.feedsPath.isEmpty())
        options.feedsPath = settings.feedsPath;
    if (options.replayFrom.isValid() && options.dbPath.isEmpty() && !options.demo)
        return Error{QStringLiteral("--replay-from needs the history: --db FILE (or database= in tlr-wall.conf)")};
    return options;
}

QString WallOptions::briefingProfilePath()
{
    return QStringLiteral(":/walls/briefing.json");
}

} // namespace tlr
