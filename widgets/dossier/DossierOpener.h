#pragma once

#include "DossierContext.h"

#include <QObject>
#include <QPointer>

class QScreen;

namespace tlr {

class AlertPanelTile;
class IncidentDossier;
class KpiTile;
class MapTile;

// Opens an incident's dossier from wherever the wall offers one: a feature picked on a map (a
// report, an alert, an observation that is part of an incident), an alert panel's row, the open
// incidents' KPI card (its most pressing incident), or an incident's id (the briefing). The
// dossier opens on the screen that was touched. One dossier is open at a time, in a window of
// its own.
class DossierOpener : public QObject
{
    Q_OBJECT
public:
    explicit DossierOpener(const DossierContext &context, QObject *parent = nullptr);
    ~DossierOpener() override;

    // A map's picked features open the dossier of the incident they belong to.
    void watch(MapTile *map);
    // An opened alert row opens the dossier of the incident holding that alert.
    void watch(AlertPanelTile *panel);
    // A click on the open incidents' card opens its most pressing incident.
    void watch(KpiTile *card);

    // Shows the incident's dossier, replacing the one open, on the given screen (null: where
    // the last one was, else the primary screen); null when the board has no such incident.
    IncidentDossier *open(qint64 incidentId, QScreen *screen = nullptr);
    // The map feature's incident, if it is part of one; 0 otherwise. An alert of the engine is
    // "alert:<id>", as the map names it.
    qint64 incidentOfFeature(const QString &entityId) const;
    // The open incident most in need of attention: most severe, then most signals, then oldest;
    // 0 when none is open.
    qint64 mostPressingIncident() const;
    IncidentDossier *current() const;

signals:
    void opened(qint64 incidentId);

private:
    void openForFeature(const QString &entityId, QScreen *screen);

    DossierContext m_context;
    QPointer<IncidentDossier> m_current;
};

} // namespace tlr
