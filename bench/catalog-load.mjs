// Catalog load + index time, suggestion time and index memory on a generated 50,000-error
// catalog, against a floor measured in the same run: read the files, JSON.parse, one Map.
// Run: npm run bench:catalog  (builds first). Prints medians; asserts nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './lib/generate-catalog.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadCatalog } = require(join(root, 'dist', 'catalog', 'index.js'));

const ERRORS = Number(process.env.ERRORS ?? 50_000);
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const dir = join(root, 'bench', '.generated', 'catalog-50k');
const ids = generateCatalog(dir, { errors: ERRORS });
const files = readdirSync(dir).map((f) => join(dir, f));
const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);

function floor() {
  const map = new Map();
  for (const file of files) {
    const domain = JSON.parse(readFileSync(file, 'utf8'));
    for (const [sub, s] of Object.entries(domain.subDomains))
      for (const [name, e] of Object.entries(s.errors)) map.set(`${file}.${sub}.${name}`, e);
  }
  return map;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn) => {
  const start = process.hrtime.bigint();
  const result = fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
};

const floorTimes = [];
const loadTimes = [];
for (let round = 0; round < ROUNDS; round++) {
  floorTimes.push(time(floor)[0]);
  const [ms, result] = time(() => loadCatalog(dir));
  if (result.problems.length) throw new Error(`generated catalog has problems: ${result.problems[0].message}`);
  loadTimes.push(ms);
}

// Suggestions: typos of real ids (a changed letter in the name, a dropped letter in the subdomain, a swapped pair in the domain).
const { catalog } = loadCatalog(dir);
const typo = (id, i) => {
  const [d, s, n] = id.split('.');
  if (i % 3 === 0) return `${d}.${s}.${n.slice(0, 2)}x${n.slice(3)}`;
  if (i % 3 === 1) return `${d}.${s.slice(1)}.${n}`;
  return `${d[1]}${d[0]}${d.slice(2)}.${s}.${n}`;
};
const suggestTimes = [];
let found = 0;
for (let i = 0; i < 300; i++) {
  const id = ids[(i * 7919) % ids.length];
  const [ms, suggestions] = time(() => catalog.suggest(typo(id, i)));
  suggestTimes.push(ms);
  if (suggestions.some((s) => s.id === id)) found++;
}

// Index memory: heap growth while one loaded catalog is kept (needs --expose-gc for a clean figure).
const gc = globalThis.gc ?? (() => {});
gc();
const before = process.memoryUsage().heapUsed;
let kept = loadCatalog(dir).catalog;
gc();
const after = process.memoryUsage().heapUsed;
const keptSize = kept.size;
kept = undefined;

const floorMs = median(floorTimes);
const loadMs = median(loadTimes);
console.log(
  `catalog: ${ERRORS} errors in ${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB of JSON (${keptSize} indexed)`,
);
console.log(`floor (read + JSON.parse + one Map): median ${floorMs.toFixed(1)} ms over ${ROUNDS} rounds`);
console.log(
  `loadCatalog (read + parse + validate + index): median ${loadMs.toFixed(1)} ms (${(loadMs / floorMs).toFixed(2)}x floor; target < 130 ms)`,
);
console.log(
  `suggest: median ${median(suggestTimes).toFixed(2)} ms, max ${Math.max(...suggestTimes).toFixed(2)} ms over 300 typos (target < 20 ms); the original id ranked in ${found}/300`,
);
console.log(
  `index memory: ${((after - before) / 1048576).toFixed(1)} MiB of heap${globalThis.gc ? '' : ' (run with --expose-gc for a clean figure)'} (target < 40 MiB)`,
);
