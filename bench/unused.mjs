// `error-catalog unused` on a generated project of 5,000 JS/TS files (plus ignored ones)
// against a 2,000-error catalog. Most files reference ids (direct, split, wrapped, constant,
// dynamic) or contain a `throw`, so most of them are parsed; the rest is ordinary code.
// Run: npm run bench:unused  (builds first). Prints the median wall and CPU time of the whole
// CLI run, in the main thread alone (--jobs 1) and with one worker thread besides (--jobs 2).
// Then the parser choice: the same scan, in process, over the package's parser (oxc-parser)
// and over the previous one (typescript-estree, kept as a devDependency for this comparison
// only), on the same generated files and on the repository's test corpus (tests/**/fixtures,
// examples/): time per parsed file, and identical uses required.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './lib/generate-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = Number(process.env.FILES ?? 5_000);
const ERRORS = Number(process.env.ERRORS ?? 2_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const project = join(root, 'bench', '.generated', 'unused-project');

rmSync(project, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
const ids = generateCatalog(join(project, 'errors'), { errors: ERRORS, domains: 10, subdomainsPerDomain: 10 });
writeFileSync(join(project, 'error-catalog.config.json'), JSON.stringify({ catalog: 'errors' }));
writeFileSync(join(project, '.gitignore'), 'generated/\n*.bundle.js\n');

const pick = (i) => ids[(i * 7919) % ids.length];
const split = (id) =>
  id
    .split('.')
    .map((part) => `'${part}'`)
    .join(', ');

/** An ordinary module: imports, a class, a few functions. */
function filler(i) {
  return `
export interface Record${i} { id: string; count: number; tags: string[] }

export class Service${i} {
  private readonly cache = new Map<string, Record${i}>();
  constructor(private readonly limit = ${i % 100}) {}
  lookup(id: string): Record${i} | undefined {
    const hit = this.cache.get(id);
    if (hit && hit.count < this.limit) return { ...hit, count: hit.count + 1 };
    return undefined;
  }
  list(filter: (r: Record${i}) => boolean): Record${i}[] {
    return [...this.cache.values()].filter(filter).sort((a, b) => a.id.localeCompare(b.id));
  }
}

export function format${i}(values: number[]): string {
  return values.map((v) => v.toFixed(2)).join(', ');
}
`;
}

function source(i) {
  const id = pick(i);
  switch (i % 10) {
    case 0:
    case 1:
      return `import { getError } from '../errors';\n${filler(i)}\nexport function check${i}(ok: boolean): void {\n  if (!ok) throw getError('${id}', 'value');\n}\n`;
    case 2:
      return `import * as kerror from '../kerror';\n${filler(i)}\nexport function check${i}(ok: boolean): void {\n  if (!ok) throw kerror.get(${split(id)});\n}\n`;
    case 3: {
      const [d, s, n] = id.split('.');
      return `const kerror = require('../kerror');\nconst scoped = kerror.wrap('${d}', '${s}');\nfunction check${i}(ok) {\n  if (!ok) throw scoped.get('${n}');\n}\nmodule.exports = { check${i} };\n`;
    }
    case 4:
      return `const ID = '${id}';\n${filler(i)}\nexport function check${i}(ok: boolean): void {\n  if (!ok) throw getError(ID);\n}\n`;
    case 5: {
      const [d, s] = id.split('.');
      return `${filler(i)}\nexport function check${i}(name: string): void {\n  throw getError(\`${d}.${s}.\${name}\`);\n}\n`;
    }
    case 6:
      return `${filler(i)}\nexport function guard${i}(x: unknown): void {\n  if (x === undefined) throw new Error('missing value');\n}\n`;
    default:
      return filler(i); // no reference, no throw: skipped before parsing
  }
}

for (let i = 0; i < FILES; i++) {
  const dir = join(project, 'src', `module${Math.floor(i / 100)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `file${i}.${i % 10 === 3 ? 'js' : 'ts'}`), source(i)); // case 3 is CommonJS
}
// Ignored: node_modules, a .gitignore'd directory and pattern. None of these may be scanned.
for (const dir of ['node_modules/lib', 'generated']) {
  mkdirSync(join(project, dir), { recursive: true });
  for (let i = 0; i < 500; i++) writeFileSync(join(project, dir, `f${i}.js`), `throw getError('${pick(i)}');\n`);
}
writeFileSync(join(project, 'src', 'app.bundle.js'), `throw getError('${pick(1)}');\n`);

const cli = join(root, 'dist', 'cli', 'main.js');
/** CPU seconds (user + sys) of the waited-for children so far, from /proc (Linux); undefined elsewhere. */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in USER_HZ ticks
  } catch {
    return undefined;
  }
}

function measure(extra) {
  const times = [];
  const cpus = [];
  let report;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    const cpuBefore = childrenCpu();
    const run = spawnSync(process.execPath, [cli, 'unused', '--format', 'json', ...extra], {
      cwd: project,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpuAfter = childrenCpu();
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpus.push(cpuAfter - cpuBefore);
    if (run.status !== 0) throw new Error(`unused failed (${run.status}): ${run.stderr}`);
    report = JSON.parse(run.stdout);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const cpu =
    cpus.length === ROUNDS
      ? `; CPU time median ${[...cpus].sort((a, b) => a - b)[Math.floor(cpus.length / 2)].toFixed(2)} s`
      : '';
  return {
    report,
    text: `wall median ${s(sorted[Math.floor(sorted.length / 2)])} over ${ROUNDS} runs (min ${s(sorted[0])}, max ${s(sorted[sorted.length - 1])})${cpu}`,
  };
}

const single = measure(['--jobs', '1']);
const parallel = measure(['--jobs', '2']);
const { report } = single;
console.log(
  `project: ${report.files} files scanned (${report.parsed} parsed), catalog of ${ids.length} ids; ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`,
);
console.log(
  `result: ${report.used.length} used, ${report.maybeUsed.length} maybe used, ${report.unused.length} unused, ${report.skipped.length} skipped`,
);
console.log(`error-catalog unused --jobs 1: ${single.text}`);
console.log(`error-catalog unused --jobs 2: ${parallel.text}`);
if (report.files !== FILES) throw new Error(`expected ${FILES} files scanned, got ${report.files}`);
if (JSON.stringify(single.report) !== JSON.stringify(parallel.report))
  throw new Error('--jobs 1 and --jobs 2 gave different reports');

// ---- Parser choice: oxc-parser (the package's) against typescript-estree (the previous one) ----
const require = createRequire(import.meta.url);
const { callNodes, parseSource } = require('../dist/analysis/parse.js');
const { scanSource, textFilter } = require('../dist/analysis/id-uses.js');
const { findSourceFiles } = require('../dist/analysis/source-files.js');
const { scopeResolver } = require('../dist/analysis/describe-call.js');
const { CallMatcher, DEFAULT_CALLS, getProject } = require('../dist/catalog/index.js');
const { parse: estreeParse, simpleTraverse } = require('@typescript-eslint/typescript-estree');
const { analyze } = require('@typescript-eslint/scope-manager');
const PARSER_ROUNDS = Number(process.env.PARSER_ROUNDS ?? 3);

/** The previous parser, as cli/unused/scan.ts used it before oxc-parser, in the ParseOutcome shape. */
function parseWithEstree(text, file) {
  let program;
  try {
    program = estreeParse(text, {
      range: true,
      loc: false,
      jsx: !/\.[cm]?ts$/.test(file),
      comment: false,
      tokens: false,
    });
  } catch (error) {
    return { ok: false, message: error.message, offset: error.index ?? 0 };
  }
  simpleTraverse(program, { enter() {} }, true); // parent links
  let scopeOf;
  let manager;
  const scopeManager = () => (manager ??= analyze(program, { sourceType: program.sourceType, lib: [] }));
  return {
    ok: true,
    parsed: {
      program,
      // The calls, walked apart as the shared analysis did before it collected them with the parent links.
      calls: callNodes(program),
      scopeManager,
      scopeOf: (node) => (scopeOf ??= scopeResolver(scopeManager()))(node),
    },
  };
}

const PARSERS = { 'oxc-parser': parseSource, 'typescript-estree': parseWithEstree };

/** Scans every file with one parser; the results (uses per file) and how many files were parsed. */
function scanAll(sources, parse) {
  let parsed = 0;
  const results = sources.map(({ file, text, matcher, filter }) => {
    const result = scanSource(text, file, matcher, filter, parse);
    if (result.kind === 'skipped' || result.parsed) parsed++;
    return result.kind === 'skipped' ? { file, skipped: true } : { file, uses: result.uses };
  });
  return { results, parsed };
}

const matcher = new CallMatcher(getProject({ file: join(project, 'src') }).matcher.calls ?? DEFAULT_CALLS);
const filter = textFilter(matcher);
const generated = findSourceFiles([project]).map((file) => ({
  file,
  text: readFileSync(file, 'utf8'),
  matcher,
  filter,
}));

/** CPU time per file of the parse alone (AST and parent links; scope analysis is lazy) over the files the scan parses. */
function parseOnly(parse, files) {
  const start = cpuMs();
  for (const { file, text } of files) parse(text, file);
  return (cpuMs() - start) / files.length;
}

/**
 * CPU milliseconds of this process so far. The parsers are compared in CPU time, not wall time:
 * on a loaded machine wall time mostly measures waiting for a core, which is the same for both.
 */
function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const scanTimes = { 'oxc-parser': [], 'typescript-estree': [] };
const parseTimes = { 'oxc-parser': [], 'typescript-estree': [] };
const outputs = {};
const parsedFiles = generated.filter(({ text }) => filter.test(text));
for (const parse of Object.values(PARSERS)) scanAll(generated.slice(0, 1000), parse); // warm-up
// Rounds interleave the parsers, so that a change of load on a shared machine hits both alike.
for (let round = 0; round < PARSER_ROUNDS; round++) {
  for (const [name, parse] of Object.entries(PARSERS)) {
    const start = cpuMs();
    const { results, parsed } = scanAll(generated, parse);
    scanTimes[name].push((cpuMs() - start) / parsed);
    outputs[name] = { results, parsed };
    parseTimes[name].push(parseOnly(parse, parsedFiles));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timings = Object.fromEntries(Object.entries(scanTimes).map(([name, values]) => [name, median(values)]));
const parseTimings = Object.fromEntries(Object.entries(parseTimes).map(([name, values]) => [name, median(values)]));
const oxc = outputs['oxc-parser'];
const estree = outputs['typescript-estree'];
const sameGenerated = JSON.stringify(oxc.results) === JSON.stringify(estree.results);
console.log(
  `parser, ${generated.length} generated files (${oxc.parsed} parsed), whole scan (parse, scope analysis, recognition), CPU time per parsed file, median of ${PARSER_ROUNDS}: ` +
    `oxc-parser ${timings['oxc-parser'].toFixed(3)} ms, typescript-estree ${timings['typescript-estree'].toFixed(3)} ms ` +
    `→ ${(timings['typescript-estree'] / timings['oxc-parser']).toFixed(1)}×; ` +
    `results ${sameGenerated ? 'identical' : 'DIFFERENT'}`,
);
console.log(
  `parser alone (AST and parent links), CPU time per parsed file: oxc-parser ${parseTimings['oxc-parser'].toFixed(3)} ms, typescript-estree ` +
    `${parseTimings['typescript-estree'].toFixed(3)} ms → oxc-parser ${(parseTimings['typescript-estree'] / parseTimings['oxc-parser']).toFixed(1)}× faster (target ≥ 3×)`,
);

// The repository's own corpus: every fixture and example source, each with its project's calls.
const corpusFiles = findSourceFiles([join(root, 'tests'), join(root, 'examples')]).filter(
  (file) => file.includes(`${sep}fixtures${sep}`) || file.startsWith(join(root, 'examples')),
);
const corpus = corpusFiles.map((file) => {
  const fileMatcher = getProject({ file }).matcher;
  return { file, text: readFileSync(file, 'utf8'), matcher: fileMatcher, filter: textFilter(fileMatcher) };
});
const corpusOxc = scanAll(corpus, parseSource);
const corpusEstree = scanAll(corpus, parseWithEstree);
const differing = corpusOxc.results.filter(
  (result, i) => JSON.stringify(result) !== JSON.stringify(corpusEstree.results[i]),
);
console.log(
  `parser, test corpus (${corpus.length} files under tests/**/fixtures and examples/, ${corpusOxc.parsed} parsed): ` +
    (differing.length === 0
      ? 'identical uses'
      : `${differing.length} files DIFFER: ${differing.map((d) => d.file).join(', ')}`),
);
if (!sameGenerated || differing.length > 0) throw new Error('oxc-parser and typescript-estree gave different results');
