import { utimesSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache, getProject, readConfigFile, setFreshnessInterval } from '../../catalog';
import { errorEntry, tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
beforeEach(() => {
  clearProjectCache();
  setFreshnessInterval(0);
});
afterEach(() => {
  dirs.splice(0).forEach((d) => d.dispose());
  setFreshnessInterval(500);
});

const domainFile = (errors: Record<string, unknown>) =>
  JSON.stringify({ code: 1, subDomains: { main: { code: 1, errors } } }, null, 2);

function project(files: Record<string, string>) {
  const d = tempDir(files);
  dirs.push(d);
  return d;
}

describe('project config', () => {
  it('is found by walking up from the file and resolves the catalog relative to itself', () => {
    const d = project({
      'error-catalog.config.json': '{ "catalog": "errors", "classes": { "TeapotError": 418 } }',
      'errors/1-api.json': domainFile({ brew: errorEntry(1, { class: 'TeapotError' }) }),
      'src/deep/file.ts': '',
    });
    const p = getProject({ file: d.path('src/deep/file.ts') });
    expect(p.problems).toEqual([]);
    expect(p.config!.file).toBe(d.path('error-catalog.config.json'));
    expect(p.config!.catalog).toEqual([d.path('errors')]);
    expect(p.catalog!.statusOf(p.catalog!.getError('api.main.brew')!)).toBe(418);
    expect(p.watchedPaths).toEqual([
      d.path('error-catalog.config.json'),
      d.path('errors'),
      d.path('errors/1-api.json'),
    ]);
  });

  it('can be given inline, relative to a base directory', () => {
    const d = project({ 'errors/1-api.json': domainFile({ a: errorEntry(1) }) });
    const p = getProject({ file: '/elsewhere/x.ts', inline: { catalog: 'errors' }, baseDir: d.dir });
    expect(p.problems).toEqual([]);
    expect(p.catalog!.getError('api.main.a')).toBeDefined();
    const bad = getProject({
      file: '/elsewhere/x.ts',
      inline: { catalog: 'errors', classes: { X: 42 } },
      baseDir: d.dir,
      inlineLabel: "ESLint settings['error-catalog']",
    });
    expect(bad.problems).toEqual([
      {
        file: "ESLint settings['error-catalog']",
        line: 1,
        column: 1,
        message: "class 'X' must map to an HTTP status (100–599)",
      },
    ]);
  });

  it('reports a missing config, and config problems with their position', () => {
    const d = project({ 'src/a.ts': '' });
    const none = getProject({ file: d.path('src/a.ts') });
    expect(none.catalog).toBeUndefined();
    expect(none.problems[0]!.message).toMatch(/^no error-catalog\.config\.json found in .*src or its parents/);

    const c = project({
      'error-catalog.config.json':
        '{\n  "catalog": "missing",\n  "calls": { "functions": [{ "callee": "getError", "args": ["idd"] }] }\n}\n',
    });
    expect(readConfigFile(c.path('error-catalog.config.json')).problems).toEqual([
      {
        file: c.path('error-catalog.config.json'),
        line: 3,
        column: 60,
        message: 'argument roles must be a list of "id", "domain", "subdomain", "name", "any"',
      },
    ]);
    const missing = project({ 'error-catalog.config.json': '{ "catalog": "nowhere" }' });
    expect(getProject({ file: missing.path('x.ts') }).problems).toEqual([
      { file: missing.path('nowhere'), line: 1, column: 1, message: 'cannot read catalog: no such file or directory' },
    ]);
  });
});

describe('project cache', () => {
  it('loads once and reuses the catalog for every file', () => {
    setFreshnessInterval(60_000);
    const d = project({
      'error-catalog.config.json': '{ "catalog": "errors" }',
      'errors/1-api.json': domainFile({ a: errorEntry(1) }),
    });
    const first = getProject({ file: d.path('a.ts') });
    expect(getProject({ file: d.path('b.ts') })).toBe(first);
    expect(getProject({ file: d.path('sub/c.ts') }).catalog).toBe(first.catalog);
  });

  it('notices an edited, added or removed catalog file and changes its fingerprint', () => {
    const d = project({
      'error-catalog.config.json': '{ "catalog": "errors" }',
      'errors/1-api.json': domainFile({ a: errorEntry(1) }),
    });
    const first = getProject({ file: d.path('a.ts') });
    expect(getProject({ file: d.path('a.ts') })).toBe(first);

    d.write('errors/1-api.json', domainFile({ a: errorEntry(1), b: errorEntry(2) }));
    const edited = getProject({ file: d.path('a.ts') });
    expect(edited).not.toBe(first);
    expect(edited.catalog!.getError('api.main.b')).toBeDefined();
    expect(edited.fingerprint).not.toBe(first.fingerprint);

    d.write('errors/2-storage.json', JSON.stringify({ code: 2, subDomains: {} }));
    expect(getProject({ file: d.path('a.ts') }).catalog!.getDomain('storage')).toBeDefined();
  });

  it('notices an edit that keeps the size, through the modification time', () => {
    const d = project({
      'error-catalog.config.json': '{ "catalog": "errors" }',
      'errors/1-api.json': domainFile({ a: errorEntry(1, { message: 'one' }) }),
    });
    const first = getProject({ file: d.path('a.ts') });
    const file = d.write('errors/1-api.json', domainFile({ a: errorEntry(1, { message: 'two' }) }));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(getProject({ file: d.path('a.ts') }).catalog!.getError('api.main.a')!.message).toBe('two');
    expect(first.catalog!.getError('api.main.a')!.message).toBe('one');
  });

  it('waits for the freshness interval before looking at the files again', () => {
    setFreshnessInterval(60_000);
    const d = project({
      'error-catalog.config.json': '{ "catalog": "errors" }',
      'errors/1-api.json': domainFile({ a: errorEntry(1) }),
    });
    const first = getProject({ file: d.path('a.ts') });
    d.write('errors/1-api.json', domainFile({ a: errorEntry(1), b: errorEntry(2) }));
    expect(getProject({ file: d.path('a.ts') })).toBe(first);
  });

  it('keeps the last good catalog when an edit breaks it', () => {
    const d = project({
      'error-catalog.config.json': '{ "catalog": "errors" }',
      'errors/1-api.json': domainFile({ a: errorEntry(1) }),
    });
    const good = getProject({ file: d.path('a.ts') });
    d.write('errors/1-api.json', '{ "code": 1, "subDomains": ');
    const broken = getProject({ file: d.path('a.ts') });
    expect(broken.problems).toEqual([
      { file: d.path('errors/1-api.json'), line: 1, column: 28, message: 'invalid JSON: value expected' },
    ]);
    expect(broken.lastGoodCatalog).toBe(good.catalog);
    d.write('errors/1-api.json', domainFile({ a: errorEntry(1), c: errorEntry(3) }));
    const fixed = getProject({ file: d.path('a.ts') });
    expect(fixed.problems).toEqual([]);
    expect(fixed.lastGoodCatalog).toBe(fixed.catalog);
  });
});
