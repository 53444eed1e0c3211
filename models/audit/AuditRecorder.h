#pragma once

#include "access/Actor.h"

#include <QDateTime>
#include <QString>

namespace tlr {

// One attributable action: who, when, what, on which alert or incident, with the note they gave.
struct AuditAction
{
    QDateTime at; // UTC
    Actor actor;
    QString action;  // a stable key: "alert.acknowledged", "incident.fused", …
    QString subject; // what it acted on: "alert:<id>", "incident:<id>", "user:<name>"
    QString note;
};

// Where actions go to be kept. The alert engine and the consoles record through this; the
// hash-chained log in the store implements it, tests use a list.
class AuditRecorder
{
public:
    virtual ~AuditRecorder() = default;
    virtual void record(const AuditAction &action) = 0;
};

} // namespace tlr
