import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog';
import { errorEntry, tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));
function fixture(files: Record<string, string> = {}) {
  const d = tempDir(files);
  dirs.push(d);
  return d;
}
const valid = (errors: Record<string, unknown> = { ok: errorEntry(1) }) =>
  JSON.stringify({ code: 1, subDomains: { main: { code: 1, errors } } }, null, 2);

describe('hostile and broken catalogs: a clear message naming the file, never a crash or a hang', () => {
  it('truncated JSON', () => {
    const text = valid();
    const d = fixture({ '1-api.json': text.slice(0, text.length / 2) });
    const { problems, catalog } = loadCatalog(d.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: d.path('1-api.json'),
      message: expect.stringMatching(/^invalid JSON: /) as unknown,
    });
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(catalog.size).toBe(0);
  });

  it('prototype names are data: they neither resolve nor pollute', () => {
    const text =
      '{ "__proto__": { "code": 1, "subDomains": { "constructor": { "code": 1, "errors": { "hasOwnProperty": { "code": 1, "message": "m", "description": "d", "class": "InternalError" } } } } }, "polluted": { "code": 2, "subDomains": {} } }';
    const d = fixture({ 'catalog.json': text });
    const { problems, catalog } = loadCatalog(d.path('catalog.json'));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      "1:3 domain name '__proto__' is not snake_case (lower-case letters, digits and single underscores)",
      "1:85 error name 'hasOwnProperty' is not snake_case (lower-case letters, digits and single underscores)",
    ]);
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
    expect(catalog.getDomain('__proto__')).toBeUndefined();
    expect(catalog.getSubdomain('polluted', 'constructor')).toBeUndefined();
  });

  it('unicode look-alikes in names are not snake_case', () => {
    const d = fixture({ 'catalog.json': JSON.stringify({ sеcurity: { code: 1, subDomains: {} } }) }); // Cyrillic е
    expect(loadCatalog(d.path('catalog.json')).problems.map((p) => p.message)).toEqual([
      "domain name 'sеcurity' is not snake_case (lower-case letters, digits and single underscores)",
    ]);
  });

  it('10,000 domains: every duplicate code is reported, quickly', () => {
    const domains: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) domains[`d${i}`] = { code: i % 256, subDomains: {} };
    const d = fixture({ 'catalog.json': JSON.stringify(domains, null, 1) });
    const { problems, catalog } = loadCatalog(d.path('catalog.json'));
    expect(catalog.domains.size).toBe(256);
    expect(problems).toHaveLength(10_000 - 256);
    expect(problems[0]).toEqual({
      file: d.path('catalog.json'),
      line: 1027,
      column: 11,
      message: "duplicate domain code 0: already used by domain 'd0'",
    });
  });

  it('a catalog of about 50 MB loads', () => {
    const errors: Record<string, unknown> = {};
    for (let i = 1; i <= 65_535; i++) errors[`error_${i}`] = errorEntry(i, { description: 'x'.repeat(560) });
    const d = fixture({ 'big.json': JSON.stringify({ code: 1, subDomains: { main: { code: 1, errors } } }) });
    const { problems, catalog } = loadCatalog(d.path('big.json'));
    expect(problems).toEqual([]);
    expect(catalog.size).toBe(65_535);
  });

  it('a directory of directories, a symlink loop, a broken symlink and a missing path', () => {
    const d = fixture({ 'nested/deeper/1-api.json': valid() });
    mkdirSync(d.path('loops'));
    symlinkSync(d.path('loops/b.json'), d.path('loops/a.json'));
    symlinkSync(d.path('loops/a.json'), d.path('loops/b.json'));
    symlinkSync(d.path('loops/nowhere.json'), d.path('loops/c.json'));
    writeFileSync(d.path('loops/2-ok.json'), JSON.stringify({ code: 2, subDomains: {} }));
    symlinkSync(d.path('self'), d.path('self'));
    const { problems, catalog } = loadCatalog([d.path('nested'), d.path('loops'), d.path('self'), d.path('missing')]);
    expect(problems).toEqual([
      { file: d.path('nested'), line: 1, column: 1, message: 'no catalog files (*.json) in this directory' },
      {
        file: join(d.path('loops'), 'a.json'),
        line: 1,
        column: 1,
        message: 'cannot read catalog file: too many symbolic links (a symlink loop?)',
      },
      {
        file: join(d.path('loops'), 'b.json'),
        line: 1,
        column: 1,
        message: 'cannot read catalog file: too many symbolic links (a symlink loop?)',
      },
      {
        file: join(d.path('loops'), 'c.json'),
        line: 1,
        column: 1,
        message: 'cannot read catalog file: no such file or directory',
      },
      {
        file: d.path('self'),
        line: 1,
        column: 1,
        message: 'cannot read catalog: too many symbolic links (a symlink loop?)',
      },
      { file: d.path('missing'), line: 1, column: 1, message: 'cannot read catalog: no such file or directory' },
    ]);
    expect(catalog.getDomain('ok')).toBeDefined();
  });

  it('non-object documents and wrong shapes', () => {
    const d = fixture({ 'a.json': '[1, 2]', 'b.json': 'null', 'c.json': '{ "api": 5 }', 'd.json': '' });
    const problems = loadCatalog([d.path('a.json'), d.path('b.json'), d.path('c.json'), d.path('d.json')]).problems;
    expect(problems.map((p) => `${p.file.slice(d.dir.length + 1)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'a.json:1:1 a catalog file must contain a JSON object',
      'b.json:1:1 a catalog file must contain a JSON object',
      // Problems reading files come first, then problems of the content.
      'd.json:1:1 invalid JSON: value expected',
      "c.json:1:10 domain 'api' must be an object",
    ]);
  });
});
