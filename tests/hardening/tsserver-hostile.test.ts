import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import { EVENTUALLY_MS, TEST_HANG_MS } from '../support/hang-guard';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { BoundedServer, tsconfigWithPlugin } from './tsserver-support';

/**
 * Hostile and broken catalogs through a real tsserver (the packed package in a scratch project):
 * the catalog file is deleted, truncated, replaced by a directory, turned into a symlink loop,
 * replaced by a 50 MB one, and the config made to name a missing path — all while tsserver runs. Each time the plugin's
 * catalog-problem diagnostic (93004) names the file and line, completions, hover and "unknown
 * id" findings keep working from the last good catalog, every request answers within a bound,
 * stdout carries nothing but the protocol, and the plugin logs no caught failure.
 *
 * "Unreadable": tests run as root in CI, where chmod 000 does not stop a read; the honest
 * stand-in is a directory put where the file was (reading it fails the same way for everyone).
 */

const SECURITY = readFileSync(join(SHIPPED_CATALOG, '07-security.json'), 'utf8');
const APP = ["getError('security.token.invalid');", "getError('security.token.nope');", "getError('');", ''].join('\n');
const GLOBALS = 'declare function getError(id: string, ...args: unknown[]): Error;\n';
// The file name gives the domain its name (07-security.json holds the `security` domain).
const CATALOG_FILE = '07-security.json';
const CONFIG = JSON.stringify({ catalog: CATALOG_FILE });

let scratch: ScratchProject;
let server: BoundedServer;
const app = (): string => join(scratch.dir, 'src', 'app.ts');
const catalogPath = (): string => join(scratch.dir, CATALOG_FILE);
const INSIDE_EMPTY = APP.indexOf("getError('')") + "getError('".length;
const ON_INVALID = APP.indexOf('invalid');

beforeAll(() => {
  scratch = createScratchProject(
    'tsserver-hostile',
    { typescript: '6.0.3' },
    {
      'tsconfig.json': tsconfigWithPlugin(),
      'error-catalog.config.json': CONFIG,
      [CATALOG_FILE]: SECURITY,
      'src/globals.d.ts': GLOBALS,
      'src/app.ts': APP,
      // A second project whose config names a missing catalog from the start: no last good catalog to fall back on.
      'fresh/tsconfig.json': tsconfigWithPlugin(),
      'fresh/error-catalog.config.json': JSON.stringify({ catalog: 'nowhere.json' }),
      'fresh/src/globals.d.ts': GLOBALS,
      'fresh/src/app.ts': APP,
    },
  );
  server = new BoundedServer(scratch.dir, join(scratch.dir, 'tsserver.log'));
  server.open(app(), scratch.dir);
});
afterAll(async () => {
  await server.close();
  expect(server.server.protocolError).toBeUndefined();
  expect(server.caughtFailures()).toEqual([]);
});

/** Puts the good catalog back and waits until the plugin sees it. */
async function restore(): Promise<void> {
  rmSync(catalogPath(), { recursive: true, force: true });
  scratch.write(CATALOG_FILE, SECURITY);
  scratch.write('error-catalog.config.json', CONFIG);
  await expect
    .poll(async () => (await server.ours(app())).map((d) => d.code), { timeout: EVENTUALLY_MS, interval: 250 })
    .toEqual([93001, 93001]);
}

/** Waits for the catalog problem, then checks tsserver still serves from the last good catalog. */
async function expectServingLastGood(problem: RegExp): Promise<void> {
  await expect
    .poll(async () => (await server.ours(app())).map((d) => d.code), { timeout: EVENTUALLY_MS, interval: 250 })
    .toEqual([93004, 93001, 93001]);
  const [catalogProblem, unknown] = await server.ours(app());
  expect(catalogProblem!.text).toMatch(problem);
  expect(catalogProblem!.category).toBe('warning');
  // Unknown ids are still found (the last good catalog knows security.token.*); completion and hover still work.
  expect(unknown!.text).toContain("Unknown error 'nope'");
  expect(await server.completionNames(app(), APP, INSIDE_EMPTY)).toContain('security.token.invalid');
  expect(await server.quickInfo(app(), APP, ON_INVALID)).toBe('(error) security.token.invalid: 0x07010001');
  expect(server.server.protocolError).toBeUndefined();
}

const escaped = (path: string): string => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hostile catalogs while tsserver runs', () => {
  it('serves the good catalog first', async () => {
    expect((await server.ours(app())).map((d) => d.code)).toEqual([93001, 93001]);
    expect(await server.completionNames(app(), APP, INSIDE_EMPTY)).toContain('security.token.invalid');
  });

  it('the catalog file is deleted', async () => {
    rmSync(catalogPath());
    await expectServingLastGood(
      new RegExp(
        `^The error catalog cannot be used: ${escaped(catalogPath())}:1:1: cannot read catalog: no such file or directory`,
      ),
    );
    await restore();
  });

  it('the catalog file is replaced by truncated JSON', async () => {
    scratch.write(CATALOG_FILE, SECURITY.slice(0, Math.floor(SECURITY.length / 2)));
    await expectServingLastGood(
      new RegExp(`^The error catalog cannot be used: ${escaped(catalogPath())}:(\\d+):\\d+: invalid JSON`),
    );
    const line = Number(/:(\d+):\d+: invalid JSON/.exec((await server.ours(app()))[0]!.text)![1]);
    expect(line).toBeGreaterThan(1);
    await restore();
  });

  it('the catalog file becomes unreadable (a directory of directories in its place)', async () => {
    rmSync(catalogPath());
    mkdirSync(join(catalogPath(), 'nested', 'deeper'), { recursive: true });
    await expectServingLastGood(
      new RegExp(
        `^The error catalog cannot be used: ${escaped(catalogPath())}:1:1: no catalog files \\(\\*\\.json\\) in this directory`,
      ),
    );
    await restore();
  });

  it('the catalog file becomes a symlink loop', async () => {
    rmSync(catalogPath());
    symlinkSync(catalogPath(), catalogPath());
    await expectServingLastGood(
      new RegExp(
        `^The error catalog cannot be used: ${escaped(catalogPath())}:1:1: cannot read catalog: too many symbolic links`,
      ),
    );
    await restore();
  });

  it('the config is edited to name a missing catalog', async () => {
    scratch.write('error-catalog.config.json', JSON.stringify({ catalog: 'missing.json' }));
    await expectServingLastGood(
      new RegExp(
        `^The error catalog cannot be used: ${escaped(join(scratch.dir, 'missing.json'))}:1:1: cannot read catalog: no such file or directory`,
      ),
    );
    await restore();
  });

  it(
    'the catalog file is replaced by one of about 50 MB: every request still answers within the bound',
    async () => {
      const errors: Record<string, unknown> = {
        invalid: { code: 1, message: 'Invalid token', description: 'Invalid token', class: 'UnauthorizedError' },
      };
      for (let i = 2; i <= 65_535; i++)
        errors[`error_${i}`] = {
          code: i,
          message: `Message ${i}`,
          description: 'x'.repeat(700),
          class: 'BadRequestError',
        };
      const big = JSON.stringify({ code: 7, subDomains: { token: { code: 1, errors } } });
      expect(big.length).toBeGreaterThan(50_000_000);
      scratch.write(CATALOG_FILE, big);
      // The catalog is re-checked in the background: wait until the big one serves. On a catalog
      // this large completion goes segment by segment (the old one lists whole ids), so this
      // tells the two apart. Each poll is a bounded request.
      await expect
        .poll(async () => server.completionNames(app(), APP, INSIDE_EMPTY), { timeout: EVENTUALLY_MS, interval: 500 })
        .toContain('security.');
      // security.token.invalid and .nope as before; the empty id is still unknown.
      expect((await server.ours(app())).map((d) => d.text)).toEqual([
        expect.stringContaining("Unknown error 'nope'"),
        "'' is not an error id: expected 'domain.subdomain.name'.",
      ]);
      expect(await server.quickInfo(app(), APP, ON_INVALID)).toMatch(/^\(error\) security\.token\.invalid: /);
      await restore();
    },
    2 * TEST_HANG_MS,
  );

  it('a project whose config names a missing catalog from the start: one clear diagnostic, TypeScript keeps working', async () => {
    const file = join(scratch.dir, 'fresh', 'src', 'app.ts');
    server.open(file, scratch.dir);
    const diagnostics = await server.ours(file);
    expect(diagnostics.map((d) => [d.code, d.start])).toEqual([[93004, { line: 1, offset: 1 }]]); // on the first recognised call
    expect(diagnostics[0]!.text).toMatch(
      new RegExp(
        `^The error catalog cannot be used: ${escaped(join(scratch.dir, 'fresh', 'nowhere.json'))}:1:1: cannot read catalog: no such file or directory`,
      ),
    );
    // Nothing to complete from, and no error: TypeScript's own (empty) answers come back.
    expect(await server.completionNames(file, APP, INSIDE_EMPTY)).toEqual([]);
    expect(await server.quickInfo(file, APP, APP.indexOf('getError') + 2)).toContain('function getError');
  });
});
