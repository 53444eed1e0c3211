#include "HandoverCommand.h"

#include "domain/Redaction.h"
#include "i18n/LanguageSwitcher.h"
#include "reports/HandoverReportBuilder.h"
#include "reports/HandoverReportDocument.h"
#include "reports/HandoverStoreReader.h"
#include "reports/ShiftWindow.h"

#include <QFileInfo>

#include <cstdio>

namespace tlr {
namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "tlr-wall: %s\n", qPrintable(Redaction::text(message)));
}

} // namespace

int HandoverCommand::run(const WallOptions &options)
{
    if (!QFileInfo(options.dbPath).isFile()) {
        printError(QStringLiteral("--db: %1 does not exist").arg(options.dbPath));
        return 3;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ShiftWindow window = ShiftWindow::current(options.until.isValid() ? options.until : now);
    if (options.since.isValid())
        window.from = options.since;
    if (window.from >= window.to) {
        printError(QStringLiteral("the report's window is empty: it would end at %1, before it "
                                  "starts")
                       .arg(window.to.toString(Qt::ISODate)));
        return 2;
    }
    LanguageSwitcher language;
    language.setLanguage(options.language);

    const auto sources = HandoverStoreReader::readFile(options.dbPath, window.from, window.to);
    if (!sources.ok()) {
        printError(sources.error);
        return 3;
    }
    const HandoverReport report =
        HandoverReportBuilder::build(sources.value, window.from, window.to, now);
    if (const QString error = HandoverReportDocument::writePdf(report, options.reportPath);
        !error.isEmpty()) {
        printError(error);
        return 1;
    }
    std::printf("wrote %s: %s to %s; %d open, %d acknowledged, %d shelved alerts; "
                "%zu acknowledgements; %zu missed their time; %zu open incidents; "
                "%zu hand-offs; %d exercise/test alerts (not counted)\n",
                qPrintable(options.reportPath), qPrintable(window.from.toString(Qt::ISODate)),
                qPrintable(window.to.toString(Qt::ISODate)),
                HandoverReport::liveCount(report.openAlerts),
                HandoverReport::liveCount(report.acknowledgedAlerts),
                HandoverReport::liveCount(report.shelvedAlerts), report.acknowledgements.size(),
                report.slaMisses.size(), report.openIncidents.size(), report.handOffs.size(),
                report.exerciseAlerts);
    return 0;
}

} // namespace tlr
