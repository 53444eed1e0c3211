#pragma once

#include "Network.h"

#include <QList>

#include <utility>

namespace tlr::feedsim {

// The road segments as a graph, so that ambulances drive along the corridors instead of across
// the rooftops. Segment points are nodes; consecutive points are edges; points of different
// roads closer than junctionMetres are joined (the side streets the network does not list);
// whatever is still apart is bridged at its closest points so every place can be reached.
class RoadGraph
{
public:
    explicit RoadGraph(const QList<RoadSegment> &roads, double junctionMetres = 600);

    // Way points from the node nearest to `from` to the node nearest to `to`, then `to`.
    QList<GeoPoint> route(const GeoPoint &from, const GeoPoint &to) const;

    int nodeCount() const { return int(m_nodes.size()); }
    int nearestNode(const GeoPoint &p) const;
    int componentCount() const;

private:
    int addNode(const GeoPoint &p);
    void connect(int a, int b);
    QList<int> components() const;

    QList<GeoPoint> m_nodes;
    QList<QList<std::pair<int, double>>> m_edges; // neighbour, metres
};

} // namespace tlr::feedsim
