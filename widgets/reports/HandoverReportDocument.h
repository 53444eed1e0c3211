#pragma once

#include "reports/HandoverReport.h"

#include <QCoreApplication>
#include <QString>

class QTextDocument;

namespace tlr {

// The handover report worded in the language the wall speaks now and laid out for paper: an
// A4 PDF through QTextDocument and QPdfWriter (Qt Gui only; no widget is involved, so it runs on
// a worker thread and in the headless command). Times are WIB. Every text from the store (titles,
// notes, names) is escaped: a note is never markup.
class HandoverReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(HandoverReportDocument)
public:
    static QString html(const HandoverReport &report);
    // Empty on success, else why the file could not be written.
    static QString writePdf(const HandoverReport &report, const QString &path);

private:
    static QString summary(const HandoverReport &report);
    static QString alertSections(const HandoverReport &report);
    static QString acknowledgementSection(const HandoverReport &report);
    static QString slaSection(const HandoverReport &report);
    static QString incidentSections(const HandoverReport &report);
    static QString handOffSection(const HandoverReport &report);
    static QString noteSection(const HandoverReport &report);
};

} // namespace tlr
