#include "RoadGraph.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace tlr::feedsim {
namespace {

constexpr double kSameNodeMetres = 30;

} // namespace

RoadGraph::RoadGraph(const QList<RoadSegment> &roads, double junctionMetres)
{
    QList<QString> streetOf;
    for (const auto &road : roads) {
        int previous = -1;
        for (const auto &p : road.path) {
            const int node = addNode(p);
            if (node == int(streetOf.size()))
                streetOf.append(road.street);
            if (previous >= 0 && previous != node)
                connect(previous, node);
            previous = node;
        }
    }
    for (int a = 0; a < m_nodes.size(); ++a) {
        for (int b = a + 1; b < m_nodes.size(); ++b) {
            if (streetOf.at(a) != streetOf.at(b) &&
                m_nodes.at(a).distanceTo(m_nodes.at(b)) < junctionMetres)
                connect(a, b);
        }
    }
    // Bridge what is still apart, each time at the closest pair of points.
    for (QList<int> component = components(); componentCount() > 1; component = components()) {
        double best = std::numeric_limits<double>::max();
        std::pair<int, int> bridge{0, 0};
        for (int a = 0; a < m_nodes.size(); ++a) {
            for (int b = 0; b < m_nodes.size(); ++b) {
                if (component.at(a) != 0 || component.at(b) == 0)
                    continue;
                const double d = m_nodes.at(a).distanceTo(m_nodes.at(b));
                if (d < best) {
                    best = d;
                    bridge = {a, b};
                }
            }
        }
        connect(bridge.first, bridge.second);
    }
}

int RoadGraph::addNode(const GeoPoint &p)
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).distanceTo(p) < kSameNodeMetres)
            return i;
    }
    m_nodes.append(p);
    m_edges.append(QList<std::pair<int, double>>());
    return int(m_nodes.size()) - 1;
}

void RoadGraph::connect(int a, int b)
{
    for (const auto &[n, d] : m_edges.at(a)) {
        if (n == b)
            return;
    }
    const double metres = m_nodes.at(a).distanceTo(m_nodes.at(b));
    m_edges[a].append({b, metres});
    m_edges[b].append({a, metres});
}

QList<int> RoadGraph::components() const
{
    QList<int> component(m_nodes.size(), -1);
    int next = 0;
    for (int start = 0; start < m_nodes.size(); ++start) {
        if (component.at(start) >= 0)
            continue;
        QList<int> stack{start};
        component[start] = next;
        while (!stack.isEmpty()) {
            const int n = stack.takeLast();
            for (const auto &[m, d] : m_edges.at(n)) {
                if (component.at(m) < 0) {
                    component[m] = next;
                    stack.append(m);
                }
            }
        }
        ++next;
    }
    return component;
}

int RoadGraph::componentCount() const
{
    const QList<int> component = components();
    return component.isEmpty() ? 0 : *std::max_element(component.cbegin(), component.cend()) + 1;
}

int RoadGraph::nearestNode(const GeoPoint &p) const
{
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (int i = 0; i < m_nodes.size(); ++i) {
        const double d = p.distanceTo(m_nodes.at(i));
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

QList<GeoPoint> RoadGraph::route(const GeoPoint &from, const GeoPoint &to) const
{
    const int source = nearestNode(from);
    const int target = nearestNode(to);
    if (source < 0 || target < 0)
        return {to};
    // Dijkstra over a few hundred nodes: cheap enough to run per dispatch.
    QList<double> distance(m_nodes.size(), std::numeric_limits<double>::max());
    QList<int> previous(m_nodes.size(), -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    distance[source] = 0;
    queue.push({0, source});
    while (!queue.empty()) {
        const auto [d, n] = queue.top();
        queue.pop();
        if (d > distance.at(n))
            continue;
        if (n == target)
            break;
        for (const auto &[m, w] : m_edges.at(n)) {
            if (d + w < distance.at(m)) {
                distance[m] = d + w;
                previous[m] = n;
                queue.push({d + w, m});
            }
        }
    }
    QList<GeoPoint> path{to};
    for (int n = target; n >= 0; n = previous.at(n)) {
        path.prepend(m_nodes.at(n));
        if (n == source)
            break;
    }
    return path;
}

} // namespace tlr::feedsim
