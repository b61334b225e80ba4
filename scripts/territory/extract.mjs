// Writes the territory file the portal seeds from: the communes of one or more EPCI, or an explicit
// list of INSEE codes, with their postcodes and population, taken from Etalab's official split.
// Usage: node extract.mjs --epci 200073344 [--epci …] [--insee 78517,78220] [--out ../../data/territory.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, 'node_modules/@etalab/decoupage-administratif/data');
const args = process.argv.slice(2);
const epciCodes = [];
const inseeCodes = [];
let out = resolve(here, '../../data/territory.json');
for (let i = 0; i < args.length; i++) {
  const value = args[i + 1];
  if (args[i] === '--epci') { epciCodes.push(...value.split(',')); i++; }
  else if (args[i] === '--insee') { inseeCodes.push(...value.split(',')); i++; }
  else if (args[i] === '--out') { out = resolve(value); i++; }
  else { console.error(`Unknown argument ${args[i]}`); process.exit(2); }
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

const territory = {
  source: '@etalab/decoupage-administratif 6.0.0 (data/epci.json, data/communes.json)',
  epci: groups,
  population: selected.reduce((sum, c) => sum + c.population, 0),
  communes: selected,
};
writeFileSync(out, JSON.stringify(territory, null, 2) + '\n');
console.log(`${selected.length} communes, ${territory.population} inhabitants -> ${out}`);
