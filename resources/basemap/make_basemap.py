#!/usr/bin/env python3
"""Writes tangerang.geojson, the wall's built-in schematic base map of Kota Tangerang.

Everything here is drawn by the project: the city outline and the river are hand-placed
vertices (tens each, about 300-800 m accuracy); the 13 kecamatan are the Voronoi cells of their
centres inside that outline, so neighbours share borders exactly; roads, hospitals and the
sluice gate come from resources/scenarios/tangerang-network.json so the base map and the
simulator's sensors agree. Populations are rounded figures of the order of the 2020 census,
for the choropleth's per-10,000 rates; they are not official statistics.

Run from this folder: python3 make_basemap.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
NETWORK = os.path.join(HERE, '..', 'scenarios', 'tangerang-network.json')

# Clockwise from the north-west corner of Jatiuwung, (lon, lat).
OUTLINE = [
    (106.551, -6.176), (106.566, -6.161), (106.575, -6.149), (106.599, -6.147),
    (106.609, -6.131), (106.617, -6.109), (106.640, -6.103), (106.660, -6.097),
    (106.684, -6.100), (106.697, -6.113), (106.694, -6.135), (106.689, -6.150),
    (106.705, -6.159), (106.724, -6.165), (106.727, -6.190), (106.740, -6.205),
    (106.748, -6.224), (106.747, -6.245), (106.735, -6.251), (106.722, -6.256),
    (106.700, -6.256), (106.689, -6.241), (106.670, -6.233), (106.640, -6.231),
    (106.618, -6.230), (106.595, -6.226), (106.572, -6.224), (106.553, -6.215),
    (106.549, -6.195),
]

# The Cisadane, south to north: in from Tangerang Selatan, between Karawaci and Tangerang,
# through Pintu Air 10 at Pasar Baru, out to the Java Sea west of the airport.
CISADANE = [
    (106.612, -6.275), (106.617, -6.259), (106.620, -6.246), (106.622, -6.232),
    (106.624, -6.220), (106.626, -6.208), (106.627, -6.197), (106.629, -6.188),
    (106.6295, -6.180), (106.628, -6.172), (106.6285, -6.164), (106.629, -6.156),
    (106.626, -6.146), (106.622, -6.136), (106.617, -6.124), (106.613, -6.112),
    (106.610, -6.098), (106.606, -6.080),
]

# Rounded, of the order of the 2020 census (BPS Kota Tangerang); for rates, not for quoting.
POPULATION = {
    'Batuceper': 97000, 'Benda': 87000, 'Cibodas': 150000, 'Ciledug': 150000,
    'Cipondoh': 230000, 'Jatiuwung': 120000, 'Karang Tengah': 125000, 'Karawaci': 180000,
    'Larangan': 165000, 'Neglasari': 115000, 'Periuk': 140000, 'Pinang': 175000,
    'Tangerang': 160000,
}

AIRPORT = [(106.628, -6.105), (106.676, -6.103), (106.680, -6.138), (106.660, -6.142),
           (106.633, -6.140), (106.626, -6.122)]
RUNWAYS = [
    ('07L/25R', [(106.636, -6.112), (106.672, -6.107)]),
    ('07R/25L', [(106.638, -6.133), (106.674, -6.128)]),
]
AIRPORT_TOLL = [(106.748, -6.131), (106.726, -6.126), (106.705, -6.121), (106.686, -6.119),
                (106.672, -6.118)]


def clip(polygon, a, b):
    """Keeps the part of polygon nearer to a than to b (a half-plane clip)."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    nx, ny = b[0] - a[0], b[1] - a[1]

    def inside(p):
        return (p[0] - mx) * nx + (p[1] - my) * ny <= 0

    def cross(p, q):
        dp = (p[0] - mx) * nx + (p[1] - my) * ny
        dq = (q[0] - mx) * nx + (q[1] - my) * ny
        t = dp / (dp - dq)
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))

    out = []
    for i, p in enumerate(polygon):
        q = polygon[(i + 1) % len(polygon)]
        if inside(p):
            out.append(p)
            if not inside(q):
                out.append(cross(p, q))
        elif inside(q):
            out.append(cross(p, q))
    return out


def ring(points):
    r = [[round(x, 5), round(y, 5)] for x, y in points]
    return r + [r[0]]


def feature(kind, name, geometry, **props):
    return {'type': 'Feature', 'properties': dict(kind=kind, name=name, **props),
            'geometry': geometry}


def main():
    network = json.load(open(NETWORK))
    features = [feature('city', 'Kota Tangerang',
                        {'type': 'Polygon', 'coordinates': [ring(OUTLINE)]})]
    centres = {k['name']: tuple(k['center']) for k in network['kecamatan']}
    for name, centre in sorted(centres.items()):
        cell = list(OUTLINE)
        for other, c in centres.items():
            if other != name:
                cell = clip(cell, centre, c)
        features.append(feature('kecamatan', name,
                                {'type': 'Polygon', 'coordinates': [ring(cell)]},
                                population=POPULATION[name],
                                labelAt=[centre[0], centre[1]]))
    features.append(feature('river', 'Sungai Cisadane',
                            {'type': 'LineString', 'coordinates': [list(p) for p in CISADANE]}))
    features.append(feature('airport', 'Bandara Soekarno–Hatta',
                            {'type': 'Polygon', 'coordinates': [ring(AIRPORT)]}))
    for name, line in RUNWAYS:
        features.append(feature('runway', name,
                                {'type': 'LineString', 'coordinates': [list(p) for p in line]}))
    # Roads: the simulator's segments joined into one line per street.
    streets = {}
    for road in network['roads']:
        streets.setdefault(road['street'], []).append(road['coordinates'])
    for street, segments in streets.items():
        line = list(segments[0])
        for seg in segments[1:]:
            line += seg[1:] if seg[0] == line[-1] else seg
        kind = 'toll' if street.startswith('Jalan Tol') else 'road'
        features.append(feature(kind, street, {'type': 'LineString', 'coordinates': line}))
    features.append(feature('toll', 'Jalan Tol Prof. Sedyatmo (bandara)',
                            {'type': 'LineString',
                             'coordinates': [list(p) for p in AIRPORT_TOLL]}))
    points = [
        ('cityhall', 'Puspemkot Tangerang', (106.633, -6.176)),
        ('airport', 'Bandara Soekarno–Hatta', (106.656, -6.126)),
    ]
    gate = network['sluiceGate']
    points.append(('sluice', 'Pintu Air 10', tuple(gate['location'])))
    for h in network['hospitals']:
        points.append(('hospital', h['name'], tuple(h['location'])))
    for kind, name, (x, y) in points:
        features.append(feature('landmark', name, {'type': 'Point', 'coordinates': [x, y]},
                                landmark=kind))
    collection = {
        'type': 'FeatureCollection',
        'name': 'Kota Tangerang (schematic)',
        'attribution': 'Tangerang Live Room schematic base map (not survey accurate)',
        'features': features,
    }
    with open(os.path.join(HERE, 'tangerang.geojson'), 'w') as out:
        json.dump(collection, out, ensure_ascii=False, indent=1)
        out.write('\n')


if __name__ == '__main__':
    main()
