#include "AuditTestSupport.h"

#include "access/PersonalDataAccess.h"
#include "access/RoleKey.h"
#include "domain/WallClock.h"
#include "parsing/ReportParser.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace tlr;
using namespace tlr::test;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(3, 5), Qt::UTC);

// The LAKSA fixture, parsed and stored the way a feed stores it: the reporter apart.
void storeFixtureReport(EventStore &store)
{
    QFile file(QStringLiteral(TLR_TEST_DATA_DIR "/report/laksa-whatsapp-banjir.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    ParseResult parsed = ReportParser().parse(file.readAll());
    REQUIRE_FALSE(parsed.isRejected());
    REQUIRE(parsed.personalDetails.size() == 1);
    StoredMessage message;
    message.feed = QStringLiteral("laksa");
    message.seq = 1;
    message.receivedAt = kNow;
    message.format = PayloadFormat::TlrReport;
    message.events = parsed.events;
    message.personalDetails = parsed.personalDetails;
    store.append(message);
    store.flush();
}

PersonalDataAccess::Reveal waitFor(QFuture<PersonalDataAccess::Reveal> future)
{
    future.waitForFinished();
    REQUIRE(future.resultCount() == 1);
    return future.result();
}

struct AuditRow
{
    QString actor, role, action, subject;
    qint64 at = 0;
};

QList<AuditRow> auditRows(const QString &path, const QString &actionPrefix)
{
    SqlProbe probe(path);
    QSqlQuery query(probe.db());
    query.prepare(QStringLiteral("SELECT actor, role, action, subject, at FROM audit_log "
                                 "WHERE action LIKE ? ORDER BY seq"));
    query.addBindValue(actionPrefix + QLatin1Char('%'));
    REQUIRE(query.exec());
    QList<AuditRow> rows;
    while (query.next()) {
        rows.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toLongLong()});
    }
    return rows;
}

} // namespace

TEST_CASE("A supervisor or an admin sees a reporter's details, and each look is audited")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reveal.db"));
    WallClock clock;
    clock.setFixedTime(kNow);
    {
        AuditedStore audited(path);
        storeFixtureReport(audited.store);
        PersonalDataAccess access(&audited.store, audited.audit.get(), &clock);

        for (const Actor &actor : {Actor{QStringLiteral("siti"), Role::Supervisor},
                                   Actor{QStringLiteral("admin"), Role::Admin}}) {
            INFO(roleKey(actor.role).toStdString());
            const auto reveal = waitFor(access.reveal(actor, QStringLiteral("LAKSA-2026-000123")));
            CHECK(reveal.outcome == PersonalDataAccess::Reveal::Outcome::Revealed);
            CHECK(reveal.details.name == QStringLiteral("Siti Rahmawati"));
            CHECK(reveal.details.phone == QStringLiteral("+6281234567890"));
        }
        const auto missing = waitFor(
            access.reveal({QStringLiteral("siti"), Role::Supervisor}, QStringLiteral("LAKSA-0")));
        CHECK(missing.outcome == PersonalDataAccess::Reveal::Outcome::NotFound);
        CHECK(missing.details.isEmpty());
        audited.audit->flush();
    }
    const QList<AuditRow> rows = auditRows(path, QStringLiteral("report."));
    REQUIRE(rows.size() == 3); // the look that found nothing was a look all the same
    CHECK(rows[0].actor == QStringLiteral("siti"));
    CHECK(rows[0].role == QStringLiteral("supervisor"));
    CHECK(rows[0].action == QStringLiteral("report.personal_revealed"));
    CHECK(rows[0].subject == QStringLiteral("report:LAKSA-2026-000123"));
    CHECK(rows[0].at == kNow.toMSecsSinceEpoch());
    CHECK(rows[1].actor == QStringLiteral("admin"));
    CHECK(rows[2].subject == QStringLiteral("report:LAKSA-0"));
}

TEST_CASE("An operator, an executive and the system are refused, and the refusal is audited")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("refuse.db"));
    WallClock clock;
    clock.setFixedTime(kNow);
    {
        AuditedStore audited(path);
        storeFixtureReport(audited.store);
        PersonalDataAccess access(&audited.store, audited.audit.get(), &clock);
        for (const Actor &actor :
             {Actor{QStringLiteral("budi"), Role::Operator},
              Actor{QStringLiteral("walikota"), Role::Executive}, Actor::system()}) {
            INFO(actor.name.toStdString());
            CHECK_FALSE(PersonalDataAccess::mayReveal(actor));
            const auto reveal = waitFor(access.reveal(actor, QStringLiteral("LAKSA-2026-000123")));
            CHECK(reveal.outcome == PersonalDataAccess::Reveal::Outcome::Refused);
            CHECK(reveal.details.isEmpty());
        }
        audited.audit->flush();
    }
    const QList<AuditRow> rows = auditRows(path, QStringLiteral("report."));
    REQUIRE(rows.size() == 3);
    for (const AuditRow &row : rows) {
        CHECK(row.action == QStringLiteral("report.reveal_refused"));
        CHECK(row.subject == QStringLiteral("report:LAKSA-2026-000123"));
    }
    CHECK(rows[0].actor == QStringLiteral("budi"));
    CHECK(rows[1].actor == QStringLiteral("walikota"));
}

TEST_CASE("Without a store nothing is revealed")
{
    WallClock clock;
    PersonalDataAccess access(nullptr, nullptr, &clock);
    const auto reveal =
        waitFor(access.reveal({QStringLiteral("siti"), Role::Supervisor}, QStringLiteral("x")));
    CHECK(reveal.outcome == PersonalDataAccess::Reveal::Outcome::Failed);
}
