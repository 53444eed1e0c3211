#include "DossierOpener.h"

#include "IncidentDossier.h"

#include "alerts/AlertEngine.h"
#include "incidents/IncidentBoard.h"
#include "tiles/MapTile.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QScreen>

namespace tlr {
namespace {

Q_LOGGING_CATEGORY(lcDossier, "tlr.dossier")

const QSize kDossierSize(1600, 900);

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
    connect(map, &MapTile::featureSelected, this, &DossierOpener::openForFeature,
            Qt::UniqueConnection);
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

void DossierOpener::openForFeature(const QString &entityId)
{
    if (const qint64 id = incidentOfFeature(entityId))
        open(id);
    else
        qCDebug(lcDossier) << "picked feature" << entityId << "is part of no incident";
}

IncidentDossier *DossierOpener::open(qint64 incidentId)
{
    if (!m_context.board || !m_context.board->incident(incidentId))
        return nullptr;
    QScreen *screen = nullptr;
    if (m_current) {
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
        dossier->setGeometry(
            QRect(area.center() - QPoint(size.width() / 2, size.height() / 2), size));
    } else {
        dossier->resize(kDossierSize);
    }
    dossier->show();
    m_current = dossier;
    emit opened(incidentId);
    return dossier;
}

} // namespace tlr
