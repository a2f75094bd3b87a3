/**
 * Hostile repositories opened in an editor or linted in CI: the real `eslint` CLI and a real
 * tsserver (the packed package installed in one scratch project) on repositories whose catalog
 * or config is a FIFO, a device, /dev/stdin (tsserver's own protocol stream), whose code imports
 * prototype names, whose catalog has 150,000 files, a 10 MB description or whose code has a
 * 1 MB id. Each run is under a hang guard; each asserts exact findings or a clear message.
 */
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { lineOffset, TsServer } from '../ts-plugin/tsserver-client';
import { tsconfigWithPlugin, type ProtocolDiagnostic } from './tsserver-support';
import {
  catalogWithHugeDescription,
  HANG_GUARD_MS,
  link,
  LONG_ID,
  manyCatalogFiles,
  mkfifo,
  runNode,
  SECURITY,
  write,
} from './hostile-repos-support';

/** Prototype names imported and destructured, then one unknown id: its finding must survive. */
const APP = [
  "import { toString as get } from './kerror';",
  "const { constructor: make, hasOwnProperty: reject } = require('./kerror');",
  "get('security', 'token', 'nope');",
  "reject('security', 'token', 'nope');",
  "getError('security.token.invalid');",
  "getError('security.token.nope');",
  'make();',
  '',
].join('\n');
const GLOBALS =
  'declare function getError(id: string, ...args: unknown[]): Error;\ndeclare function require(m: string): any;\n';
const KERROR = 'export {};\n';
const NOPE = "Unknown error 'nope' in 'security.token' ('security.token.nope').";
/** A 1 MB id and one hiding a zero-width space, thrown as `new ApiError(…)`. */
const LONG_APP = [`getError('${LONG_ID}');`, "throw new ApiError('security.token.inv\\u200Balid');", ''].join('\n');

let scratch: ScratchProject;
let server: TsServer;
const logFile = (): string => join(scratch.dir, 'tsserver.log');

/** A repository under the scratch project (so that eslint and tsserver find the installed package). */
function repo(name: string, config: unknown, files: Record<string, string> = {}): string {
  const dir = join(scratch.dir, 'repos', name);
  if (config !== undefined) write(join(dir, 'error-catalog.config.json'), JSON.stringify(config));
  const all: Record<string, string> = {
    'src/app.js': APP,
    'src/app.ts': APP,
    'src/kerror.ts': KERROR,
    'src/globals.d.ts': `${GLOBALS}declare const ApiError: new (id: string) => Error;\n`,
    'tsconfig.json': tsconfigWithPlugin(),
    ...files,
  };
  for (const [path, content] of Object.entries(all)) write(join(dir, path), content);
  return dir;
}

interface EslintMessage {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The real eslint CLI on `files` of `dir`, JSON formatter; messages per file (relative path). */
function eslint(dir: string, files: readonly string[]): Record<string, EslintMessage[]> {
  const result = runNode(
    join(scratch.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'),
    ['--format', 'json', ...files],
    dir,
  );
  let parsed: Array<{ filePath: string; messages: EslintMessage[] }>;
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    throw new Error(
      `eslint printed no JSON (exit ${result.status}): ${result.stdout.slice(0, 500)}\n${result.stderr.slice(0, 2000)}`,
    );
  }
  expect(result.stderr).toBe('');
  return Object.fromEntries(
    parsed.map((file) => [
      file.filePath.slice(dir.length + 1),
      file.messages.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message })),
    ]),
  );
}

/** A tsserver request that must answer before the hang guard (not a latency bound). */
async function guarded<T>(what: string, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer within ${HANG_GUARD_MS} ms (a hang?)`)),
      HANG_GUARD_MS,
    );
  });
  try {
    return await Promise.race([request, hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function ours(
  file: string,
): Promise<Array<Pick<ProtocolDiagnostic, 'code' | 'text' | 'category'> & { line: number }>> {
  const all = await guarded(file, server.request<ProtocolDiagnostic[]>('semanticDiagnosticsSync', { file }));
  return all
    .filter((d) => d.source === 'error-catalog')
    .map((d) => ({ code: d.code, category: d.category, text: d.text, line: d.start.line }));
}

function open(dir: string, file = join(dir, 'src', 'app.ts')): string {
  server.notify('open', { file, projectRootPath: dir });
  return file;
}

beforeAll(() => {
  scratch = createScratchProject(
    'hostile-repos',
    { eslint: '^9.39.0', typescript: '6.0.3' },
    {
      'eslint.config.mjs':
        "import errorCatalog from 'error-catalog/eslint';\nexport default [{ languageOptions: { globals: { require: 'readonly', getError: 'readonly', ApiError: 'readonly' } } }, errorCatalog.configs.recommended];\n",
    },
  );
  server = new TsServer(join(scratch.dir, 'node_modules', 'typescript', 'lib', 'tsserver.js'), scratch.dir, [
    '--logVerbosity',
    'normal',
    '--logFile',
    logFile(),
  ]);
}, HANG_GUARD_MS * 3);

afterAll(async () => {
  await server.close();
  expect(server.protocolError).toBeUndefined();
  // 300,000 generated catalog files: not left behind for the next run to delete.
  rmSync(join(scratch.dir, 'repos'), { recursive: true, force: true });
});

/** Catalogs and configs that are not regular files, and what every surface must say about them. */
const NOT_REGULAR: Array<{ name: string; make: (dir: string) => void; config: unknown; problem: string }> = [
  {
    name: 'fifo-catalog',
    config: { catalog: 'errors.json' },
    make: (dir) => mkfifo(join(dir, 'errors.json')),
    problem: 'errors.json:1:1: cannot read catalog file: not a regular file (a FIFO)',
  },
  {
    name: 'zero-catalog',
    config: { catalog: 'errors.json' },
    make: (dir) => link('/dev/zero', join(dir, 'errors.json')),
    problem: 'errors.json:1:1: cannot read catalog file: not a regular file (a character device)',
  },
  {
    name: 'urandom-catalog',
    config: { catalog: '/dev/urandom' },
    make: () => undefined,
    problem: '/dev/urandom:1:1: cannot read catalog file: not a regular file (a character device)',
  },
  {
    name: 'stdin-catalog',
    config: { catalog: '/dev/stdin' },
    make: () => undefined,
    problem: '/dev/stdin:1:1: cannot read catalog file: not a regular file',
  },
  {
    name: 'fifo-config',
    config: undefined,
    make: (dir) => mkfifo(join(dir, 'error-catalog.config.json')),
    problem: 'error-catalog.config.json:1:1: cannot read config: not a regular file (a FIFO)',
  },
  {
    name: 'fifo-entry',
    config: { catalog: 'errors' },
    make: (dir) => {
      write(join(dir, 'errors', '07-security.json'), SECURITY);
      mkfifo(join(dir, 'errors', '02-pipe.json'));
    },
    problem: 'errors/02-pipe.json:1:1: cannot read catalog file: not a regular file (a FIFO)',
  },
];

describe('the real eslint CLI', () => {
  it(
    'prototype-named imports do not crash the run, and the file keeps its findings',
    () => {
      const dir = repo('eslint-prototype', { catalog: 'errors' }, { 'errors/07-security.json': SECURITY });
      expect(eslint(dir, ['src/app.js'])).toEqual({
        'src/app.js': [{ ruleId: 'error-catalog/no-unknown-id', line: 6, column: 10, message: NOPE }],
      });
    },
    HANG_GUARD_MS,
  );

  it(
    'a catalog or config that is not a regular file: one clear problem per file, no hang',
    () => {
      for (const { name, config, make, problem } of NOT_REGULAR) {
        const dir = repo(`eslint-${name}`, config);
        make(dir);
        const findings = eslint(dir, ['src/app.js']);
        const [file, message] = problem.startsWith('/') ? ['', problem] : [`${dir}/`, problem];
        expect({ name, findings }).toEqual({
          name,
          findings: {
            'src/app.js': [
              {
                // At the file's first reference (line 5: the prototype-named calls of lines 3-4 are none).
                ruleId: 'error-catalog/no-unknown-id',
                line: 5,
                column: 1,
                message: expect.stringMatching(
                  new RegExp(`^The error catalog cannot be used: ${escape(file + message)}`),
                ) as unknown,
              },
            ],
          },
        });
      }
    },
    HANG_GUARD_MS * 4,
  );

  it(
    'a catalog directory of 150,000 files',
    () => {
      const dir = repo('eslint-many-files', { catalog: 'errors' });
      manyCatalogFiles(join(dir, 'errors'), 150_000);
      expect(eslint(dir, ['src/app.js'])).toEqual({
        'src/app.js': [{ ruleId: 'error-catalog/no-unknown-id', line: 6, column: 10, message: NOPE }],
      });
    },
    HANG_GUARD_MS * 2,
  );

  it(
    'a 1 MB id gives a bounded message; an id hiding a zero-width space is checked in throw new, and shown',
    () => {
      const dir = repo(
        'eslint-long',
        { catalog: 'errors' },
        { 'errors/07-security.json': SECURITY, 'src/app.js': LONG_APP },
      );
      const findings = eslint(dir, ['src/app.js'])['src/app.js']!;
      expect(findings.map((f) => [f.line, f.message.length < 1_000])).toEqual([
        [1, true],
        [2, true],
      ]);
      expect(findings[0]!.message).toMatch(
        /^Unknown error 'x{199}…' in 'security\.token' \('security\.token\.x+…'\)\.$/,
      );
      expect(findings[1]!.message).toBe(
        "Unknown error 'inv\\u200Balid' in 'security.token' ('security.token.inv\\u200Balid'). Did you mean 'security.token.invalid'?",
      );
    },
    HANG_GUARD_MS,
  );
});

describe('a real tsserver', () => {
  it(
    'prototype-named imports: the unknown id is still found',
    async () => {
      const dir = repo('ts-prototype', { catalog: 'errors' }, { 'errors/07-security.json': SECURITY });
      const file = open(dir);
      expect(await ours(file)).toEqual([{ code: 93001, category: 'error', text: NOPE, line: 6 }]);
    },
    HANG_GUARD_MS,
  );

  it(
    'a catalog or config that is not a regular file, /dev/stdin included: the 93004 warning, and the protocol stream intact',
    async () => {
      const cases = [
        ...NOT_REGULAR,
        {
          name: 'fifo-configfile',
          config: undefined,
          make: (dir: string) => {
            write(
              join(dir, 'tsconfig.json'),
              JSON.stringify({
                compilerOptions: {
                  strict: true,
                  noEmit: true,
                  types: [],
                  plugins: [{ name: 'error-catalog/ts-plugin', configFile: 'catalog-config.json' }],
                },
                include: ['src'],
              }),
            );
            mkfifo(join(dir, 'catalog-config.json'));
          },
          problem: 'catalog-config.json:1:1: cannot read config: not a regular file (a FIFO)',
        },
      ];
      for (const { name, config, make, problem } of cases) {
        const dir = repo(`ts-${name}`, config);
        make(dir);
        const file = open(dir);
        const [first, ...rest] = await ours(file);
        const where = problem.startsWith('/') ? problem : `${dir}/${problem}`;
        expect({ name, code: first?.code, category: first?.category, rest }).toEqual({
          name,
          code: 93004,
          category: 'warning',
          rest: [],
        });
        expect(first!.text.startsWith(`The error catalog cannot be used: ${where}`)).toBe(true);
      }
      expect(server.protocolError).toBeUndefined();
    },
    HANG_GUARD_MS * 4,
  );

  it(
    'a catalog directory of 150,000 files: right findings, a handful of watches',
    async () => {
      const dir = repo('ts-many-files', { catalog: 'errors' });
      manyCatalogFiles(join(dir, 'errors'), 150_000);
      const file = open(dir);
      expect(await ours(file)).toEqual([{ code: 93001, category: 'error', text: NOPE, line: 6 }]);
      // Requests after the load are served from the cache, the freshness check in the background.
      for (let i = 0; i < 3; i++) expect(await ours(file)).toHaveLength(1);
      const watching = readFileSync(logFile(), 'utf8')
        .split('\n')
        .filter((line) => line.includes('catalog path(s) for 150002 file(s)'));
      expect(watching.length).toBeGreaterThan(0);
      // The config file and the catalog directory (its files through it).
      expect(watching.at(-1)).toMatch(/watching 2 catalog path\(s\) for 150002 file\(s\) and folder\(s\) read/);
    },
    HANG_GUARD_MS * 2,
  );

  it(
    'a 10 MB description gives a bounded hover and completion details; a 1 MB id a bounded diagnostic',
    async () => {
      const dir = repo(
        'ts-huge',
        { catalog: 'errors' },
        { 'errors/07-security.json': catalogWithHugeDescription(10_000_000), 'src/app.ts': `${APP}${LONG_APP}` },
      );
      const file = open(dir);
      const diagnostics = await ours(file);
      expect(diagnostics.map((d) => [d.line, d.code, d.text.length < 1_000])).toEqual([
        [6, 93001, true],
        [8, 93001, true],
        [9, 93001, true],
      ]);
      const text = `${APP}${LONG_APP}`;
      const at = text.indexOf('invalid');
      const hover = await guarded(
        'quickinfo',
        server.request<{ displayString: string; documentation: string }>('quickinfo', {
          file,
          ...lineOffset(text, at),
        }),
      );
      expect(hover.displayString).toBe('(error) security.token.invalid: 0x07010001');
      expect(hover.documentation.length).toBeLessThan(5_000);
      expect(hover.documentation).toContain('Huge ddd');
      expect(hover.documentation).toContain('…');
      const details = await guarded(
        'completionEntryDetails',
        server.request<Array<{ documentation: Array<{ text: string }> }>>('completionEntryDetails', {
          file,
          ...lineOffset(text, at),
          entryNames: ['security.token.invalid'],
        }),
      );
      const documentation = details.flatMap((d) => d.documentation.map((part) => part.text)).join('');
      expect(documentation.length).toBeLessThan(5_000);
      expect(server.protocolError).toBeUndefined();
    },
    HANG_GUARD_MS,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
