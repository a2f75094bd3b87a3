import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import { EVENTUALLY_MS } from '../support/hang-guard';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { BoundedServer, tsconfigWithPlugin } from './tsserver-support';

/**
 * One tsserver session, two projects with two different catalogs open at once (the catalog
 * cache is process-wide, keyed by config file): each file gets the findings of its own catalog,
 * completion offers its own ids, and editing one catalog changes only its project.
 */

const SECURITY = readFileSync(join(SHIPPED_CATALOG, '07-security.json'), 'utf8');
const API = readFileSync(resolve(__dirname, '..', 'ts-plugin', 'fixtures', 'catalog', '08-api.json'), 'utf8');
const APP = [
  "getError('security.token.invalid');",
  "getError('api.request.missing_field', 'a', 'b');",
  "getError('');",
  '',
].join('\n');
const GLOBALS = 'declare function getError(id: string, ...args: unknown[]): Error;\n';
const INSIDE_EMPTY = APP.indexOf("getError('')") + "getError('".length;

let scratch: ScratchProject;
let server: BoundedServer;
const file = (project: 'alpha' | 'beta'): string => join(scratch.dir, project, 'src', 'app.ts');

function projectFiles(name: string, catalogFile: string, catalog: string): Record<string, string> {
  return {
    [`${name}/tsconfig.json`]: tsconfigWithPlugin(),
    [`${name}/error-catalog.config.json`]: JSON.stringify({ catalog: catalogFile }),
    [`${name}/${catalogFile}`]: catalog,
    [`${name}/src/globals.d.ts`]: GLOBALS,
    [`${name}/src/app.ts`]: APP,
  };
}

beforeAll(() => {
  scratch = createScratchProject(
    'tsserver-projects',
    { typescript: '6.0.3' },
    { ...projectFiles('alpha', '07-security.json', SECURITY), ...projectFiles('beta', '08-api.json', API) },
  );
  server = new BoundedServer(scratch.dir, join(scratch.dir, 'tsserver.log'));
  server.open(file('alpha'), scratch.dir);
  server.open(file('beta'), scratch.dir);
});
afterAll(async () => {
  await server.close();
  expect(server.server.protocolError).toBeUndefined();
  expect(server.caughtFailures()).toEqual([]);
});

/** The plugin's findings of a file as [code, line]. */
async function findings(project: 'alpha' | 'beta'): Promise<Array<[number, number]>> {
  return (await server.ours(file(project))).map((d) => [d.code, d.start.line]);
}

describe('one tsserver, two projects with different catalogs', () => {
  it('each file is checked against its own catalog', async () => {
    // alpha knows security.*, not api.*; beta the other way round (line 3, the empty id, is unknown to both).
    expect(await findings('alpha')).toEqual([
      [93001, 2],
      [93001, 3],
    ]);
    expect(await findings('beta')).toEqual([
      [93001, 1],
      [93001, 3],
    ]);
    expect((await server.ours(file('alpha')))[0]!.text).toContain("Unknown error domain 'api'");
  });

  it('each file completes from its own catalog', async () => {
    const alpha = await server.completionNames(file('alpha'), APP, INSIDE_EMPTY);
    const beta = await server.completionNames(file('beta'), APP, INSIDE_EMPTY);
    expect(alpha).toContain('security.token.invalid');
    expect(alpha.some((name) => name.startsWith('api.'))).toBe(false);
    expect(beta).toContain('api.request.missing_field');
    expect(beta.some((name) => name.startsWith('security.'))).toBe(false);
    expect(await server.quickInfo(file('alpha'), APP, APP.indexOf('token'))).toBe(
      '(error) security.token.invalid: 0x07010001',
    );
    expect(await server.quickInfo(file('beta'), APP, APP.indexOf('token'))).toBeUndefined();
  });

  it("editing one project's catalog changes only that project", async () => {
    const catalog = JSON.parse(API) as { subDomains: { request: { errors: Record<string, { message: string }> } } };
    // The call passes two placeholder arguments: with three placeholders in the message it is one short.
    catalog.subDomains.request.errors['missing_field']!.message = 'Field %s of %s is missing in %s';
    scratch.write('beta/08-api.json', JSON.stringify(catalog, null, 2));
    await expect
      .poll(() => findings('beta'), { timeout: EVENTUALLY_MS, interval: 250 })
      .toEqual([
        [93001, 1],
        [93003, 2],
        [93001, 3],
      ]);
    expect(await findings('alpha')).toEqual([
      [93001, 2],
      [93001, 3],
    ]);

    // A broken catalog in beta is beta's problem alone.
    scratch.write('beta/08-api.json', '{ "code": 8, ');
    await expect
      .poll(async () => (await findings('beta')).map(([code]) => code), { timeout: EVENTUALLY_MS, interval: 250 })
      .toEqual([93004, 93001, 93003, 93001]);
    expect(await findings('alpha')).toEqual([
      [93001, 2],
      [93001, 3],
    ]);
    expect(await server.completionNames(file('alpha'), APP, INSIDE_EMPTY)).toContain('security.token.invalid');
  });
});
