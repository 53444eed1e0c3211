#pragma once

#include "HandoverReport.h"
#include "HandoverSources.h"

namespace tlr {

// Builds the handover report for [from, to] from the audit log, the incidents and the
// complaints. Alerts are not kept in a table of their own: their life is retold from the
// engine's audit entries (raised, acknowledged, shelved, escalated, …), from the start of the
// wall's run that was going at `from` — alert numbers start again with each run, and a run's
// alerts end with it. Incidents' states and holders are taken as at `to` from their history.
class HandoverReportBuilder
{
public:
    static HandoverReport build(const HandoverSources &sources, const QDateTime &from,
                                const QDateTime &to, const QDateTime &generatedAt);
};

} // namespace tlr
