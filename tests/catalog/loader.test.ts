import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog, SHIPPED_CATALOG } from '../../catalog';
import { errorEntry, tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));
function fixture(files: Record<string, string>) {
  const d = tempDir(files);
  dirs.push(d);
  return d;
}

describe('loading the shipped catalog', () => {
  const { catalog, problems, files } = loadCatalog();

  it('loads every error of the reference page without problems', () => {
    expect(problems).toEqual([]);
    expect(files.some((f) => f.endsWith('07-security.json'))).toBe(true);
    expect([...catalog.domains.keys()]).toEqual(['security']);
    expect([...catalog.getDomain('security')!.subdomains.keys()]).toEqual([
      'token',
      'credentials',
      'rights',
      'user',
      'role',
      'profile',
    ]);
    // 31 errors on the page + 3 deprecated ones that the page leaves out.
    expect(catalog.size).toBe(34);
  });

  it('indexes codes, classes and statuses as the page shows them', () => {
    const error = catalog.getError('security.role.unknown_action')!;
    expect(catalog.hexCode(error)).toBe('0x0705000a');
    expect(error.fullCode).toBe(0x0705000a);
    expect(error.class).toBe('BadRequestError');
    expect(catalog.statusOf(error)).toBe(400);
    expect(error.message).toBe('Trying to set a role with a non-existing controller action');
    expect(catalog.statusOf(catalog.getError('security.user.already_exists')!)).toBe(412);
  });

  it('is found from the package root', () => {
    expect(SHIPPED_CATALOG.replace(/\\/g, '/')).toMatch(/catalog\/data$/);
  });
});

describe('catalog layouts', () => {
  const domain = (code: number, subKey = 'subDomains') =>
    JSON.stringify({ code, [subKey]: { main: { code: 1, errors: { failed: errorEntry(1) } } } });

  it('reads a directory of <code>-<domain>.json and <domain>.json files, ordered by code prefix', () => {
    const d = fixture({
      'errors/10-api.json': domain(10),
      'errors/2-storage.json': domain(2),
      'errors/plugin.json': domain(40),
      'errors/readme.txt': 'not json',
    });
    const { catalog, problems } = loadCatalog(d.path('errors'));
    expect(problems).toEqual([]);
    expect([...catalog.domains.keys()]).toEqual(['storage', 'api', 'plugin']);
    expect(catalog.getError('api.main.failed')!.fullCode).toBe(0x0a010001);
  });

  it('reads a single file mapping domain names to domains, accepting lower-case subdomains', () => {
    const d = fixture({ 'catalog.json': `{ "api": ${domain(1)}, "legacy": ${domain(2, 'subdomains')} }` });
    const { catalog, problems } = loadCatalog(d.path('catalog.json'));
    expect(problems).toEqual([]);
    expect(catalog.findError('legacy', 'main', 'failed')?.id).toBe('legacy.main.failed');
    expect(catalog.getDomain('legacy')!.subdomainsKey).toBe('subdomains');
  });

  it('reads a single domain file given directly, and a list of paths', () => {
    const d = fixture({ 'a/5-api.json': domain(5), 'b/storage.json': domain(6) });
    const { catalog, problems } = loadCatalog([d.path('a/5-api.json'), d.path('b')]);
    expect(problems).toEqual([]);
    expect([...catalog.domains.keys()]).toEqual(['api', 'storage']);
  });

  it('reports a missing path, an empty directory and a directory of directories', () => {
    const d = fixture({ 'nested/inner/1-api.json': domain(1) });
    const { problems } = loadCatalog([d.path('missing'), d.path('nested')]);
    expect(problems).toEqual([
      { file: d.path('missing'), line: 1, column: 1, message: 'cannot read catalog: no such file or directory' },
      { file: d.path('nested'), line: 1, column: 1, message: 'no catalog files (*.json) in this directory' },
    ]);
  });
});
