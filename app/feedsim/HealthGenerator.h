#pragma once

#include "Generator.h"
#include "RoadGraph.h"

namespace tlr::feedsim {

// Dinkes: hospital bed occupancy (BedOccupancyObserved) and the ambulance fleet (Vehicle),
// which answers the incidents the 112 centre and Dishub report (feed dinkes-health).
class HealthGenerator : public Generator
{
public:
    HealthGenerator(const GeneratorContext &context, quint64 seed);
    void start(qint64 startMs) override;

    enum class Status { Unknown, Parked, OnRoute, AtScene, ToHospital };

private:
    struct Ambulance
    {
        QString id;
        QString plate;
        GeoPoint position;
        Status status = Status::Parked;
        QList<GeoPoint> route; // remaining way points
        int hospital = 0;      // base, or destination when heading to hospital
        QString incidentId;
        qint64 untilMs = 0;
        double speedKmh = 0;
        double heading = 0;
        qint64 lastMs = 0;
    };
    struct Beds
    {
        double icu = 0.7, er = 0.5, ward = 0.75;
    };

    void updateHospital(int index, qint64 now);
    void updateAmbulance(int index, qint64 now);
    void move(Ambulance &a, double metres);
    QList<GeoPoint> routeTo(const GeoPoint &from, const GeoPoint &to) const;
    int nearestHospital(const GeoPoint &p) const;

    RoadGraph m_roads;
    QList<Ambulance> m_ambulances;
    QList<Beds> m_beds;
};

} // namespace tlr::feedsim
