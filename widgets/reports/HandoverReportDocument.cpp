#include "HandoverReportDocument.h"

#include "alerts/AlertStyle.h"
#include "domain/WallClock.h"
#include "incidents/Incident.h"
#include "itemmodels/IncidentTableModel.h"
#include "theme/Theme.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>

namespace tlr {
namespace {

using Report = HandoverReport;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

// "23 Nov 14:05" within the report's days, with the year when the window spans years.
QString wibTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("–");
    return QLocale().toString(utc.toTimeZone(WallClock::wib()), QStringLiteral("d MMM HH:mm"));
}

QString wibDateTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toTimeZone(WallClock::wib()),
                              QStringLiteral("dddd, d MMMM yyyy HH:mm"));
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 3600)
        return HandoverReportDocument::tr("%1 min").arg((seconds + 59) / 60);
    return HandoverReportDocument::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString severityCell(Severity severity)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span> %3")
        .arg(Theme::severityColor(severity).darker(130).name(), Theme::severityGlyph(severity),
             Theme::severityLabel(severity).toHtmlEscaped());
}

QString exerciseMark()
{
    return QStringLiteral("<b style=\"color:#8a4b00\">[%1]</b> ")
        .arg(HandoverReportDocument::tr("EXERCISE/TEST"));
}

QString alertCell(const Report::AlertItem &alert)
{
    return (alert.live ? QString() : exerciseMark()) +
           QStringLiteral("<b>#%1</b> %2").arg(alert.id).arg(escaped(alert.title));
}

QString row(const QStringList &cells)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<td>") + cell + QStringLiteral("</td>");
    return html + QStringLiteral("</tr>");
}

// The column with words (the alert, the incident's what) gets the room.
QString table(const QStringList &headers, const QStringList &rows, qsizetype wideColumn = 1)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" "
                                  "border=\"0.5\" style=\"border-color:#999\"><thead><tr>");
    for (qsizetype i = 0; i < headers.size(); ++i) {
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e4e4e4\"%1>")
                    .arg(i == wideColumn && headers.size() > 3
                             ? QStringLiteral(" width=\"%1%\"").arg(wideColumn == 1 ? 42 : 30)
                             : QString()) +
                headers.at(i).toHtmlEscaped() + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr></thead>");
    if (rows.isEmpty()) {
        html += QStringLiteral("<tr><td colspan=\"%1\"><i>%2</i></td></tr>")
                    .arg(headers.size())
                    .arg(HandoverReportDocument::tr("None."));
    }
    return html + rows.join(QString()) + QStringLiteral("</table>");
}

QString heading(const QString &title, int count)
{
    return QStringLiteral("<h2>%1 (%2)</h2>").arg(title.toHtmlEscaped()).arg(count);
}

QString holder(Agency agency)
{
    return IncidentTableModel::holderName(agency).toHtmlEscaped();
}

} // namespace

QString HandoverReportDocument::html(const HandoverReport &report)
{
    QString html = QStringLiteral(
        "<html><head><style>"
        "body { font-family: 'DejaVu Sans'; font-size: 8.5pt; color: #111; }"
        "h1 { font-size: 16pt; margin-top: 0px; margin-bottom: 2px; }"
        "h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }"
        "th { font-size: 8pt; }"
        ".muted { color: #555; }"
        "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(tr("Shift handover report").toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b><br>%2 – %3 WIB<br><span class=\"muted\">%4</span></p>")
                .arg(tr("Tangerang Live Room").toHtmlEscaped(), wibDateTime(report.from),
                     QLocale().toString(report.to.toTimeZone(WallClock::wib()),
                                        report.from.toTimeZone(WallClock::wib()).date() ==
                                                report.to.toTimeZone(WallClock::wib()).date()
                                            ? QStringLiteral("HH:mm")
                                            : QStringLiteral("dddd, d MMMM yyyy HH:mm")),
                     tr("Made %1 WIB from the wall's database and audit log.")
                         .arg(wibDateTime(report.generatedAt))
                         .toHtmlEscaped());
    html += summary(report);
    html += alertSections(report);
    html += acknowledgementSection(report);
    html += slaSection(report);
    html += incidentSections(report);
    html += handOffSection(report);
    html += noteSection(report);
    QStringList notes;
    notes << tr("Alerts are numbered by the wall from 1 each time it starts (starts during this "
                "shift: %1).")
                 .arg(report.wallRuns);
    notes << tr("Exercise and Test alerts are marked %1 and left out of every count.")
                 .arg(tr("EXERCISE/TEST"));
    notes << tr("The wire does not yet say when a complaint was followed up: every LAKSA "
                "complaint counts as open, and one older than 7 × 24 h as overdue.");
    for (QString &note : notes)
        note = note.toHtmlEscaped();
    html += QStringLiteral("<p class=\"muted\">") + notes.join(QStringLiteral("<br>")) +
            QStringLiteral("</p></body></html>");
    return html;
}

QString HandoverReportDocument::summary(const HandoverReport &report)
{
    const int lateHandled = int(std::count_if(report.slaMisses.cbegin(), report.slaMisses.cend(),
                                              [](const Report::SlaMiss &m) {
                                                  return m.handledAt.isValid();
                                              }));
    const int liveAcks = int(std::count_if(report.acknowledgements.cbegin(),
                                           report.acknowledgements.cend(),
                                           [](const Report::Acknowledgement &a) { return a.live; }));
    const QStringList rows = {
        row({tr("Live alerts raised"), QString::number(report.liveAlertsRaised)}),
        row({tr("Open, unacknowledged"), QStringLiteral("<b>%1</b>")
                                             .arg(Report::liveCount(report.openAlerts))}),
        row({tr("Acknowledged, still active"),
             QString::number(Report::liveCount(report.acknowledgedAlerts))}),
        row({tr("Shelved"), QString::number(Report::liveCount(report.shelvedAlerts))}),
        row({tr("Acknowledgements made"), QString::number(liveAcks)}),
        row({tr("Missed their time"),
             tr("%1 (%2 handled late)").arg(report.slaMisses.size()).arg(lateHandled)}),
        row({tr("Incidents open"), QString::number(report.openIncidents.size())}),
        row({tr("Incidents resolved or closed"), QString::number(report.finishedIncidents.size())}),
        row({tr("Hand-offs between agencies"), QString::number(report.handOffs.size())}),
        row({tr("Notes on incidents"), QString::number(report.notes.size())}),
        row({tr("Exercise/Test alerts (not counted)"), QString::number(report.exerciseAlerts)}),
    };
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">") + rows.join(QString()) +
           QStringLiteral("</table>");
}

QString HandoverReportDocument::alertSections(const HandoverReport &report)
{
    QStringList open;
    for (const auto &a : report.openAlerts) {
        open << row({severityCell(a.severity), alertCell(a), AlertStyle::stateLabel(a.state).toHtmlEscaped(),
                     wibTime(a.raisedAt),
                     duration(a.unacknowledgedSince.secsTo(report.to)),
                     a.escalationLevel > 0 ? QString::number(a.escalationLevel) : QString()});
    }
    QStringList acknowledged;
    for (const auto &a : report.acknowledgedAlerts) {
        acknowledged << row({severityCell(a.severity), alertCell(a), wibTime(a.raisedAt),
                             escaped(a.acknowledgedBy), wibTime(a.acknowledgedAt),
                             escaped(a.acknowledgeNote)});
    }
    QStringList shelved;
    for (const auto &a : report.shelvedAlerts) {
        shelved << row({severityCell(a.severity), alertCell(a), escaped(a.shelvedBy),
                        wibTime(a.shelvedAt), escaped(a.shelveReason), wibTime(a.shelvedUntil)});
    }
    return heading(tr("Open alerts, not acknowledged"), Report::liveCount(report.openAlerts)) +
           table({tr("Severity"), tr("Alert"), tr("State"), tr("Raised"), tr("Waiting"),
                  tr("Escalation")},
                 open) +
           heading(tr("Acknowledged alerts, still active"),
                   Report::liveCount(report.acknowledgedAlerts)) +
           table({tr("Severity"), tr("Alert"), tr("Raised"), tr("Acknowledged by"), tr("At"),
                  tr("Note")},
                 acknowledged) +
           heading(tr("Shelved alerts"), Report::liveCount(report.shelvedAlerts)) +
           table({tr("Severity"), tr("Alert"), tr("Shelved by"), tr("At"), tr("Reason"),
                  tr("Until")},
                 shelved);
}

QString HandoverReportDocument::acknowledgementSection(const HandoverReport &report)
{
    QStringList rows;
    int live = 0;
    for (const auto &a : report.acknowledgements) {
        live += a.live ? 1 : 0;
        const QString what =
            a.subject == Report::Acknowledgement::Subject::Alert
                ? (a.live ? QString() : exerciseMark()) + tr("Alert") +
                      QStringLiteral(" <b>#%1</b> %2").arg(a.reference.toHtmlEscaped(), escaped(a.title))
                : tr("Incident") + QStringLiteral(" <b>%1</b> %2").arg(a.reference.toHtmlEscaped(),
                                                                       escaped(a.title));
        rows << row({wibTime(a.at), what,
                     escaped(a.by) + QStringLiteral(" <span class=\"muted\">(%1)</span>")
                                         .arg(a.role.toHtmlEscaped()),
                     duration(a.waitedSeconds), escaped(a.note)});
    }
    return heading(tr("Who acknowledged what"), live) +
           table({tr("Time"), tr("What"), tr("By"), tr("After"), tr("Note")}, rows);
}

QString HandoverReportDocument::slaSection(const HandoverReport &report)
{
    QStringList rows;
    for (const auto &m : report.slaMisses) {
        const bool alert = m.kind == Report::SlaMiss::Kind::AlertEscalated;
        const QString what =
            alert ? tr("Alert") + QStringLiteral(" <b>#%1</b> %2").arg(m.reference.toHtmlEscaped(),
                                                                      escaped(m.title))
                  : tr("LAKSA complaint") + QStringLiteral(" <b>%1</b> %2")
                                                .arg(m.reference.toHtmlEscaped(), escaped(m.title));
        const QString detail =
            alert ? tr("not acknowledged in time, escalation level %1").arg(m.level)
                  : tr("no follow-up within 7 × 24 h");
        rows << row({wibTime(m.dueAt), what, detail.toHtmlEscaped(),
                     m.handledAt.isValid() ? tr("acknowledged %1").arg(wibTime(m.handledAt))
                                           : tr("not yet")});
    }
    QString html = heading(tr("Missed their time (SLA)"), int(report.slaMisses.size())) +
                   table({tr("Due or escalated"), tr("What"), tr("Miss"), tr("Handled")}, rows);
    if (report.complaintsOverdueBefore > 0) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Complaints already past their 7 × 24 h before this shift: %1.")
                             .arg(report.complaintsOverdueBefore)
                             .toHtmlEscaped());
    }
    return html;
}

QString HandoverReportDocument::incidentSections(const HandoverReport &report)
{
    // A storm opens thousands of small incidents; the paper lists the weightiest, the summary
    // counts them all, and the wall's incident board holds the rest.
    constexpr std::size_t kMaxRows = 60;
    const auto rowsOf = [&](const std::vector<Report::IncidentItem> &items) {
        QStringList rows;
        for (std::size_t n = 0; n < items.size() && n < kMaxRows; ++n) {
            const auto &i = items[n];
            const QString what = i.hazard.isEmpty() ? i.category : hazardName(i.hazard);
            rows << row({QStringLiteral("<b>%1</b>").arg(i.displayId), severityCell(i.severity),
                         escaped(what), escaped(i.kecamatan),
                         IncidentTableModel::stateName(i.state).toHtmlEscaped(),
                         holder(i.accountable) +
                             (i.bounced ? QStringLiteral(" <b>(%1)</b>").arg(tr("bounced")) : QString()),
                         wibTime(i.firstSignalAt), QString::number(i.signalCount)});
        }
        return rows;
    };
    const QStringList headers = {tr("Incident"), tr("Severity"), tr("What"), tr("Kecamatan"),
                                 tr("State"), tr("Held by"), tr("Since"), tr("Signals")};
    const auto notListed = [&](const std::vector<Report::IncidentItem> &items) {
        if (items.size() <= kMaxRows)
            return QString();
        return QStringLiteral("<p><i>%1</i></p>")
            .arg(tr("%1 more not listed here: the less severe, with fewer signals. The wall's "
                    "incident list has them all.")
                     .arg(items.size() - kMaxRows)
                     .toHtmlEscaped());
    };
    return heading(tr("Open incidents"), int(report.openIncidents.size())) +
           table(headers, rowsOf(report.openIncidents), 2) + notListed(report.openIncidents) +
           heading(tr("Incidents resolved or closed during the shift"),
                   int(report.finishedIncidents.size())) +
           table(headers, rowsOf(report.finishedIncidents), 2) + notListed(report.finishedIncidents);
}

QString HandoverReportDocument::handOffSection(const HandoverReport &report)
{
    QStringList rows;
    for (const auto &h : report.handOffs) {
        rows << row({wibTime(h.at), QStringLiteral("<b>%1</b>").arg(h.incident),
                     QStringLiteral("%1 → %2").arg(holder(h.from), holder(h.to)) +
                         (h.bounced ? QStringLiteral(" <b>(%1)</b>").arg(tr("bounced back"))
                                    : QString()),
                     escaped(h.by), escaped(h.note)});
    }
    return heading(tr("Hand-offs between agencies"), int(report.handOffs.size())) +
           table({tr("Time"), tr("Incident"), tr("From → to"), tr("By"), tr("Note")}, rows);
}

QString HandoverReportDocument::noteSection(const HandoverReport &report)
{
    QStringList rows;
    for (const auto &n : report.notes) {
        rows << row({wibTime(n.at), QStringLiteral("<b>%1</b>").arg(n.incident.toHtmlEscaped()),
                     escaped(n.by) + QStringLiteral(" <span class=\"muted\">(%1)</span>")
                                         .arg(n.role.toHtmlEscaped()),
                     escaped(n.text)});
    }
    return heading(tr("Notes on incidents"), int(report.notes.size())) +
           table({tr("Time"), tr("Incident"), tr("By"), tr("Note")}, rows);
}

QString HandoverReportDocument::writePdf(const HandoverReport &report, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("cannot write %1: %2").arg(path, file.errorString());
    QPdfWriter pdf(&file);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    // QTextDocument::print() lays the text out 2 cm inside the page and numbers the pages in
    // that margin; a margin of the writer's own would come on top of it.
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    pdf.setResolution(300);
    pdf.setTitle(tr("Shift handover report"));
    pdf.setCreator(QStringLiteral("tlr-wall"));
    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8.5);
    document.setDefaultFont(font);
    document.setHtml(html(report));
    document.print(&pdf);
    file.close();
    if (file.error() != QFileDevice::NoError)
        return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace tlr
