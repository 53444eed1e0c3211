#include "PersonalDataAccess.h"

#include "AccessCategory.h"
#include "Permissions.h"

#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"
#include "store/EventStore.h"

#include <QPromise>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace tlr {
namespace {

QString subjectOf(const QString &reportId)
{
    return QStringLiteral("report:") + reportId;
}

QFuture<PersonalDataAccess::Reveal> answered(PersonalDataAccess::Reveal reveal)
{
    QPromise<PersonalDataAccess::Reveal> promise;
    promise.start();
    promise.addResult(std::move(reveal));
    promise.finish();
    return promise.future();
}

PersonalDataAccess::Reveal lookUp(QSqlDatabase &db, const QString &reportId)
{
    using Outcome = PersonalDataAccess::Reveal::Outcome;
    PersonalDataAccess::Reveal reveal;
    if (!db.isOpen()) {
        reveal.outcome = Outcome::Failed;
        reveal.error = QStringLiteral("the store is not open");
        return reveal;
    }
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT reporter_name, reporter_phone FROM reports WHERE id = ?"));
    query.addBindValue(reportId);
    if (!query.exec()) {
        reveal.outcome = Outcome::Failed;
        reveal.error = query.lastError().text();
        return reveal;
    }
    if (!query.next()) {
        reveal.outcome = Outcome::NotFound;
        return reveal;
    }
    reveal.details = {reportId, query.value(0).toString(), query.value(1).toString()};
    reveal.outcome = reveal.details.isEmpty() ? Outcome::NotFound : Outcome::Revealed;
    return reveal;
}

} // namespace

PersonalDataAccess::PersonalDataAccess(EventStore *store, AuditRecorder *audit,
                                       const WallClock *clock)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
{
}

bool PersonalDataAccess::mayReveal(const Actor &actor)
{
    return !actor.isSystem() && !actor.name.isEmpty() && canRevealPersonalData(actor.role);
}

QFuture<PersonalDataAccess::Reveal> PersonalDataAccess::reveal(const Actor &actor,
                                                               const QString &reportId) const
{
    if (!m_store || !m_audit)
        return answered({Reveal::Outcome::Failed,
                         {},
                         QStringLiteral("no store and audit log to reveal from")});
    if (reportId.isEmpty())
        return answered({Reveal::Outcome::NotFound, {}, {}});
    const QDateTime now = m_clock->now();
    if (!mayReveal(actor)) {
        m_audit->record({now, actor, QStringLiteral("report.reveal_refused"), subjectOf(reportId),
                         QStringLiteral("the role may not see reporters' details")});
        qCInfo(lcAccess) << "refused to reveal a reporter's details to" << actor.name;
        return answered({Reveal::Outcome::Refused, {}, {}});
    }
    // Recorded first: the audit log queues its write on the store's thread ahead of the look-up.
    m_audit->record(
        {now, actor, QStringLiteral("report.personal_revealed"), subjectOf(reportId), {}});
    auto promise = std::make_shared<QPromise<Reveal>>();
    QFuture<Reveal> future = promise->future();
    promise->start();
    m_store->post([promise, reportId](QSqlDatabase &db) {
        promise->addResult(lookUp(db, reportId));
        promise->finish();
    });
    return future;
}

} // namespace tlr
