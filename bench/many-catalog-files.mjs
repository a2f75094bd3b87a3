// Requests on a catalog directory of 100,000 files (the security domain and 99,999 files holding
// no domain), as a long-running host (tsserver, an ESLint server) makes them: the median time of
// getProject() per request while the freshness interval keeps passing, against a baseline
// measured in the same run — what the freshness check used to cost on a request, one stat per
// file read. Run: npm run build && node bench/many-catalog-files.mjs. Prints medians; asserts nothing.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { getProject, setFreshnessInterval } = require(join(root, 'dist', 'catalog', 'index.js'));

const FILES = Number(process.env.FILES ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 40);
const INTERVAL_MS = 100;
const dir = join(root, 'bench', '.generated', 'many-catalog-files');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'errors'), { recursive: true });
writeFileSync(join(dir, 'error-catalog.config.json'), JSON.stringify({ catalog: 'errors' }));
writeFileSync(join(dir, 'errors', '07-security.json'), readFileSync(join(root, 'catalog', 'data', '07-security.json')));
for (let i = 1; i < FILES; i++) writeFileSync(join(dir, 'errors', `empty-${i}.json`), '{}');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const file = join(dir, 'src', 'a.ts');
setFreshnessInterval(INTERVAL_MS);

let start = process.hrtime.bigint();
const project = getProject({ file });
console.log(`load: ${ms(start).toFixed(0)} ms for ${project.watchedPaths.length} paths`);

const requests = [];
for (let i = 0; i < REQUESTS; i++) {
  // Each wait crosses the freshness interval: every request is one on which a check is due.
  await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 10));
  start = process.hrtime.bigint();
  getProject({ file });
  requests.push(ms(start));
}
const baseline = [];
for (let i = 0; i < 5; i++) {
  start = process.hrtime.bigint();
  for (const path of project.watchedPaths) statSync(path);
  baseline.push(ms(start));
}
const request = median(requests);
const old = median(baseline);
console.log(`request (check due, run in the background): median ${request.toFixed(3)} ms`);
console.log(`baseline (stat of every path on the request): median ${old.toFixed(1)} ms`);
console.log(`ratio baseline/request: ${(old / request).toFixed(0)}x`);
rmSync(dir, { recursive: true, force: true });
