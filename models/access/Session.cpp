#include "Session.h"

#include "audit/AuditRecorder.h"

namespace tlr {

Session::Session(AuditRecorder *audit, QObject *parent)
    : QObject(parent)
    , m_audit(audit)
{
}

void Session::begin(const Actor &actor)
{
    if (m_actor && m_actor->name == actor.name && m_actor->role == actor.role)
        return;
    if (m_actor)
        end(QStringLiteral("%1 logged in at this console").arg(actor.name));
    m_actor = actor;
    emit changed();
}

void Session::end(const QString &reason)
{
    if (!m_actor)
        return;
    if (m_audit) {
        m_audit->record({QDateTime::currentDateTimeUtc(), *m_actor,
                         QStringLiteral("session.ended"),
                         QStringLiteral("user:%1").arg(m_actor->name), reason});
    }
    m_actor.reset();
    emit changed();
}

} // namespace tlr
