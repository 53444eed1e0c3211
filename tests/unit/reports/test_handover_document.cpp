#include "domain/WallClock.h"
#include "i18n/LanguageSwitcher.h"
#include "reports/HandoverReportDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTextDocument>

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

using Handover = HandoverReport;

QDateTime wib(int hour, int minute)
{
    return QDateTime(QDate(2026, 11, 23), QTime(hour, minute), WallClock::wib()).toUTC();
}

// A shift with one of everything, the way HandoverReportBuilder leaves it.
HandoverReport sampleReport()
{
    HandoverReport report;
    report.from = wib(7, 0);
    report.to = wib(15, 0);
    report.generatedAt = wib(15, 2);
    report.liveAlertsRaised = 3;
    report.exerciseAlerts = 1;

    Handover::AlertItem open;
    open.id = 4;
    open.title = QStringLiteral("Pintu Air 10: 720 cm <Siaga 1>");
    open.severity = Severity::Extreme;
    open.state = AlertState::Unacknowledged;
    open.raisedAt = wib(6, 58);
    open.unacknowledgedSince = wib(6, 58);
    open.escalationLevel = 3;
    report.openAlerts.push_back(open);
    Handover::AlertItem drill = open;
    drill.id = 9;
    drill.title = QStringLiteral("Latihan banjir Periuk");
    drill.live = false;
    report.openAlerts.push_back(drill);

    Handover::AlertItem taken;
    taken.id = 5;
    taken.title = QStringLiteral("Kali Sabi: Siaga 2");
    taken.severity = Severity::Severe;
    taken.state = AlertState::Acknowledged;
    taken.raisedAt = wib(7, 10);
    taken.acknowledgedBy = QStringLiteral("siti");
    taken.acknowledgedAt = wib(7, 25);
    taken.acknowledgeNote = QStringLiteral("Petugas BPBD & tim 2 sudah di lokasi");
    report.acknowledgedAlerts.push_back(taken);

    Handover::AlertItem shelved;
    shelved.id = 6;
    shelved.title = QStringLiteral("Cisadane 3");
    shelved.severity = Severity::Moderate;
    shelved.state = AlertState::Shelved;
    shelved.shelvedBy = QStringLiteral("siti");
    shelved.shelvedAt = wib(7, 40);
    shelved.shelveReason = QStringLiteral("Sensor rusak");
    shelved.shelvedUntil = wib(11, 40);
    report.shelvedAlerts.push_back(shelved);

    Handover::Acknowledgement ack;
    ack.subject = Handover::Acknowledgement::Subject::Alert;
    ack.reference = QStringLiteral("5");
    ack.title = taken.title;
    ack.at = wib(7, 25);
    ack.by = QStringLiteral("siti");
    ack.role = QStringLiteral("supervisor");
    ack.note = taken.acknowledgeNote;
    ack.waitedSeconds = 15 * 60;
    report.acknowledgements.push_back(ack);

    Handover::SlaMiss miss;
    miss.kind = Handover::SlaMiss::Kind::AlertEscalated;
    miss.reference = QStringLiteral("4");
    miss.title = open.title;
    miss.dueAt = wib(7, 10);
    miss.level = 3;
    report.slaMisses.push_back(miss);
    Handover::SlaMiss complaint;
    complaint.kind = Handover::SlaMiss::Kind::ComplaintOverdue;
    complaint.reference = QStringLiteral("LAKSA-77");
    complaint.title = QStringLiteral("sampah · Periuk");
    complaint.dueAt = wib(9, 15);
    report.slaMisses.push_back(complaint);

    Handover::IncidentItem incident;
    incident.id = 42;
    incident.displayId = QStringLiteral("INC-000042");
    incident.state = IncidentState::Forwarded;
    incident.severity = Severity::Severe;
    incident.kecamatan = QStringLiteral("Periuk");
    incident.hazard = QStringLiteral("flood"); // the fusion configuration's key
    incident.accountable = Agency::Dlh;
    incident.firstSignalAt = wib(8, 5);
    incident.signalCount = 6;
    incident.bounced = true;
    report.openIncidents.push_back(incident);
    report.handOffs.push_back({QStringLiteral("INC-000042"), Agency::Dishub, Agency::Dlh,
                               QStringLiteral("budi"), wib(9, 30), QStringLiteral("kembali"),
                               true});
    report.notes.push_back({QStringLiteral("INC-000042"), QStringLiteral("andi"),
                            QStringLiteral("operator"), wib(9, 40),
                            QStringLiteral("Pak RT: air <40 cm> & naik")});
    return report;
}

QString plainText(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

} // namespace

TEST_CASE("The handover document says who took what, in WIB, with every stored text escaped")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("en")));
    const QString html = HandoverReportDocument::html(sampleReport());
    CHECK_FALSE(html.contains(QStringLiteral("<Siaga 1>"))); // a title is never markup
    const QString text = plainText(html);
    CHECK(text.contains(QStringLiteral("Shift handover report")));
    CHECK(text.contains(QStringLiteral("Pintu Air 10: 720 cm <Siaga 1>")));
    CHECK(text.contains(QStringLiteral("Petugas BPBD & tim 2 sudah di lokasi")));
    CHECK(text.contains(QStringLiteral("Sensor rusak")));
    CHECK(text.contains(QStringLiteral("23 Nov 11:40"))); // the shelf's expiry, WIB
    CHECK(text.contains(QStringLiteral("23 Nov 07:25"))); // siti's acknowledgement, WIB
    CHECK(text.contains(QStringLiteral("siti (supervisor)")));
    CHECK(text.contains(QStringLiteral("LAKSA-77")));
    CHECK(text.contains(QStringLiteral("INC-000042")));
    CHECK(text.contains(QStringLiteral("Flood")));
    CHECK(text.contains(QStringLiteral("bounced back")));
    CHECK(text.contains(QStringLiteral("[EXERCISE/TEST] #9 Latihan banjir Periuk")));
    CHECK(text.contains(QStringLiteral("Open alerts, not acknowledged (1)"))); // the drill not counted
    CHECK(text.contains(QStringLiteral("acknowledged 23 Nov")) == false); // nothing handled late
    CHECK(text.contains(QStringLiteral("not yet")));
    CHECK(text.contains(QStringLiteral("Notes on incidents (1)")));
    CHECK(text.contains(QStringLiteral("Pak RT: air <40 cm> & naik")));
    CHECK(text.contains(QStringLiteral("andi (operator)")));
}

TEST_CASE("The handover document speaks Indonesian when the wall does")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("id")));
    const QString text = plainText(HandoverReportDocument::html(sampleReport()));
    CHECK(text.contains(QStringLiteral("Laporan serah terima shift")));
    CHECK(text.contains(QStringLiteral("[LATIHAN/UJI]")));
    CHECK(text.contains(QStringLiteral("Ekstrem")));
    CHECK(text.contains(QStringLiteral("Banjir"))); // the hazard key "flood", in words
    CHECK_FALSE(text.contains(QStringLiteral("flood")));
    CHECK_FALSE(text.contains(QStringLiteral("Shift handover report")));
    REQUIRE(language.setLanguage(QStringLiteral("en")));
}

TEST_CASE("The handover report is written as an A4 PDF")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("en")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handover.pdf"));
    REQUIRE(HandoverReportDocument::writePdf(sampleReport(), path).isEmpty());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.contains("/MediaBox [0 0 595"));
    CHECK(bytes.size() > 4000);
    CHECK_FALSE(HandoverReportDocument::writePdf(sampleReport(),
                                                 dir.filePath(QStringLiteral("no/such/dir.pdf")))
                    .isEmpty());
}

TEST_CASE("A storm's thousands of small incidents are counted in full and listed by weight")
{
    LanguageSwitcher language;
    REQUIRE(language.setLanguage(QStringLiteral("en")));
    HandoverReport report = sampleReport();
    const auto first = report.openIncidents.front();
    for (int i = 0; i < 69; ++i) {
        auto small = first;
        small.displayId = QStringLiteral("INC-9%1").arg(i, 5, 10, QLatin1Char('0'));
        small.severity = Severity::Minor;
        small.signalCount = 1;
        report.openIncidents.push_back(small);
    }
    const QString text = plainText(HandoverReportDocument::html(report));
    CHECK(text.contains(QStringLiteral("Open incidents (70)")));
    CHECK(text.contains(QStringLiteral("INC-000042")));
    CHECK(text.contains(QStringLiteral("10 more not listed here")));
    CHECK(text.contains(QStringLiteral("INC-900058")));
    CHECK_FALSE(text.contains(QStringLiteral("INC-900059")));
}
