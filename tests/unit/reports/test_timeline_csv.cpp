#include "IncidentTestSupport.h"

#include "domain/WallClock.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTimelineModel.h"
#include "reports/CsvWriter.h"
#include "reports/TimelineCsv.h"

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

// RFC 4180 read back: fields, quoted or not, with CRLF between records. What a spreadsheet does
// with the file, written apart from the writer so that the two can disagree.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    REQUIRE(bytes.startsWith(kBom));
    const QString text = QString::fromUtf8(bytes.mid(kBom.size()));
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            REQUIRE(field.isEmpty()); // a quote only opens a field
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r') {
            REQUIRE(text.mid(i, 2) == QStringLiteral("\r\n"));
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else {
            REQUIRE(c != u'\n'); // a bare line feed only inside quotes
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(field.isEmpty());
    REQUIRE(record.isEmpty()); // the last record ends with CRLF too
    return records;
}

} // namespace

TEST_CASE("CSV fields are quoted only when they hold a comma, a quote or a line break")
{
    CHECK(CsvWriter::field(QStringLiteral("Periuk")) == QStringLiteral("Periuk"));
    CHECK(CsvWriter::field(QString()) == QString());
    CHECK(CsvWriter::field(QStringLiteral("a, b")) == QStringLiteral("\"a, b\""));
    CHECK(CsvWriter::field(QStringLiteral("kata \"darurat\"")) ==
          QStringLiteral("\"kata \"\"darurat\"\"\""));
    CHECK(CsvWriter::field(QStringLiteral("baris\nbaru")) == QStringLiteral("\"baris\nbaru\""));
    CHECK(CsvWriter::field(QStringLiteral("cr\rlf")) == QStringLiteral("\"cr\rlf\""));
    CHECK(CsvWriter::field(QStringLiteral("'kutip'; --")) == QStringLiteral("'kutip'; --"));

    CsvWriter csv;
    csv.addRecord({QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("\"")});
    csv.addRecord({QStringLiteral("Ünïcode → ✓")});
    CHECK(csv.bytes() == kBom + QByteArray("a,\"b,c\",\"\"\"\"\r\n") +
                             QStringLiteral("Ünïcode → ✓\r\n").toUtf8());
    const auto records = parseCsv(csv.bytes());
    REQUIRE(records.size() == 2);
    CHECK(records.at(0) == QStringList{QStringLiteral("a"), QStringLiteral("b,c"),
                                       QStringLiteral("\"")});
}

TEST_CASE("An incident's timeline exports as CSV with WIB times and notes read back whole")
{
    WallClock clock;
    clock.setFixedTime(at(8, 30));
    IncidentBoard board(testConfig(), &clock, nullptr);
    IncidentTimelineModel model(&board);
    board.addSignal(emergencyCall(QStringLiteral("112-1"), at(8, 1), periuk()));
    board.addSignal(floodReport(QStringLiteral("flood-7"), at(8, 5), moved(periuk(), 100)));
    REQUIRE(board.incidents().size() == 1);
    const qint64 id = board.incidents().front().id;
    model.setIncident(id);

    const Actor supervisor{QStringLiteral("siti"), Role::Supervisor};
    const QString note = QStringLiteral("Petugas BPBD, \"tim 2\",\nsudah di lokasi");
    clock.setFixedTime(at(8, 40, 9));
    REQUIRE(board.acknowledge(id, supervisor, note).isEmpty());
    clock.setFixedTime(at(8, 45));
    REQUIRE(board.forward(id, Agency::Dlh, supervisor, QStringLiteral("pompa, Periuk")).isEmpty());

    const QByteArray bytes = TimelineCsv::write(model);
    const QList<QStringList> records = parseCsv(bytes);
    REQUIRE(records.size() == model.rowCount() + 1);
    // The header row is the model's, in the language the wall speaks (English: no translator).
    CHECK(records.first() == QStringList{QStringLiteral("Time"), QStringLiteral("Kind"),
                                         QStringLiteral("What"), QStringLiteral("Who"),
                                         QStringLiteral("Note")});
    for (int row = 0; row < model.rowCount(); ++row) {
        INFO("row " << row);
        const QStringList &record = records.at(row + 1);
        REQUIRE(record.size() == IncidentTimelineModel::ColumnCount);
        const QDateTime time = QDateTime::fromString(record.at(0), Qt::ISODate);
        CHECK(record.at(0).endsWith(QStringLiteral("+07:00")));
        CHECK(time == model.index(row, 0).data(IncidentTimelineModel::TimeRole).toDateTime());
        for (int column = 1; column < IncidentTimelineModel::ColumnCount; ++column)
            CHECK(record.at(column) == model.index(row, column).data().toString());
    }
    // 08:40:09 UTC is 15:40:09 WIB; the note with its comma, quotes and line break comes back.
    const auto acknowledged = std::find_if(records.cbegin(), records.cend(), [&](const QStringList &r) {
        return r.value(4) == note;
    });
    REQUIRE(acknowledged != records.cend());
    CHECK(acknowledged->at(0) == QStringLiteral("2026-11-23T15:40:09+07:00"));
    CHECK(acknowledged->at(3) == QStringLiteral("siti"));
    CHECK(bytes.contains("\"Petugas BPBD, \"\"tim 2\"\",\nsudah di lokasi\""));
    const bool forwardListed = std::any_of(records.cbegin(), records.cend(), [](const QStringList &r) {
        return r.value(4) == QStringLiteral("pompa, Periuk") && r.value(2).contains(QStringLiteral("DLH"));
    });
    CHECK(forwardListed);
}
