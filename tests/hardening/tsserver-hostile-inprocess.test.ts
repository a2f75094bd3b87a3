import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { clearProjectCache } from '../../catalog/index';
import { createHarness, marked, ownDiagnostics, type Harness } from '../ts-plugin/harness';
import { errorEntry, tempDir } from '../support/temp-dir';

/**
 * The hostile catalogs of the library suite (hostile-catalogs.test.ts) through the plugin, in
 * process (a real tsserver adds nothing to these: nothing changes while it runs). Each gives the
 * catalog-problem diagnostic naming the file and line, and completion, hover, definition and
 * quick fixes keep answering without a caught failure.
 */

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => d.dispose());
  clearProjectCache();
});

const { text: APP, at: INSIDE } = marked(
  "getError('security.token.nope');\nkerror.get('constructor', '__proto__', 'hasOwnProperty');\ngetError('|');\n",
);

function pluginOver(
  files: Record<string, string>,
  catalog: string,
): { h: Harness; file: string; path: (p: string) => string } {
  const d = tempDir(files);
  dirs.push(d);
  const h = createHarness(d.dir, { catalog: d.path(catalog) }, { 'app.ts': APP });
  return { h, file: h.path('app.ts'), path: d.path };
}

/** Asks everything once, at every offset of the short app, and returns the plugin's diagnostics. */
function exercise(h: Harness, file: string): ReturnType<typeof ownDiagnostics> {
  const diagnostics = ownDiagnostics(h.service, file);
  for (let offset = 0; offset <= APP.length; offset++) {
    h.service.getCompletionsAtPosition(file, offset, {});
    h.service.getQuickInfoAtPosition(file, offset);
    h.service.getDefinitionAndBoundSpan(file, offset);
  }
  for (const d of diagnostics) h.service.getCodeFixesAtPosition(file, d.start!, d.start! + d.length!, [d.code], {}, {});
  expect(h.logs.filter((line) => / failed: /.test(line))).toEqual([]);
  return diagnostics;
}

const problemOf = (diagnostics: ReturnType<typeof ownDiagnostics>): string => {
  const problem = diagnostics.find((d) => d.code === 93004);
  expect(problem).toBeDefined();
  // a plain message, never a chain: flattened the way TypeScript prints it
  return ts.flattenDiagnosticMessageText(problem!.messageText, '\n');
};

describe('hostile catalogs through the plugin', () => {
  it('prototype names are data: a clear problem, and nothing resolves to Object.prototype', () => {
    const text =
      '{ "__proto__": { "code": 1, "subDomains": { "constructor": { "code": 1, "errors": { "hasOwnProperty": { "code": 1, "message": "m", "description": "d", "class": "InternalError" } } } } } }';
    const { h, file, path } = pluginOver({ 'catalog.json': text }, 'catalog.json');
    const diagnostics = exercise(h, file);
    expect(problemOf(diagnostics)).toContain(`${path('catalog.json')}:1:3: domain name '__proto__' is not snake_case`);
    expect(
      h.service
        .getQuickInfoAtPosition(file, APP.indexOf('constructor') + 1)
        ?.displayParts?.some((p) => p.text.startsWith('(error')),
    ).not.toBe(true);
    expect(({} as Record<string, unknown>)['subDomains']).toBeUndefined();
  });

  it('unicode look-alike names: a clear problem naming file and line', () => {
    const { h, file, path } = pluginOver(
      { 'catalog.json': JSON.stringify({ sеcurity: { code: 1, subDomains: {} } }, null, 2) },
      'catalog.json',
    ); // Cyrillic е
    expect(problemOf(exercise(h, file))).toContain(
      `${path('catalog.json')}:2:3: domain name 'sеcurity' is not snake_case`,
    );
  });

  it('10,000 domains: the problem names the first duplicate, and completion still answers', () => {
    const domains: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++)
      domains[`d${i}`] = { code: i % 256, subDomains: { main: { code: 1, errors: { ok: errorEntry(1) } } } };
    const { h, file, path } = pluginOver({ 'catalog.json': JSON.stringify(domains, null, 1) }, 'catalog.json');
    const diagnostics = exercise(h, file);
    expect(problemOf(diagnostics)).toMatch(
      new RegExp(
        `${path('catalog.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: duplicate domain code 0: already used by domain 'd0'`,
      ),
    );
    // A broken catalog is still browsed (partial is better than nothing for completion): the 256 domains with distinct codes.
    const entries = h.service.getCompletionsAtPosition(file, INSIDE, {})?.entries ?? [];
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['d0.main.ok', 'd1.main.ok', 'd255.main.ok']));
  });

  it('duplicate keys in one JSON object: last one wins, as in JSON.parse (error-catalog check reports them)', () => {
    const text =
      '{ "security": { "code": 7, "subDomains": { "token": { "code": 1, "errors": { "nope": { "code": 1, "message": "a", "description": "a", "class": "BadRequestError" }, "nope": { "code": 2, "message": "b %s", "description": "b", "class": "BadRequestError" } } } } } }';
    const { h, file } = pluginOver({ 'catalog.json': text }, 'catalog.json');
    const diagnostics = exercise(h, file);
    // The last `nope` (one placeholder) is the one in force: the call without an argument is one short.
    expect(diagnostics.filter((d) => d.start === APP.indexOf("'security.token.nope'")).map((d) => d.code)).toEqual([
      93003,
    ]);
  });
});
