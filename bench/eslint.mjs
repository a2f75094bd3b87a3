// `npm run bench:eslint`: what the ESLint rules cost on a large project. A generated corpus of
// 2,000 TypeScript files calling getError about ten times each, checked against a generated
// 50,000-error catalog, linted by the real eslint CLI with:
//   floor        @typescript-eslint/parser + one do-nothing rule that visits every CallExpression
//                (the least any rule looking at calls pays)
//   recommended  @typescript-eslint/parser + error-catalog's configs.recommended
// alternating, several rounds; prints the medians and recommended / floor. Target: ≤ 1.05.
//   catalog      (with --breakdown) the floor plus loading the catalog the way recommended does
//                (its settings getter), rules off: how much of the difference is the catalog itself
// Not a timed test: run it on a quiet machine. `--rounds N` (default 5), `--files N` (default 2000).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './lib/generate-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.generated', 'eslint');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

const argValue = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROUNDS = argValue('--rounds', 5);
const FILES = argValue('--files', 2000);
const CALLS_PER_FILE = 10;
const CONFIGS = process.argv.includes('--breakdown') ? ['floor', 'catalog', 'recommended'] : ['floor', 'recommended'];

// Deterministic pseudo-random numbers, so every run lints the same corpus.
let seed = 20261125;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (list) => list[Math.floor(random() * list.length)];

function setUp() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'src'), { recursive: true });
  const started = performance.now();
  const ids = generateCatalog(join(work, 'catalog'), { errors: 50_000 });
  writeFileSync(join(work, 'error-catalog.config.json'), JSON.stringify({ catalog: './catalog' }));

  // The generator gives messages two placeholders when the error's code is a multiple of 3 and
  // deprecates codes that are multiples of 50; the code ends the error's name.
  const codeOf = (id) => Number(id.slice(id.lastIndexOf('_') + 1));
  const current = ids.filter((id) => codeOf(id) % 50 !== 0);
  const deprecated = ids.filter((id) => codeOf(id) % 50 === 0);
  const planted = { unknown: 0, deprecated: 0, placeholders: 0 };

  for (let f = 0; f < FILES; f++) {
    const lines = [
      "import { getError } from '../errors';",
      "import type { Request } from '../types';",
      '',
      `export function handler${f}(request: Request): string[] {`,
      '  const names = request.items.map((item) => item.name.trim());',
      "  console.debug('handling', JSON.stringify(names));",
    ];
    for (let c = 0; c < CALLS_PER_FILE; c++) {
      let id = pick(current);
      let args = codeOf(id) % 3 === 0 ? ', request.user, names.join(",")' : '';
      // A few planted mistakes, so the rules have something to report and suggest.
      if (f % 100 === 7 && c === 3) {
        id = id.replace(/_failed_/, '_faild_');
        planted.unknown++;
      } else if (f % 100 === 42 && c === 5) {
        id = pick(deprecated);
        args = codeOf(id) % 3 === 0 ? ', a, b' : '';
        planted.deprecated++;
      } else if (f % 100 === 77 && c === 1 && args !== '') {
        args = ', request.user';
        planted.placeholders++;
      }
      lines.push(`  if (request.flags.includes(${c})) throw getError('${id}'${args});`);
      if (c % 3 === 0) lines.push(`  names.push(String(request.items.length + ${c}));`);
    }
    lines.push('  return names.filter((name) => name.length > 0);', '}', '');
    writeFileSync(join(work, 'src', `file${f}.ts`), lines.join('\n'));
  }

  writeFileSync(
    join(work, 'eslint.floor.config.mjs'),
    `import tsParser from '@typescript-eslint/parser';
const floor = {
  meta: { name: 'floor', version: '0.0.0' },
  rules: {
    calls: {
      meta: { type: 'problem', schema: [] },
      create() {
        return { CallExpression() {} };
      },
    },
  },
};
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { plugins: { floor }, rules: { 'floor/calls': 'error' } },
];
`,
  );
  writeFileSync(
    join(work, 'eslint.catalog.config.mjs'),
    `import floorConfig from './eslint.floor.config.mjs';
import errorCatalog from 'error-catalog/eslint';
// recommended's settings (computing them loads the catalog), none of its rules
const { rules, plugins, ...settingsOnly } = errorCatalog.configs.recommended;
export default [...floorConfig, settingsOnly];
`,
  );
  writeFileSync(
    join(work, 'eslint.recommended.config.mjs'),
    `import tsParser from '@typescript-eslint/parser';
import errorCatalog from 'error-catalog/eslint';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  errorCatalog.configs.recommended,
];
`,
  );
  writeFileSync(
    cpuHook,
    "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`cpu-seconds=${(u.user + u.system) / 1e6}\\n`); });\n",
  );
  console.log(
    `generated ${ids.length} errors and ${FILES} files (${FILES * CALLS_PER_FILE} getError calls) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `planted: ${planted.unknown} unknown ids, ${planted.deprecated} deprecated ids, ${planted.placeholders} missing placeholders`,
  );
  return planted;
}

// Reports the child's CPU time (user + system) on exit: steadier than wall time on a shared machine.
const cpuHook = join(work, 'cpu-hook.cjs');

function lint(config) {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--require', cpuHook, eslintBin, '--config', config, '--no-cache', '--format', 'json', 'src'],
    {
      cwd: work,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`eslint failed (${result.status}):\n${result.stderr}`);
  const cpu = Number(/cpu-seconds=([\d.]+)/.exec(result.stderr)?.[1]);
  const counts = {};
  for (const file of JSON.parse(result.stdout))
    for (const m of file.messages) counts[m.ruleId ?? 'fatal'] = (counts[m.ruleId ?? 'fatal'] ?? 0) + 1;
  return { seconds, cpu, counts };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

setUp();
const runs = Object.fromEntries(CONFIGS.map((name) => [name, { wall: [], cpu: [] }]));
// One warm-up of each (file-system cache, V8 code cache), then alternate so drift hits all alike.
for (const name of CONFIGS) {
  const { counts } = lint(`eslint.${name}.config.mjs`);
  if (name === 'recommended') console.log('findings of recommended:', counts);
}
for (let round = 1; round <= ROUNDS; round++) {
  const line = [];
  for (const name of CONFIGS) {
    const run = lint(`eslint.${name}.config.mjs`);
    runs[name].wall.push(run.seconds);
    runs[name].cpu.push(run.cpu);
    line.push(`${name} ${run.seconds.toFixed(2)} s wall / ${run.cpu.toFixed(2)} s cpu`);
  }
  console.log(`round ${round}: ${line.join(', ')}`);
}
console.log(`\nmedians of ${ROUNDS} rounds (cpu = user + system time of the eslint process, GC threads included):`);
for (const measure of ['wall', 'cpu']) {
  const floor = median(runs.floor[measure]);
  const parts = CONFIGS.filter((name) => name !== 'floor').map((name) => {
    const value = median(runs[name][measure]);
    return `${name} ${value.toFixed(2)} s = ${(value / floor).toFixed(3)}×`;
  });
  console.log(
    `  ${measure.padEnd(4)}  floor ${floor.toFixed(2)} s, ${parts.join(', ')}  (target: recommended ≤ 1.05× floor)`,
  );
}
