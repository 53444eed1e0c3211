// Writes tests/data/map/supercluster-city.json: points spread as a city's are (hot spots and a
// scatter, from a seeded generator) and the cluster count supercluster gives per zoom, with its
// default options. test_cluster_index builds ClusterIndex on the same points and compares.
//   node supercluster_fixture.mjs ../../../data/map/supercluster-city.json
import { writeFileSync } from 'node:fs';
import Supercluster from 'supercluster';

let seed = 20261123;
const random = () => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const [west, east, south, north] = [106.55, 106.75, -6.26, -6.10];
const spots = Array.from({ length: 12 }, () =>
    [west + random() * (east - west), south + random() * (north - south)]);
const coordinates = [];
for (let i = 0; i < 6000; ++i) {
    if (i % 3 === 0) {
        coordinates.push([west + random() * (east - west), south + random() * (north - south)]);
    } else {
        const [lon, lat] = spots[Math.floor(random() * spots.length)];
        let dx = 0, dy = 0;
        for (let k = 0; k < 4; ++k) { dx += random() - 0.5; dy += random() - 0.5; }
        coordinates.push([lon + dx * 0.008, lat + dy * 0.008]);
    }
}
const options = { radius: 40, extent: 512, minZoom: 0, maxZoom: 16 };
const index = new Supercluster(options).load(coordinates.map(([lon, lat]) => ({
    type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] },
})));
const counts = [];
for (let z = options.minZoom; z <= options.maxZoom + 1; ++z)
    counts.push(index.getClusters([-180, -85, 180, 85], z).length);
writeFileSync(process.argv[2], JSON.stringify({
    generator: 'tests/bench/map/js/supercluster_fixture.mjs, supercluster 8.0.1',
    options, counts, points: coordinates,
}) + '\n');
