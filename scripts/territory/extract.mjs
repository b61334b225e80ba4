// Writes the territory file the portal seeds from: the communes of one or more EPCI, or an explicit
// list of INSEE codes, with their postcodes and population, taken from Etalab's official split.
// Usage: node extract.mjs --epci 200073344 [--epci …] [--insee 78517,78220] [--contours communes-78-yvelines.geojson …]
//                         [--out ../../data/territory.json]
//        node extract.mjs --update ../../data/territory.json --contours communes-78-yvelines.geojson [--contours …]
// --contours reads a GeoJSON FeatureCollection of communes (properties.code = INSEE code, WGS 84), such as the
// department files of france-geojson (IGN Admin Express, Licence Ouverte), and writes each commune's outline; --update
// adds the outlines to an existing territory file without reading the official split again.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, 'node_modules/@etalab/decoupage-administratif/data');
const args = process.argv.slice(2);
const epciCodes = [];
const inseeCodes = [];
const contourFiles = [];
let update = null;
let out = resolve(here, '../../data/territory.json');
for (let i = 0; i < args.length; i++) {
  const value = args[i + 1];
  if (args[i] === '--epci') { epciCodes.push(...value.split(',')); i++; }
  else if (args[i] === '--insee') { inseeCodes.push(...value.split(',')); i++; }
  else if (args[i] === '--contours') { contourFiles.push(resolve(value)); i++; }
  else if (args[i] === '--update') { update = resolve(value); i++; }
  else if (args[i] === '--out') { out = resolve(value); i++; }
  else { console.error(`Unknown argument ${args[i]}`); process.exit(2); }
}

// The outline of each commune, as polygons of rings of [longitude, latitude] rounded to about a metre. The source files
// are already simplified with their topology kept (neighbours share their border points); simplifying each commune again
// on its own would open gaps between neighbours, so an outline above the limit is reported instead of cut.
const MaxPoints = 400;
function readContours(files) {
  const outlines = new Map();
  for (const file of files) {
    for (const feature of JSON.parse(readFileSync(file, 'utf8')).features) {
      const geometry = feature.geometry;
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
      outlines.set(String(feature.properties.code), polygons.map(rings => rings.map(ring => ring.map(([x, y]) => [round(x), round(y)]))));
    }
  }
  return outlines;
}
const round = value => Math.round(value * 1e5) / 1e5;

// Every commune of the territory gets its outline; one the files do not hold is named, and the run fails.
function addContours(communes, files) {
  const outlines = readContours(files);
  const missing = [];
  for (const commune of communes) {
    const outline = outlines.get(commune.inseeCode);
    if (!outline) { missing.push(`${commune.inseeCode} ${commune.name}`); continue; }
    const points = outline.flat(2).length;
    if (points > MaxPoints) console.warn(`${commune.inseeCode} ${commune.name}: ${points} points, simplify the source (mapshaper -simplify keep-shapes)`);
    commune.contour = outline;
  }
  if (missing.length > 0) {
    console.error(`No contour for ${missing.length} commune(s): ${missing.join(', ')}. Add the file of their department with --contours.`);
    process.exitCode = 1;
  }
}

if (update) {
  if (contourFiles.length === 0) { console.error('--update needs at least one --contours file.'); process.exit(2); }
  const territory = JSON.parse(readFileSync(update, 'utf8'));
  addContours(territory.communes, contourFiles);
  territory.contourSource = 'IGN – Admin Express, via france-geojson (Licence Ouverte)';
  writeFileSync(update, JSON.stringify(territory, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]') + '\n');
  console.log(`${territory.communes.filter(c => c.contour).length} of ${territory.communes.length} communes with a contour -> ${update}`);
  process.exit();
}
if (epciCodes.length === 0 && inseeCodes.length === 0) {
  console.error('Name at least one --epci code or --insee list.');
  process.exit(2);
}

const epcis = JSON.parse(readFileSync(resolve(dataDir, 'epci.json'), 'utf8'));
const communes = JSON.parse(readFileSync(resolve(dataDir, 'communes.json'), 'utf8'))
  .filter(c => c.type === 'commune-actuelle');
const byCode = new Map(communes.map(c => [c.code, c]));

const wanted = new Set(inseeCodes);
const groups = [];
for (const code of epciCodes) {
  const epci = epcis.find(e => e.code === code);
  if (!epci) { console.error(`EPCI ${code} not found`); process.exit(1); }
  groups.push({ code: epci.code, name: epci.nom });
  for (const member of epci.membres) wanted.add(member.code);
}

const selected = [...wanted].map(code => {
  const commune = byCode.get(code);
  if (!commune) { console.error(`Commune ${code} not found`); process.exit(1); }
  return {
    inseeCode: commune.code,
    name: commune.nom,
    postcodes: commune.codesPostaux ?? [],
    population: commune.population ?? 0,
  };
}).sort((a, b) => a.name.localeCompare(b.name, 'fr'));

if (contourFiles.length > 0) addContours(selected, contourFiles);
const territory = {
  source: '@etalab/decoupage-administratif 6.0.0 (data/epci.json, data/communes.json)',
  ...(contourFiles.length > 0 ? { contourSource: 'IGN – Admin Express, via france-geojson (Licence Ouverte)' } : {}),
  epci: groups,
  population: selected.reduce((sum, c) => sum + c.population, 0),
  communes: selected,
};
writeFileSync(out, JSON.stringify(territory, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]') + '\n');
console.log(`${selected.length} communes, ${territory.population} inhabitants -> ${out}`);
