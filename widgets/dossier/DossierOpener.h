#pragma once

#include "DossierContext.h"

#include <QObject>
#include <QPointer>

namespace tlr {

class IncidentDossier;
class MapTile;

// Opens an incident's dossier from wherever the wall offers one: a feature picked on a map (a
// report, an alert, an observation that is part of an incident), or an incident's id (a row of
// an incident list, the briefing). One dossier is open at a time, in a window of its own.
class DossierOpener : public QObject
{
    Q_OBJECT
public:
    explicit DossierOpener(const DossierContext &context, QObject *parent = nullptr);
    ~DossierOpener() override;

    // A map's picked features open the dossier of the incident they belong to.
    void watch(MapTile *map);

    // Shows the incident's dossier, replacing the one open; null when the board has no such
    // incident.
    IncidentDossier *open(qint64 incidentId);
    // The map feature's incident, if it is part of one; 0 otherwise.
    qint64 incidentOfFeature(const QString &entityId) const;
    IncidentDossier *current() const;

signals:
    void opened(qint64 incidentId);

private:
    void openForFeature(const QString &entityId);

    DossierContext m_context;
    QPointer<IncidentDossier> m_current;
};

} // namespace tlr
