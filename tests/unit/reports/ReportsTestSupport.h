#pragma once

#include "IncidentTestSupport.h"
#include "StoreTestSupport.h"

#include "alerts/AlertEngine.h"
#include "audit/AuditLog.h"
#include "domain/WallClock.h"
#include "incidents/IncidentArchive.h"
#include "incidents/IncidentBoard.h"
#include "reports/HandoverReportBuilder.h"
#include "reports/HandoverStoreReader.h"

#include <catch2/catch.hpp>

namespace tlr::test {

// 23 November 2026 in WIB, the room's time.
inline QDateTime wib(int hour, int minute, int day = 23)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), WallClock::wib()).toUTC();
}

inline AlertCondition river(const char *resource, Severity severity, const char *title)
{
    AlertCondition c;
    c.source = QStringLiteral("dlh-environment");
    c.resource = QString::fromLatin1(resource);
    c.event = QStringLiteral("river-level");
    c.origin = QStringLiteral("rule:river-level");
    c.severity = severity;
    c.title = QString::fromUtf8(title);
    c.kecamatan = QStringLiteral("Neglasari");
    c.agency = Agency::Dlh;
    return c;
}

inline const Actor kSiti{QStringLiteral("siti"), Role::Supervisor};
inline const Actor kBudi{QStringLiteral("budi"), Role::Operator};

// The wall's writers on a real database file with a clock the test moves: the alert engine and
// the incident board record to the hash-chained audit log, the archive keeps the incidents,
// the store keeps the reports.
struct ShiftFixture
{
    ShiftFixture() : ShiftFixture(QString()) {}
    // On a file of the caller's, closed (and complete without its -wal) when the fixture goes.
    explicit ShiftFixture(const QString &file)
        : path(file.isEmpty() ? dir.filePath(QStringLiteral("wall.sqlite")) : file)
    {
        clock.setFixedTime(wib(6, 0));
        REQUIRE(store.open(optionsFor(path)).isEmpty());
        audit = std::make_unique<AuditLog>(&store);
        engine = std::make_unique<AlertEngine>(&clock, AlertRules(), audit.get());
        board = std::make_unique<IncidentBoard>(testConfig(), &clock, audit.get());
        archive = std::make_unique<IncidentArchive>(board.get(), &store);
    }
    ~ShiftFixture()
    {
        archive.reset();
        board.reset();
        engine.reset();
        audit.reset(); // before the store, whose thread it writes on
    }

    void startWall() { audit->record({clock.now(), Actor::system(), QStringLiteral("wall.started"),
                                      QStringLiteral("wall:test"), {}}); }
    void setTime(const QDateTime &utc)
    {
        clock.setFixedTime(utc);
        engine->checkTimers(); // what the clock's tick does every second
    }
    quint64 raise(const AlertCondition &condition)
    {
        engine->applyConditions({condition});
        return engine->find(condition.source, condition.resource, condition.event)->id;
    }
    void addReport(const QString &id, const QDateTime &received, bool emergency)
    {
        tlr::Report report;
        report.source = QStringLiteral("laksa");
        report.id = id;
        report.receivedAt = received;
        report.channel = emergency ? tlr::Report::Channel::Call112 : tlr::Report::Channel::WhatsApp;
        report.kind = emergency ? tlr::Report::Kind::Emergency : tlr::Report::Kind::Complaint;
        report.emergency = emergency;
        report.category = QStringLiteral("sampah");
        report.kecamatan = QStringLiteral("Periuk");
        store.append(makeMessage(QStringLiteral("laksa"), ++reportSeq, {report}, received));
    }
    HandoverReport build(const QDateTime &from, const QDateTime &to)
    {
        REQUIRE(archive->flush().isEmpty());
        audit->flush();
        store.flush();
        const auto sources = HandoverStoreReader::readFile(path, from, to);
        REQUIRE(sources.error.isEmpty());
        return HandoverReportBuilder::build(sources.value, from, to, clock.now());
    }

    QTemporaryDir dir;
    QString path;
    WallClock clock;
    EventStore store;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<AlertEngine> engine;
    std::unique_ptr<IncidentBoard> board;
    std::unique_ptr<IncidentArchive> archive;
    qint64 reportSeq = 0;
};

} // namespace tlr::test
