#pragma once

#include "domain/Severity.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tlr {

// How signals are fused into incidents (resources/incidents/fusion.json, docs/incidents.md).
struct FusionConfig
{
    double radiusMetres = 1000.0; // from the incident's anchor, the place of its first signal
    int windowMinutes = 60;       // before its first or after its latest signal
    // Alerts at least this severe open an incident; milder ones only join.
    Severity alertsOpenFrom = Severity::Minor;
    // Complaints (non-emergency reports) that find no incident wait for one; this many close
    // together within the window open one between them. 0: complaints never open one.
    int complaintQuorum = 3;
    // Observations whose entity type is listed are signals (they only ever join).
    QStringList observationTypes = {QStringLiteral("FloodReport")};
    // category -> hazard. Signals of two different hazards never share an incident; a category
    // that is not listed fits any hazard.
    QHash<QString, QString> hazardOfCategory;

    QString hazard(const QString &category) const { return hazardOfCategory.value(category); }
};

} // namespace tlr
