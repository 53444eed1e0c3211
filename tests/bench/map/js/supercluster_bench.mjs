// Builds supercluster over the points the C++ benchmark wrote (a JSON array of [lon, lat]) with
// its default options, and prints the build times and the cluster count per zoom as JSON.
import { readFileSync } from 'node:fs';
import Supercluster from 'supercluster';

const coordinates = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const runs = Number(process.argv[3] ?? 5);
const points = coordinates.map(([lon, lat], i) => ({
    type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [lon, lat] },
}));
const options = { radius: 40, extent: 512, minZoom: 0, maxZoom: 16 };

new Supercluster(options).load(points); // warm-up: let the JIT compile before timing
const buildMs = [];
let index;
for (let r = 0; r < runs; ++r) {
    const t0 = process.hrtime.bigint();
    index = new Supercluster(options).load(points);
    buildMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const counts = {};
for (let z = options.minZoom; z <= options.maxZoom + 1; ++z)
    counts[z] = index.getClusters([-180, -85, 180, 85], z).length;
console.log(JSON.stringify({ version: '8', buildMs, counts }));
