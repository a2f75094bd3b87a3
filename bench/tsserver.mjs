// Benchmark (not a test): editor requests through real tsserver processes on a project raising
// errors from a 50,000-error catalog, three ways side by side, requests alternated between them:
//   plain   – no plugin, `getError(id: string)`: the floor;
//   plugin  – error-catalog/ts-plugin enabled in tsconfig `plugins`;
//   union   – no plugin, `getError(id: ErrorId)` with a generated union type of all 50,000 ids
//             (what a TypeScript user would try first).
// Reports p50/p90 latency per request kind, answer sizes and tsserver memory (RSS).
//
//   npm run bench:tsserver [-- --errors 50000 --rounds 30 --settle 30 --only plain,plugin --cpu-prof --keep]
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './lib/generate-catalog.mjs';
import { flag, numberOption, textOption } from './lib/options.mjs';
import { TsServer } from './tsserver-client.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.generated', 'tsserver');
const ERRORS = numberOption('errors', 50_000);
const ROUNDS = numberOption('rounds', 30);
const WARMUP = 3;
const TSSERVER = join(ROOT, 'node_modules', 'typescript', 'lib', 'tsserver.js');

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
console.log(`generating a catalog of ${ERRORS} errors…`);
const catalogDir = join(WORK, 'catalog');
const ids = generateCatalog(catalogDir, { errors: ERRORS });
// tsserver looks for plugins next to itself and in --pluginProbeLocations: link the package there.
mkdirSync(join(WORK, 'probe', 'node_modules'), { recursive: true });
symlinkSync(ROOT, join(WORK, 'probe', 'node_modules', 'error-catalog'), 'dir');

/** The shared sources: a few files of ordinary code raising errors by id. */
function sources(declaration) {
  const files = { 'src/declarations.d.ts': declaration };
  for (let f = 0; f < 5; f++) {
    const lines = [`export class Service${f} {`, '  private counter = 1000;'];
    for (let i = 0; i < 20; i++) {
      const id = ids[(f * 997 + i * 131) % ids.length];
      lines.push(`  method${i}(input: { value: number; name: string }): Error | number {`);
      lines.push(`    if (input.value > this.counter) return getError('${id}', input.name, String(input.value));`);
      lines.push(`    return input.value * ${i} + this.counter;`);
      lines.push('  }');
    }
    lines.push('}', '');
    files[`src/service${f}.ts`] = lines.join('\n');
  }
  // The file the requests are made in; line 1 is edited before each diagnostics request.
  const probeId = ids[ids.length >> 1];
  const [domain, subdomain] = probeId.split('.');
  files['src/probe.ts'] = [
    'const edited = 1000;',
    "export const empty = getError('');",
    `export const partial = getError('${domain}.${subdomain}.');`,
    `export const known = getError('${probeId}', 'a', 'b');`,
    'export const total = edited + 1;',
    '',
  ].join('\n');
  return files;
}

function writeProject(name, declaration, extra = {}, plugins = []) {
  const dir = join(WORK, name);
  const files = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs', noEmit: true, types: [], plugins },
      include: ['src'],
    }),
    ...sources(declaration),
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const STRING_DECL = 'declare function getError(id: string, ...args: unknown[]): Error;\n';
const allProjects = {
  plain: writeProject('plain', STRING_DECL),
  plugin: writeProject(
    'plugin',
    STRING_DECL,
    { 'error-catalog.config.json': JSON.stringify({ catalog: catalogDir }) },
    [{ name: 'error-catalog/ts-plugin' }],
  ),
  union: writeProject(
    'union',
    'declare function getError(id: import("./error-ids").ErrorId, ...args: unknown[]): Error;\n',
    {
      'src/error-ids.ts': `export type ErrorId =\n${ids.map((id) => `  | '${id}'`).join('\n')};\n`,
    },
  ),
};
// `--only plain,plugin` compares a subset (e.g. without the union server's CPU and GC load).
const only = flag('only') ? textOption('only', '').split(',') : Object.keys(allProjects);
const projects = Object.fromEntries(Object.entries(allProjects).filter(([name]) => only.includes(name)));

const probeText = readFileSync(join(projects.plain, 'src', 'probe.ts'), 'utf8');
const position = (needle, delta) => {
  const index = probeText.indexOf(needle) + delta;
  const before = probeText.slice(0, index).split('\n');
  return { line: before.length, offset: before[before.length - 1].length + 1 };
};
const REQUESTS = {
  "completion getError('|')": (file) => ['completionInfo', { file, ...position("getError('')", 10) }],
  "completion getError('d.s.|')": (file) => [
    'completionInfo',
    { file, ...position('partial = getError(', 20 + probeText.split('\n')[2].split("'")[1].length) },
  ],
  'hover on an id': (file) => ['quickinfo', { file, ...position('known = getError(', 20) }],
};

const servers = {};
for (const [name, dir] of Object.entries(projects)) {
  const nodeArgs = flag('cpu-prof')
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(ROOT, 'bench', '.generated', 'profiles')}`,
        `--cpu-prof-name=${name}.cpuprofile`,
      ]
    : [];
  const server = new TsServer(TSSERVER, dir, ['--pluginProbeLocations', join(WORK, 'probe')], nodeArgs);
  const file = join(dir, 'src', 'probe.ts');
  server.notify('open', { file, projectRootPath: dir });
  servers[name] = { server, file, samples: {}, sizes: {}, entries: {}, version: 0 };
}

// A pause before each request lets the previous server's background work (GC threads, on a
// 2-core machine) finish, so no server is measured in another's wake.
const SETTLE_MS = numberOption('settle', 30);
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function timed(entry, kind, command, args) {
  await settle();
  const started = process.hrtime.bigint();
  const { bytes, message } = await entry.server.requestRaw(command, args);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (Array.isArray(message.body?.entries)) (entry.entries[kind] ??= []).push(message.body.entries.length);
  (entry.samples[kind] ??= []).push(ms);
  (entry.sizes[kind] ??= []).push(bytes);
}

/** Edits line 1 (same length, so positions stay put), then asks for the file's semantic diagnostics. */
async function editThenDiagnostics(entry, record) {
  entry.version = (entry.version + 1) % 9000;
  const value = String(1000 + entry.version).padStart(4, '0');
  entry.server.notify('change', {
    file: entry.file,
    line: 1,
    offset: 16,
    endLine: 1,
    endOffset: 20,
    insertString: value,
  });
  if (record) await timed(entry, 'diagnostics after an edit', 'semanticDiagnosticsSync', { file: entry.file });
  else await entry.server.requestRaw('semanticDiagnosticsSync', { file: entry.file });
}

console.log('starting three tsservers and loading the projects…');
const loadStart = Date.now();
for (const entry of Object.values(servers))
  await entry.server.requestRaw('semanticDiagnosticsSync', { file: entry.file });
console.log(`projects loaded in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const record = round >= WARMUP;
  // Alternate the servers request by request, rotating who goes first.
  const order = Object.values(servers);
  for (let r = 0; r < round % order.length; r++) order.push(order.shift());
  for (const [kind, make] of Object.entries(REQUESTS)) {
    for (const entry of order) {
      const [command, args] = make(entry.file);
      if (record) await timed(entry, kind, command, args);
      else await entry.server.requestRaw(command, args);
    }
  }
  for (const entry of order) await editThenDiagnostics(entry, record);
}

const rss = {};
const peak = {};
for (const [name, entry] of Object.entries(servers)) {
  rss[name] = readMemory(entry.server.pid, 'VmRSS');
  peak[name] = readMemory(entry.server.pid, 'VmHWM');
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
};
const fmtMs = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
const fmtBytes = (v) =>
  v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MiB` : v >= 1024 ? `${(v / 1024).toFixed(1)} KiB` : `${v} B`;

const names = Object.keys(servers);
const rows = [['request', ...names.map((n) => `${n} p50 / p90 ms`), ...names.map((n) => `${n} answer`)]];
for (const kind of [...Object.keys(REQUESTS), 'diagnostics after an edit']) {
  rows.push([
    kind,
    ...names.map(
      (n) =>
        `${fmtMs(percentile(servers[n].samples[kind], 0.5))} / ${fmtMs(percentile(servers[n].samples[kind], 0.9))}`,
    ),
    ...names.map((n) => fmtBytes(percentile(servers[n].sizes[kind], 0.5))),
  ]);
}
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
rows.push(['tsserver RSS at the end', ...names.map((n) => mib(rss[n])), ...names.map(() => '')]);
rows.push(['tsserver peak RSS', ...names.map((n) => mib(peak[n])), ...names.map(() => '')]);
const diagRatio = (n) =>
  !servers[n]
    ? Number.NaN
    : percentile(servers[n].samples['diagnostics after an edit'], 0.5) /
      percentile(servers.plain.samples['diagnostics after an edit'], 0.5);

console.log(
  `\n${ERRORS} errors, ${ROUNDS} rounds (after ${WARMUP} warm-up rounds), TypeScript ${JSON.parse(readFileSync(join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')).version}\n`,
);
console.log(
  rows
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n')
    .replace(/\n/, `\n|${rows[0].map(() => ' --- ').join('|')}|\n`),
);
console.log(
  `\ndiagnostics after an edit vs plain (p50): plugin ${diagRatio('plugin').toFixed(2)}×, union ${diagRatio('union').toFixed(2)}×`,
);
const signed = (bytes) => `${bytes < 0 ? '-' : '+'}${Math.abs(bytes / 1024 / 1024).toFixed(0)} MiB`;
const over = (table) =>
  names
    .filter((n) => n !== 'plain')
    .map((n) => `${n} ${signed(table[n] - table.plain)}`)
    .join(', ');
console.log(`memory over plain: at the end ${over(rss)}; peak ${over(peak)}`);
for (const kind of Object.keys(REQUESTS).filter((k) => k.startsWith('completion'))) {
  console.log(`entries for ${kind}: ${names.map((n) => `${n} ${servers[n].entries[kind]?.[0] ?? 0}`).join(', ')}`);
}

for (const entry of Object.values(servers)) await entry.server.close();
if (!flag('keep')) rmSync(WORK, { recursive: true, force: true });

/** `VmRSS` (now) or `VmHWM` (peak) of a process, from Linux's /proc. */
function readMemory(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return kb * 1024;
  } catch {
    return Number.NaN;
  }
}
