#include "WallApplication.h"
#include "WallOptions.h"

#include "theme/Theme.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tlr-wall"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tangerang Live Room"));
    QApplication::setOrganizationName(QStringLiteral("Diskominfo Kota Tangerang"));
    QApplication::setOrganizationDomain(QStringLiteral("tangerangkota.go.id"));
    QApplication::setApplicationVersion(QStringLiteral(TLR_VERSION));

    auto parsed = tlr::WallOptions::parse(QApplication::arguments());
    if (auto *error = std::get_if<tlr::WallOptions::Error>(&parsed)) {
        std::fprintf(stderr, "tlr-wall: %s\nTry 'tlr-wall --help'.\n", qPrintable(error->message));
        return 2;
    }
    tlr::Theme::apply(app);
    tlr::WallApplication wall(std::get<tlr::WallOptions>(std::move(parsed)), startTimer);
    const QString error = wall.start();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tlr-wall: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
