#pragma once

#include "alerts/AlertEngine.h"
#include "audit/AuditRecorder.h"
#include "domain/WallClock.h"

#include <QStringList>

namespace tlr::test {

inline const QDateTime kStart(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC);

// Keeps every audited action, in order.
class ListRecorder : public AuditRecorder
{
public:
    void record(const AuditAction &action) override { actions.append(action); }

    QStringList actionsOn(const QString &subject) const
    {
        QStringList result;
        for (const AuditAction &a : actions) {
            if (a.subject == subject)
                result.append(a.action);
        }
        return result;
    }
    const AuditAction &last() const { return actions.last(); }

    QList<AuditAction> actions;
};

inline AlertCondition condition(const char *resource, Severity severity, bool active = true)
{
    AlertCondition c;
    c.source = QStringLiteral("dlh-environment");
    c.resource = QString::fromLatin1(resource);
    c.event = QStringLiteral("river-level");
    c.severity = severity;
    c.active = active;
    c.title = QStringLiteral("Pintu Air 10");
    c.kecamatan = QStringLiteral("Neglasari");
    c.agency = Agency::Dlh;
    return c;
}

inline AlertCondition cleared(const char *resource)
{
    return condition(resource, Severity::Unknown, false);
}

inline Actor supervisor() { return {QStringLiteral("sari"), Role::Supervisor}; }
inline Actor operatorActor() { return {QStringLiteral("budi"), Role::Operator}; }

// A clock at kStart, moved by the test; an engine with the default policy and a list recorder.
struct EngineFixture
{
    explicit EngineFixture(AlertPolicy policy = {})
    {
        clock.setFixedTime(kStart);
        AlertRules rules;
        rules.policy = policy;
        engine = std::make_unique<AlertEngine>(&clock, rules, &audit);
    }

    void advanceSeconds(qint64 seconds) { clock.setFixedTime(clock.now().addSecs(seconds)); }
    void advanceMinutes(qint64 minutes) { advanceSeconds(minutes * 60); }
    const AlertRecord &only() const
    {
        const QList<AlertRecord> all = engine->alerts();
        static AlertRecord copy;
        copy = all.value(0);
        return copy;
    }
    quint64 raise(const char *resource, Severity severity)
    {
        engine->applyConditions({condition(resource, severity)});
        return engine->find(QStringLiteral("dlh-environment"), QString::fromLatin1(resource),
                            QStringLiteral("river-level"))->id;
    }

    WallClock clock;
    ListRecorder audit;
    std::unique_ptr<AlertEngine> engine;
};

} // namespace tlr::test
