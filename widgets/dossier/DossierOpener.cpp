#include "DossierOpener.h"

#include "IncidentDossier.h"

#include "alerts/AlertEngine.h"
#include "alerts/AlertPanelTile.h"
#include "charts/KpiTile.h"
#include "incidents/IncidentBoard.h"
#include "tiles/MapTile.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QScreen>
#include <QStyle>

namespace tlr {
namespace {

Q_LOGGING_CATEGORY(lcDossier, "tlr.dossier")

const QSize kDossierSize(1920, 1080); // a wall screen; smaller screens get all they have

} // namespace

DossierOpener::DossierOpener(const DossierContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
}

DossierOpener::~DossierOpener()
{
    delete m_current.data(); // a top-level window: nobody else owns it
}

IncidentDossier *DossierOpener::current() const
{
    return m_current;
}

void DossierOpener::watch(MapTile *map)
{
    if (map->property("tlrDossierWatched").toBool())
        return; // pages are laid out again: a tile seen before is not connected twice
    map->setProperty("tlrDossierWatched", true);
    connect(map, &MapTile::featureSelected, this,
            [this, map](const QString &entityId) { openForFeature(entityId, map->screen()); });
}

void DossierOpener::watch(AlertPanelTile *panel)
{
    if (panel->property("tlrDossierWatched").toBool())
        return;
    panel->setProperty("tlrDossierWatched", true);
    connect(panel, &AlertPanelTile::alertOpened, this, [this, panel](quint64 alertId) {
        openForFeature(QStringLiteral("alert:%1").arg(alertId), panel->screen());
    });
}

void DossierOpener::watch(KpiTile *card)
{
    if (card->kind() != KpiKind::OpenIncidentsByAgency ||
        card->property("tlrDossierWatched").toBool())
        return;
    card->setProperty("tlrDossierWatched", true);
    connect(card, &KpiTile::clicked, this, [this, card] {
        if (const qint64 id = mostPressingIncident())
            open(id, card->screen());
    });
}

qint64 DossierOpener::mostPressingIncident() const
{
    if (!m_context.board)
        return 0;
    const Incident *best = nullptr;
    for (const Incident &incident : m_context.board->incidents()) {
        if (!incident.isOpen())
            continue;
        if (!best ||
            std::tuple(incident.severity(), incident.members.size(), best->firstSignalAt) >
                std::tuple(best->severity(), best->members.size(), incident.firstSignalAt))
            best = &incident;
    }
    return best ? best->id : 0;
}

qint64 DossierOpener::incidentOfFeature(const QString &entityId) const
{
    if (!m_context.board || entityId.isEmpty())
        return 0;
    // The map names an engine alert "alert:<id>"; incidents know it by its key.
    IncidentSignal::Kind kind = IncidentSignal::Kind::Unknown;
    QString memberId = entityId;
    if (entityId.startsWith(QLatin1String("alert:"))) {
        const AlertRecord *alert =
            m_context.tiles.alerts ? m_context.tiles.alerts->alert(entityId.mid(6).toULongLong())
                                   : nullptr;
        if (!alert)
            return 0;
        kind = IncidentSignal::Kind::Alert;
        memberId = alert->source + u'|' + alert->resource + u'|' + alert->event;
    }
    // The newest incident first: a signal that opened a closed incident may be in a newer one.
    const std::vector<Incident> &incidents = m_context.board->incidents();
    for (auto it = incidents.crbegin(); it != incidents.crend(); ++it) {
        for (const IncidentSignal &member : it->members) {
            if (member.id == memberId &&
                (kind == IncidentSignal::Kind::Unknown || member.kind == kind))
                return it->id;
        }
    }
    return 0;
}

void DossierOpener::openForFeature(const QString &entityId, QScreen *screen)
{
    if (const qint64 id = incidentOfFeature(entityId))
        open(id, screen);
    else
        qCDebug(lcDossier) << "picked feature" << entityId << "is part of no incident";
}

IncidentDossier *DossierOpener::open(qint64 incidentId, QScreen *screen)
{
    if (!m_context.board || !m_context.board->incident(incidentId))
        return nullptr;
    if (m_current) {
        if (!screen)
            screen = m_current->screen();
        delete m_current.data();
    }
    auto *dossier = new IncidentDossier(incidentId, m_context);
    dossier->setAttribute(Qt::WA_DeleteOnClose);
    dossier->setWindowFlag(Qt::Window);
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (screen) {
        const QRect area = screen->availableGeometry();
        const QSize size = kDossierSize.boundedTo(area.size());
        dossier->setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, area));
    } else {
        dossier->resize(kDossierSize);
    }
    dossier->show();
    m_current = dossier;
    emit opened(incidentId);
    return dossier;
}

} // namespace tlr
