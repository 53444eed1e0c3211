#pragma once

#include "domain/Observation.h"
#include "incidents/Incident.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

#include <optional>
#include <vector>

namespace tlr {

class SituationModel;

// What could help at an incident, from the live situation: hospitals with free ICU or ER beds,
// ambulances free to go (with a rough time to get there), pump stations; each kind nearest
// first. Follows the situation, at most every few seconds (ambulances move all the time).
class NearbyResourceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, NameColumn, DistanceColumn, DetailColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        ResourceKindRole = Qt::UserRole + 1, // int(ResourceKind)
        EntityIdRole,
        DistanceRole, // double, metres
    };
    Q_ENUM(Role)
    enum class ResourceKind { Unknown, Hospital, Ambulance, PumpStation };
    Q_ENUM(ResourceKind)

    struct Resource
    {
        ResourceKind kind = ResourceKind::Unknown;
        QString entityId;
        QString name;
        double metres = 0;
        int icuFree = 0; // hospitals
        int erFree = 0;
        int etaMinutes = 0; // ambulances: by road at a city speed, an estimate
        QString status;     // pump stations: running, standby, fault…

        bool operator==(const Resource &other) const = default;
    };

    // How many of each kind, and how far they may be.
    static constexpr int kMaxPerKind = 4;
    static constexpr double kHospitalRadiusMetres = 12000;
    static constexpr double kAmbulanceRadiusMetres = 15000;
    static constexpr double kPumpRadiusMetres = 6000;
    // A straight line is about 1.4 times shorter than the road; 25 km/h through the city.
    static constexpr double kRoadFactor = 1.4;
    static constexpr double kCitySpeedKmh = 25;

    explicit NearbyResourceModel(const SituationModel *situation, QObject *parent = nullptr);

    void setIncident(const Incident &incident);

    // The resources around an incident in the given observations, by kind, nearest first.
    static std::vector<Resource> collect(const Incident &incident,
                                         const QHash<QString, Observation> &observations);
    const std::vector<Resource> &resources() const { return m_resources; }
    static QString kindName(ResourceKind kind);
    static QString detailText(const Resource &resource);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void reload();

    QPointer<const SituationModel> m_situation;
    Incident m_incident;
    std::vector<Resource> m_resources;
    QTimer m_reloadTimer{this};
};

} // namespace tlr
