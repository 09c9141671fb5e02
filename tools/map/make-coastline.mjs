// Makes hooks/baltic_plans/coastline.json: the land of northern Europe as one SVG path, projected, clipped and
// simplified, from Natural Earth 1:50m (public domain) as shipped in the npm package world-atlas.
//
//   cd tools/map && npm ci && npm run coastline
//
// The build draws the map from this file and projects the places itself (hooks/baltic_plans/geo.py) with the
// projection written here; the checkpoints let a test prove the two projections agree.
import { readFile, writeFile } from "node:fs/promises";
import { geoConicConformal, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { filter, filterWeight, presimplify, quantile, simplify, sphericalRingArea, sphericalTriangleArea } from "topojson-simplify";

const OUTPUT = new URL("../../hooks/baltic_plans/coastline.json", import.meta.url);
const WIDTH = 640;
// Every place of data/places.yml fits, Reykjavik to Saint Petersburg, London to Ukraine, with a margin.
const EXTENT = { west: -25, east: 36, south: 46, north: 67.5 };
const PARALLELS = [52, 64]; // standard parallels of the conic projection: little distortion across the region
const CENTRAL_MERIDIAN = 10;
const KEEP = 0.05; // the share of points kept, by importance (Visvalingam): coasts stay recognisable at this size
const SMALLEST_ISLAND = 300; // km²: Gotland, Saaremaa, Bornholm stay, skerries go
const EARTH = 510.1e6; // km², the sphere's 4π steradians
const DIGITS = 1; // decimals of the path's coordinates (0.1 px)

const topology = JSON.parse(await readFile(new URL("./node_modules/world-atlas/land-50m.json", import.meta.url)));
const simple = presimplify(topology, sphericalTriangleArea);
const kept = simplify(simple, quantile(simple, 1 - KEEP));
const islands = filter(kept, filterWeight(kept, (SMALLEST_ISLAND / EARTH) * 4 * Math.PI, sphericalRingArea));
const land = feature(islands, islands.objects.land);

const frame = {
  type: "Polygon", // the extent along its parallels (its corners alone would cut the arcs off), clockwise as d3 wants
  coordinates: [[
    ...steps(EXTENT.west, EXTENT.east).map((lon) => [lon, EXTENT.north]),
    ...steps(EXTENT.east, EXTENT.west).map((lon) => [lon, EXTENT.south]),
    [EXTENT.west, EXTENT.north],
  ]],
};
const projection = geoConicConformal()
  .parallels(PARALLELS)
  .rotate([-CENTRAL_MERIDIAN, 0])
  .fitWidth(WIDTH, frame);
const [[, top], [, bottom]] = geoPath(projection).bounds(frame);
const height = Math.ceil(bottom - top);
projection.translate([projection.translate()[0], projection.translate()[1] - top]).clipExtent([[0, 0], [WIDTH, height]]);

const path = geoPath(projection).digits(DIGITS);
const checkpoints = [[-21.9426, 64.1466], [24.1052, 56.9496], [31.1656, 48.3794], [-0.1278, 51.5074], [10, 60]];
const output = {
  source: "Natural Earth 1:50m land (public domain), via world-atlas " + (await version("world-atlas")),
  made_by: "tools/map/make-coastline.mjs",
  width: WIDTH,
  height,
  extent: EXTENT,
  projection: {
    name: "conic-conformal",
    parallels: PARALLELS,
    central_meridian: CENTRAL_MERIDIAN,
    scale: projection.scale(),
    translate: projection.translate(),
  },
  checkpoints: checkpoints.map(([lon, lat]) => [lon, lat, ...projection([lon, lat])]),
  land: path(land),
};
await writeFile(OUTPUT, JSON.stringify(output, null, 1) + "\n");
console.log(`${OUTPUT.pathname}: ${WIDTH}×${height}, ${output.land.length} characters of path`);

function steps(from, to, count = 24) {
  return Array.from({ length: count + 1 }, (_, i) => from + ((to - from) * i) / count);
}

async function version(name) {
  const meta = JSON.parse(await readFile(new URL(`./node_modules/${name}/package.json`, import.meta.url)));
  return meta.version;
}
