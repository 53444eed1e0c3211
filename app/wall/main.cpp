#include "AdminCommands.h"
#include "PrivateFiles.h"
#include "RedactedLog.h"
#include "TimedApplication.h"
#include "WallApplication.h"
#include "WallOptions.h"

#include "domain/Redaction.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("tlr-wall"));
    QCoreApplication::setOrganizationName(QStringLiteral("Diskominfo Kota Tangerang"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("tangerangkota.go.id"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TLR_VERSION));
}

std::variant<tlr::WallOptions, int> parseOptions()
{
    // Command line > the user's tlr-wall.conf > the system's > built-in defaults.
    const auto settings = tlr::WallSettings::read(tlr::WallSettings::standardLocations());
    const auto *settingsError = std::get_if<tlr::WallSettings::Error>(&settings);
    // --help and --version answer even when a configuration file is broken.
    auto parsed = tlr::WallOptions::parse(QCoreApplication::arguments(),
                                          settingsError ? tlr::WallSettings()
                                                        : std::get<tlr::WallSettings>(settings));
    if (settingsError) { // before the options: they may lack only what the file should give
        std::fprintf(stderr, "tlr-wall: %s\n", qPrintable(tlr::Redaction::text(settingsError->toString())));
        return 2;
    }
    if (auto *error = std::get_if<tlr::WallOptions::Error>(&parsed)) {
        std::fprintf(stderr, "tlr-wall: %s\nTry 'tlr-wall --help'.\n", qPrintable(tlr::Redaction::text(error->message)));
        return 2;
    }
    return std::get<tlr::WallOptions>(std::move(parsed));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    // Before anything is written or logged: the database, statistics, reports and screenshots
    // hold personal and operational data, and a log line may quote a URL or a header.
    tlr::PrivateFiles::restrictToOwner();
    tlr::RedactedLog::install();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!tlr::WallOptions::needsWindows(arguments)) {
        // Help, version and the database commands: no display needed, none opened. The
        // handover report lays out text, which takes a QGuiApplication, but paints no window.
        std::unique_ptr<QCoreApplication> app;
        if (tlr::WallOptions::needsFonts(arguments)) {
            if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        describeApplication();
        auto parsed = parseOptions();
        if (const int *exitCode = std::get_if<int>(&parsed))
            return *exitCode;
        return tlr::AdminCommands::run(std::get<tlr::WallOptions>(parsed));
    }

    tlr::TimedApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Tangerang Live Room"));
    auto parsed = parseOptions();
    if (const int *exitCode = std::get_if<int>(&parsed))
        return *exitCode;
    tlr::WallOptions options = std::get<tlr::WallOptions>(std::move(parsed));
    if (options.command != tlr::WallOptions::Command::RunWall) // needsWindows() said otherwise
        return tlr::AdminCommands::run(options);
    tlr::Theme::apply(app);
    tlr::WallApplication wall(std::move(options), startTimer);
    const QString error = wall.start();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tlr-wall: %s\n", qPrintable(tlr::Redaction::text(error)));
        return 1;
    }
    return app.exec();
}
