#include "ClusterIndex.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tlr {

namespace {

// A fixed-radius neighbour grid over one level: cells of the radius' size, so every neighbour
// of a point is in the 3 × 3 cells around it. Dense (a counting sort into cells) when the
// level's bounding box holds few cells per point — the usual case of one city — and a sorted
// key list otherwise (points spread over the world).
class NeighbourGrid
{
public:
    NeighbourGrid(const std::vector<float> &xs, const std::vector<float> &ys, double cell)
        : m_xs(xs)
        , m_ys(ys)
        , m_cell(cell)
    {
        const std::size_t n = xs.size();
        if (n == 0)
            return;
        const auto [minX, maxX] = std::minmax_element(xs.begin(), xs.end());
        const auto [minY, maxY] = std::minmax_element(ys.begin(), ys.end());
        m_minX = *minX;
        m_minY = *minY;
        const double w = std::floor((double(*maxX) - m_minX) / cell) + 1;
        const double h = std::floor((double(*maxY) - m_minY) / cell) + 1;
        m_width = qint64(w) + 2; // a spare column each side keeps cx ± 1 in range
        m_height = qint64(h);
        m_dense = w * h <= 4.0 * double(n) + 4096.0;
        std::vector<qint64> keys(n);
        for (std::size_t i = 0; i < n; ++i)
            keys[i] = key(cellX(xs[i]), cellY(ys[i]));
        m_order.resize(n);
        if (m_dense) {
            m_start.assign(std::size_t(m_width * m_height + 1), 0);
            for (const qint64 k : keys)
                ++m_start[std::size_t(k) + 1];
            std::partial_sum(m_start.begin(), m_start.end(), m_start.begin());
            std::vector<int> fill(m_start.begin(), m_start.end() - 1);
            for (std::size_t i = 0; i < n; ++i)
                m_order[std::size_t(fill[std::size_t(keys[i])]++)] = int(i);
        } else {
            std::iota(m_order.begin(), m_order.end(), 0);
            std::sort(m_order.begin(), m_order.end(),
                      [&](int a, int b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
            m_sortedKeys.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                m_sortedKeys[i] = keys[std::size_t(m_order[i])];
        }
    }

    // Calls f(index) for every point within r of (x, y), the point itself included.
    template <typename F> void within(double x, double y, double r, F &&f) const
    {
        if (m_order.empty())
            return;
        const double r2 = r * r;
        const qint64 cx = cellX(x);
        const qint64 cy = cellY(y);
        for (qint64 row = std::max<qint64>(cy - 1, 0); row <= std::min(cy + 1, m_height - 1);
             ++row) {
            const qint64 first = key(std::max<qint64>(cx - 1, 0), row);
            const qint64 last = key(std::min(cx + 1, m_width - 1), row);
            std::size_t begin;
            std::size_t end;
            if (m_dense) {
                begin = std::size_t(m_start[std::size_t(first)]);
                end = std::size_t(m_start[std::size_t(last) + 1]);
            } else {
                begin =
                    std::size_t(std::lower_bound(m_sortedKeys.begin(), m_sortedKeys.end(), first) -
                                m_sortedKeys.begin());
                end = std::size_t(std::upper_bound(m_sortedKeys.begin() + qsizetype(begin),
                                                   m_sortedKeys.end(), last) -
                                  m_sortedKeys.begin());
            }
            for (std::size_t k = begin; k < end; ++k) {
                const int i = m_order[k];
                const double dx = double(m_xs[std::size_t(i)]) - x;
                const double dy = double(m_ys[std::size_t(i)]) - y;
                if (dx * dx + dy * dy <= r2)
                    f(i);
            }
        }
    }

private:
    qint64 cellX(double x) const
    {
        return std::clamp<qint64>(qint64(std::floor((x - m_minX) / m_cell)) + 1, 0, m_width - 1);
    }
    qint64 cellY(double y) const
    {
        return std::clamp<qint64>(qint64(std::floor((y - m_minY) / m_cell)), 0, m_height - 1);
    }
    qint64 key(qint64 cx, qint64 cy) const { return cy * m_width + cx; }

    const std::vector<float> &m_xs;
    const std::vector<float> &m_ys;
    double m_cell;
    double m_minX = 0;
    double m_minY = 0;
    qint64 m_width = 0;
    qint64 m_height = 0;
    bool m_dense = true;
    std::vector<int> m_start;
    std::vector<int> m_order;
    std::vector<qint64> m_sortedKeys;
};

} // namespace

void ClusterIndex::build(std::span<const QPointF> points)
{
    m_levels.clear();
    m_pointCount = qsizetype(points.size());
    const int minZoom = m_options.minZoom;
    const int maxZoom = m_options.maxZoom;
    m_levels.resize(std::size_t(maxZoom + 2 - minZoom));

    // The finest level: the points themselves, rounded to single precision as supercluster
    // rounds them (Math.fround), so that both give the same clusters. The rounding goes through
    // float arrays: GCC 12.2's SLP vectorizer folds an inline double(float(x)) pair back to x at
    // -O2, which left the points unrounded and the counts a few per cent off supercluster's.
    std::vector<float> xs(points.size());
    std::vector<float> ys(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        xs[i] = float(points[i].x());
        ys[i] = float(points[i].y());
    }
    auto &top = m_levels.back().nodes;
    top.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        Node node;
        node.position = QPointF(double(xs[i]), double(ys[i]));
        node.point = int(i);
        top.push_back(node);
    }

    std::vector<char> done;
    std::vector<int> neighbours;
    for (int zoom = maxZoom; zoom >= minZoom; --zoom) {
        Level &finer = m_levels[std::size_t(zoom + 1 - minZoom)];
        auto &data = finer.nodes;
        auto &next = m_levels[std::size_t(zoom - minZoom)].nodes;
        auto &nextBoxes = m_levels[std::size_t(zoom - minZoom)].boxes;
        const std::size_t n = data.size();
        xs.resize(n);
        ys.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            xs[i] = float(data[i].position.x());
            ys[i] = float(data[i].position.y());
        }
        done.assign(n, 0);
        next.clear();
        next.reserve(n / 2 + 1);
        nextBoxes.clear();
        // A node that merges with nothing goes on to the coarser level as it is, its box too.
        const auto carry = [&](const Node &node) {
            Node copy = node;
            copy.parent = -1;
            if (node.box >= 0) {
                copy.box = int(nextBoxes.size());
                nextBoxes.push_back(finer.boxes[std::size_t(node.box)]);
            }
            next.push_back(copy);
        };
        const double r = m_options.radius / (m_options.extent * std::exp2(zoom));
        const NeighbourGrid grid(xs, ys, r);

        for (std::size_t i = 0; i < n; ++i) {
            if (done[i])
                continue;
            done[i] = 1;
            Node &origin = data[i];
            const double x = origin.position.x();
            const double y = origin.position.y();
            neighbours.clear();
            int count = origin.count;
            grid.within(x, y, r, [&](int k) {
                if (!done[std::size_t(k)]) {
                    neighbours.push_back(k);
                    count += data[std::size_t(k)].count;
                }
            });
            const int parent = int(next.size());
            origin.parent = parent;
            if (count > origin.count && count >= m_options.minPoints) {
                double wx = x * origin.count;
                double wy = y * origin.count;
                QRectF extent = finer.extent(origin);
                for (const int k : neighbours) {
                    Node &member = data[std::size_t(k)];
                    done[std::size_t(k)] = 1;
                    wx += member.position.x() * member.count;
                    wy += member.position.y() * member.count;
                    // Not QRectF::united: it drops the zero-sized boxes of single points.
                    const QRectF memberExtent = finer.extent(member);
                    extent.setLeft(std::min(extent.left(), memberExtent.left()));
                    extent.setTop(std::min(extent.top(), memberExtent.top()));
                    extent.setRight(std::max(extent.right(), memberExtent.right()));
                    extent.setBottom(std::max(extent.bottom(), memberExtent.bottom()));
                    member.parent = parent;
                }
                Node cluster;
                cluster.position = QPointF(wx / count, wy / count);
                cluster.count = count;
                cluster.box = int(nextBoxes.size());
                nextBoxes.push_back(extent);
                next.push_back(cluster);
            } else {
                carry(origin);
                if (count > 1) { // fewer than minPoints together: each stays on its own
                    for (const int k : neighbours) {
                        Node &member = data[std::size_t(k)];
                        done[std::size_t(k)] = 1;
                        member.parent = int(next.size());
                        carry(member);
                    }
                }
            }
        }
    }

    // Children lists, for leaves() and expansionZoom().
    for (std::size_t level = 0; level + 1 < m_levels.size(); ++level) {
        auto &parentLevel = m_levels[level];
        const auto &childNodes = m_levels[level + 1].nodes;
        parentLevel.childStart.assign(parentLevel.nodes.size() + 1, 0);
        for (const auto &child : childNodes)
            ++parentLevel.childStart[std::size_t(child.parent) + 1];
        std::partial_sum(parentLevel.childStart.begin(), parentLevel.childStart.end(),
                         parentLevel.childStart.begin());
        parentLevel.children.resize(childNodes.size());
        std::vector<int> fill(parentLevel.childStart.begin(), parentLevel.childStart.end() - 1);
        for (std::size_t c = 0; c < childNodes.size(); ++c)
            parentLevel.children[std::size_t(fill[std::size_t(childNodes[c].parent)]++)] = int(c);
    }
}

int ClusterIndex::clampZoom(int zoom) const
{
    return std::clamp(zoom, m_options.minZoom, m_options.maxZoom + 1);
}

int ClusterIndex::levelFor(double zoom) const
{
    return clampZoom(int(std::floor(zoom)));
}

const std::vector<ClusterIndex::Node> &ClusterIndex::nodes(int zoom) const
{
    static const std::vector<Node> kNone;
    if (m_levels.empty())
        return kNone;
    return m_levels[std::size_t(clampZoom(zoom) - m_options.minZoom)].nodes;
}

std::vector<int> ClusterIndex::query(int zoom, const QRectF &box) const
{
    std::vector<int> result;
    const auto &level = nodes(zoom);
    for (std::size_t i = 0; i < level.size(); ++i) {
        const QPointF &p = level[i].position;
        if (p.x() >= box.left() && p.x() <= box.right() && p.y() >= box.top() &&
            p.y() <= box.bottom())
            result.push_back(int(i));
    }
    return result;
}

QRectF ClusterIndex::extent(int zoom, int node) const
{
    const auto &level = nodes(zoom);
    if (node < 0 || std::size_t(node) >= level.size())
        return {};
    return m_levels[std::size_t(clampZoom(zoom) - m_options.minZoom)].extent(level[std::size_t(node)]);
}

std::vector<int> ClusterIndex::leaves(int zoom, int node) const
{
    std::vector<int> result;
    if (m_levels.empty())
        return result;
    zoom = clampZoom(zoom);
    std::vector<std::pair<int, int>> stack{{zoom, node}};
    while (!stack.empty()) {
        const auto [z, i] = stack.back();
        stack.pop_back();
        const Level &level = m_levels[std::size_t(z - m_options.minZoom)];
        if (i < 0 || std::size_t(i) >= level.nodes.size())
            continue;
        if (z == m_options.maxZoom + 1) {
            result.push_back(level.nodes[std::size_t(i)].point);
            continue;
        }
        for (int c = level.childStart[std::size_t(i)]; c < level.childStart[std::size_t(i) + 1];
             ++c)
            stack.emplace_back(z + 1, level.children[std::size_t(c)]);
    }
    return result;
}

int ClusterIndex::expansionZoom(int zoom, int node) const
{
    zoom = clampZoom(zoom);
    int z = zoom;
    int i = node;
    while (z <= m_options.maxZoom) {
        const Level &level = m_levels[std::size_t(z - m_options.minZoom)];
        if (i < 0 || std::size_t(i) >= level.nodes.size())
            return z;
        const int first = level.childStart[std::size_t(i)];
        const int last = level.childStart[std::size_t(i) + 1];
        if (last - first != 1)
            return z + 1;
        i = level.children[std::size_t(first)];
        ++z;
    }
    return z;
}

} // namespace tlr
