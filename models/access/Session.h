#pragma once

#include "access/Actor.h"

#include <QObject>

#include <optional>

namespace tlr {

class AuditRecorder;

// Who is logged in at this console, if anyone. Nobody is until someone logs in: the wall shows
// everything read-only, and every action it takes on its own is the system's.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(AuditRecorder *audit, QObject *parent = nullptr);

    std::optional<Actor> actor() const { return m_actor; }
    bool isActive() const { return m_actor.has_value(); }

    // After AccountService::logIn() succeeded (which audited the login). Replaces, and audits
    // the end of, a session already running.
    void begin(const Actor &actor);
    // Audited as "session.ended" with the reason given; nothing when nobody is logged in.
    void end(const QString &reason);

signals:
    void changed();

private:
    AuditRecorder *m_audit; // may be null: a wall without a database keeps no log
    std::optional<Actor> m_actor;
};

} // namespace tlr
