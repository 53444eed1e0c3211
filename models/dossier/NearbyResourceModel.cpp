#include "NearbyResourceModel.h"

#include "NearbySensors.h"
#include "domain/StatusNames.h"
#include "situation/SituationModel.h"

#include <algorithm>
#include <cmath>

namespace tlr {
namespace {

constexpr int kReloadMilliseconds = 3000;

// The feeds' own words for an ambulance free to take a call.
bool isAvailable(const QString &status)
{
    return status == QLatin1String("parked") || status == QLatin1String("available") ||
           status == QLatin1String("idle");
}

std::optional<NearbyResourceModel::ResourceKind> kindOf(const Observation &o)
{
    using Kind = NearbyResourceModel::ResourceKind;
    if (o.entityType == QLatin1String("BedOccupancyObserved"))
        return Kind::Hospital;
    if (o.entityType == QLatin1String("Vehicle"))
        return Kind::Ambulance; // the Dinkes feed's only vehicles
    // Tirta Benteng's SCADA sends pump stations and pressure zones as one type; the parser
    // keeps no networkElement, and the stations' ids name them (tangerang-pompa-…).
    if (o.entityType == QLatin1String("WaterNetworkObserved") &&
        o.entityId.contains(QLatin1String(":tangerang-pompa-")))
        return Kind::PumpStation;
    return std::nullopt;
}

int freeBeds(const Observation &o, QStringView total, QStringView occupied)
{
    const auto t = o.value(total);
    const auto u = o.value(occupied);
    return t && u ? std::max(0, int(std::lround(*t - *u))) : 0;
}

} // namespace

NearbyResourceModel::NearbyResourceModel(const SituationModel *situation, QObject *parent)
    : QAbstractTableModel(parent)
    , m_situation(situation)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kReloadMilliseconds);
    connect(&m_reloadTimer, &QTimer::timeout, this, &NearbyResourceModel::reload);
    if (situation) {
        connect(situation, &SituationModel::observationsChanged, this, [this] {
            if (!m_reloadTimer.isActive())
                m_reloadTimer.start();
        });
    }
}

void NearbyResourceModel::setIncident(const Incident &incident)
{
    m_incident = incident;
    reload();
}

std::vector<NearbyResourceModel::Resource>
NearbyResourceModel::collect(const Incident &incident,
                             const QHash<QString, Observation> &observations)
{
    std::vector<Resource> found;
    for (const Observation &o : observations) {
        const auto kind = kindOf(o);
        if (!kind)
            continue;
        Resource r;
        r.kind = *kind;
        r.entityId = o.entityId;
        r.name = o.name.isEmpty() ? o.entityId.section(u':', -1) : o.name;
        r.metres = NearbySensors::distanceToArea(incident, o.location);
        r.status = o.status;
        switch (*kind) {
        case ResourceKind::Hospital:
            r.icuFree = freeBeds(o, u"icuBedsTotal", u"icuBedsOccupied");
            r.erFree = freeBeds(o, u"erBedsTotal", u"erBedsOccupied");
            if (r.metres > kHospitalRadiusMetres || (r.icuFree == 0 && r.erFree == 0))
                continue;
            break;
        case ResourceKind::Ambulance:
            if (r.metres > kAmbulanceRadiusMetres || !isAvailable(o.status))
                continue;
            r.etaMinutes = int(std::ceil(r.metres * kRoadFactor / (kCitySpeedKmh / 3.6) / 60));
            break;
        case ResourceKind::PumpStation:
            if (r.metres > kPumpRadiusMetres)
                continue;
            break;
        case ResourceKind::Unknown:
            continue;
        }
        found.push_back(std::move(r));
    }
    std::sort(found.begin(), found.end(), [](const Resource &a, const Resource &b) {
        return std::tie(a.kind, a.metres, a.entityId) < std::tie(b.kind, b.metres, b.entityId);
    });
    std::vector<Resource> kept;
    int ofKind = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
        ofKind = i > 0 && found[i].kind == found[i - 1].kind ? ofKind + 1 : 0;
        if (ofKind < kMaxPerKind)
            kept.push_back(found[i]);
    }
    return kept;
}

void NearbyResourceModel::reload()
{
    std::vector<Resource> fresh =
        m_situation ? collect(m_incident, m_situation->observations()) : std::vector<Resource>();
    if (fresh.size() == m_resources.size()) {
        // Same rows in the same order: only figures moved; a view keeps its selection.
        bool sameRows = true;
        for (std::size_t i = 0; i < fresh.size() && sameRows; ++i)
            sameRows = fresh[i].entityId == m_resources[i].entityId;
        if (sameRows) {
            if (fresh != m_resources) {
                m_resources = std::move(fresh);
                emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            }
            return;
        }
    }
    beginResetModel();
    m_resources = std::move(fresh);
    endResetModel();
}

int NearbyResourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_resources.size());
}

int NearbyResourceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NearbyResourceModel::kindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Hospital:
        return tr("Hospital");
    case ResourceKind::Ambulance:
        return tr("Ambulance");
    case ResourceKind::PumpStation:
        return tr("Pump station");
    case ResourceKind::Unknown:
        break;
    }
    return {};
}

QString NearbyResourceModel::detailText(const Resource &r)
{
    switch (r.kind) {
    case ResourceKind::Hospital:
        return tr("ICU %1 · ER %2 free").arg(r.icuFree).arg(r.erFree);
    case ResourceKind::Ambulance:
        return tr("about %n min away", nullptr, r.etaMinutes);
    case ResourceKind::PumpStation:
        return r.status.isEmpty() ? tr("state unknown") : deviceStatusName(r.status);
    case ResourceKind::Unknown:
        break;
    }
    return {};
}

QVariant NearbyResourceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Resource &r = m_resources.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindName(r.kind);
        case NameColumn:
            return r.name;
        case DistanceColumn:
            return NearbySensors::distanceText(r.metres);
        case DetailColumn:
            return detailText(r);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == DistanceColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant();
    case ResourceKindRole:
        return int(r.kind);
    case EntityIdRole:
        return r.entityId;
    case DistanceRole:
        return r.metres;
    default:
        return {};
    }
}

QVariant NearbyResourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Resource");
    case NameColumn:
        return tr("Name");
    case DistanceColumn:
        return tr("Distance");
    case DetailColumn:
        return tr("Free");
    default:
        return {};
    }
}

} // namespace tlr
