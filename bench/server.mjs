// Benchmark (not a test): the language server (error-catalog-language-server over stdio) side by
// side with tsserver + our plugin, on the same 2,000-line document raising errors from a
// 50,000-error catalog, requests alternated between the two:
//   completion at getError('|') and getError('d.s.|'), hover on an id, diagnostics after an edit
//   (p50 / p95 ms); the language server's workspace index time on 5,000 generated files; and
//   both processes' memory (RSS now and peak).
// The language server answers diagnostics by pull (`textDocument/diagnostic` right after the
// `didChange`), tsserver by `semanticDiagnosticsSync` after its `change`: both include the edit.
//
//   npm run bench:server [-- --errors 50000 --files 5000 --rounds 30 --settle 30 --idle 20 --keep
//                           --cpu-prof DIR --node-args "--heap-growing-percent=0 --semi-space-growth-factor=2"]
// `--cpu-prof DIR` writes a V8 CPU profile of the language server process into DIR; `--node-args`
// starts it with those Node options (the two above: V8's own heap sizing, server/heap.ts undone, for a
// baseline); `--idle N` reports both processes' RSS again after N seconds without a request.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { generateCatalog } from './lib/generate-catalog.mjs';
import { flag, numberOption, textOption } from './lib/options.mjs';
import { TsServer } from './tsserver-client.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.generated', 'server');
const ERRORS = numberOption('errors', 50_000);
const FILES = numberOption('files', 5_000);
const ROUNDS = numberOption('rounds', 30);
const WARMUP = 3;
const SETTLE_MS = numberOption('settle', 30);
const IDLE_S = numberOption('idle', 20);
const TSSERVER = join(ROOT, 'node_modules', 'typescript', 'lib', 'tsserver.js');
const SERVER = join(ROOT, 'dist', 'server', 'main.js');

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
console.log(`generating a catalog of ${ERRORS} errors and ${FILES} source files…`);
const catalogDir = join(WORK, 'catalog');
const ids = generateCatalog(catalogDir, { errors: ERRORS });
mkdirSync(join(WORK, 'probe', 'node_modules'), { recursive: true });
symlinkSync(ROOT, join(WORK, 'probe', 'node_modules', 'error-catalog'), 'dir');

const project = join(WORK, 'project');
const write = (path, content) => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), content);
};
write('error-catalog.config.json', JSON.stringify({ catalog: catalogDir }));
// tsserver gets the probe file only: the 5,000 files are the language server's index work.
write(
  'tsconfig.json',
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'commonjs',
      noEmit: true,
      types: [],
      plugins: [{ name: 'error-catalog/ts-plugin' }],
    },
    files: ['src/declarations.d.ts', 'src/probe.ts'],
  }),
);
write('src/declarations.d.ts', 'declare function getError(id: string, ...args: unknown[]): Error;\n');

const probeId = ids[ids.length >> 1];
const [domain, subdomain] = probeId.split('.');
const probeLines = [
  'const edited = 1000;',
  "export const empty = getError('');",
  `export const partial = getError('${domain}.${subdomain}.');`,
  `export const known = getError('${probeId}', 'a', 'b');`,
  'export const total = edited + 1;',
];
// A 2,000-line file: functions raising errors, one id every fourth line (every 50th unknown).
for (let i = 0; probeLines.length < 2000; i++) {
  const id = i % 50 === 49 ? `${ids[(i * 131) % ids.length]}x` : ids[(i * 131) % ids.length];
  probeLines.push(`export function f${i}(value: number): Error | number {`);
  probeLines.push(`  if (value > ${i}) return getError('${id}', String(value), 'b');`);
  probeLines.push(`  return value * ${i};`);
  probeLines.push('}');
}
const probeText = `${probeLines.join('\n')}\n`;
write('src/probe.ts', probeText);
for (let f = 0; f < FILES; f++) {
  const lines = [`import { helper } from '../helper';`, ''];
  for (let i = 0; i < 5; i++) {
    lines.push(`export function g${f}_${i}(input: string): Error | string {`);
    lines.push(`  if (input === '${i}') throw getError('${ids[(f * 7 + i * 13) % ids.length]}', input, 'x');`);
    lines.push('  return helper(input);', '}');
  }
  write(`src/gen/${Math.floor(f / 500)}/file${f}.ts`, `${lines.join('\n')}\n`);
}

const positionOf = (needle, delta) => {
  const index = probeText.indexOf(needle) + delta;
  const before = probeText.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const REQUESTS = {
  "completion getError('|')": positionOf("getError('')", 10),
  "completion getError('d.s.|')": positionOf('partial = getError(', 20 + `${domain}.${subdomain}.`.length),
  'hover on an id': positionOf('known = getError(', 20),
};

// --- the language server -------------------------------------------------------------------
const profileDir = flag('cpu-prof') ? resolve(textOption('cpu-prof', '')) : undefined;
const nodeArgs = [
  ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ...textOption('node-args', '').split(/\s+/).filter(Boolean),
];
const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd: project, stdio: 'pipe' });
child.stderr.on('data', (chunk) => process.stderr.write(chunk));
const lsp = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let indexLog;
let indexEnded;
const indexed = new Promise((resolve) => (indexEnded = resolve));
lsp.onNotification('window/logMessage', ({ message }) => {
  const match = /indexed (\d+) files in (\d+) ms/.exec(message);
  if (match) indexLog = { files: Number(match[1]), ms: Number(match[2]) };
});
lsp.onNotification('$/progress', ({ value }) => {
  if (value?.kind === 'end') indexEnded(performance.now());
});
lsp.onRequest('window/workDoneProgress/create', () => null);
lsp.onRequest('client/registerCapability', () => null);
lsp.onRequest('workspace/configuration', ({ items }) => items.map(() => null));
lsp.listen();
const probeUri = pathToFileURL(join(project, 'src', 'probe.ts')).href;
await lsp.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'bench' }],
  capabilities: {
    window: { workDoneProgress: true },
    textDocument: { diagnostic: {}, completion: { completionItem: {} } },
  },
});
const indexStart = performance.now();
await lsp.sendNotification('initialized', {});
await lsp.sendNotification('textDocument/didOpen', {
  textDocument: { uri: probeUri, languageId: 'typescript', version: 1, text: probeText },
});
const indexEnd = await indexed;
// The language server's memory once the catalog is loaded and the workspace indexed, before any edit.
const rssAfterIndex = readMemory(child.pid, 'VmRSS');

// --- tsserver + plugin ---------------------------------------------------------------------
const tsserver = new TsServer(TSSERVER, project, ['--pluginProbeLocations', join(WORK, 'probe')]);
const probeFile = join(project, 'src', 'probe.ts');
tsserver.notify('open', { file: probeFile, projectRootPath: project });
await tsserver.requestRaw('semanticDiagnosticsSync', { file: probeFile });

const samples = { server: {}, tsserver: {} };
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
async function time(side, kind, run, record) {
  await settle();
  const started = performance.now();
  await run();
  if (record) (samples[side][kind] ??= []).push(performance.now() - started);
}

let version = 1;
const editValue = () => String(1000 + (version % 9000)).padStart(4, '0');
const sides = {
  server: {
    async request(kind, position, record) {
      const method = kind.startsWith('completion') ? 'textDocument/completion' : 'textDocument/hover';
      await time('server', kind, () => lsp.sendRequest(method, { textDocument: { uri: probeUri }, position }), record);
    },
    async edit(record) {
      version++;
      const value = editValue();
      await time(
        'server',
        'diagnostics after an edit',
        async () => {
          await lsp.sendNotification('textDocument/didChange', {
            textDocument: { uri: probeUri, version },
            contentChanges: [
              { range: { start: { line: 0, character: 15 }, end: { line: 0, character: 19 } }, text: value },
            ],
          });
          await lsp.sendRequest('textDocument/diagnostic', { textDocument: { uri: probeUri } });
        },
        record,
      );
    },
    pid: child.pid,
  },
  tsserver: {
    async request(kind, position, record) {
      const command = kind.startsWith('completion') ? 'completionInfo' : 'quickinfo';
      const at = { file: probeFile, line: position.line + 1, offset: position.character + 1 };
      await time('tsserver', kind, () => tsserver.requestRaw(command, at), record);
    },
    async edit(record) {
      const value = editValue();
      await time(
        'tsserver',
        'diagnostics after an edit',
        async () => {
          tsserver.notify('change', {
            file: probeFile,
            line: 1,
            offset: 16,
            endLine: 1,
            endOffset: 20,
            insertString: value,
          });
          await tsserver.requestRaw('semanticDiagnosticsSync', { file: probeFile });
        },
        record,
      );
    },
    pid: tsserver.pid,
  },
};

for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const record = round >= WARMUP;
  const order = round % 2 === 0 ? ['server', 'tsserver'] : ['tsserver', 'server'];
  for (const [kind, position] of Object.entries(REQUESTS))
    for (const side of order) await sides[side].request(kind, position, record);
  // Both sides edit the same text; each keeps its own version of it.
  for (const side of order) await sides[side].edit(record);
}

const memory = Object.fromEntries(
  Object.entries(sides).map(([name, side]) => [
    name,
    { rss: readMemory(side.pid, 'VmRSS'), peak: readMemory(side.pid, 'VmHWM') },
  ]),
);

// V8 gives memory back when a process goes quiet (its memory reducer starts a few seconds after a
// full collection): what an editor's server holds most of the time.
await new Promise((resolve) => setTimeout(resolve, IDLE_S * 1000));
const idle = Object.fromEntries(Object.entries(sides).map(([name, side]) => [name, readMemory(side.pid, 'VmRSS')]));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
};
const fmt = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const rows = [['', 'language server p50 / p95 ms', 'tsserver + plugin p50 / p95 ms', 'server / tsserver (p50)']];
for (const kind of [...Object.keys(REQUESTS), 'diagnostics after an edit']) {
  const s = samples.server[kind];
  const t = samples.tsserver[kind];
  rows.push([
    kind,
    `${fmt(percentile(s, 0.5))} / ${fmt(percentile(s, 0.95))}`,
    `${fmt(percentile(t, 0.5))} / ${fmt(percentile(t, 0.95))}`,
    `${(percentile(s, 0.5) / percentile(t, 0.5)).toFixed(2)}×`,
  ]);
}
rows.push(['RSS after the index build', mib(rssAfterIndex), '', '']);
rows.push(['RSS at the end', mib(memory.server.rss), mib(memory.tsserver.rss), '']);
rows.push(['peak RSS', mib(memory.server.peak), mib(memory.tsserver.peak), '']);
rows.push([`RSS after ${IDLE_S} s idle`, mib(idle.server), mib(idle.tsserver), '']);
console.log(
  `\n${ERRORS} errors, a ${probeLines.length}-line document, ${ROUNDS} rounds (after ${WARMUP} warm-up rounds), TypeScript ${
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')).version
  }${nodeArgs.length ? `; language server started with ${nodeArgs.join(' ')}` : ''}\n`,
);
console.log(
  rows
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n')
    .replace(/\n/, `\n|${rows[0].map(() => ' --- ').join('|')}|\n`),
);
console.log(
  `\nworkspace index: ${indexLog?.files ?? '?'} files in ${indexLog?.ms ?? '?'} ms (server's own count); ` +
    `${((indexEnd - indexStart) / 1000).toFixed(2)} s from 'initialized' to the progress end`,
);

await lsp.sendRequest('shutdown');
await lsp.sendNotification('exit');
lsp.dispose();
await tsserver.close();
if (!flag('keep')) rmSync(WORK, { recursive: true, force: true });

/** `VmRSS` (now) or `VmHWM` (peak) of a process, from Linux's /proc. */
function readMemory(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) * 1024;
  } catch {
    return Number.NaN;
  }
}
