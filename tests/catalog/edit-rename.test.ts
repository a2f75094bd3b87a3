import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog';
import { applyTextEdits, planCatalogRename, type CatalogKey, type EditPlan } from '../../catalog/edit';
import { tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

function fixture(files: Record<string, string>) {
  const d = tempDir(files);
  dirs.push(d);
  return d;
}

function apply(plan: EditPlan): Record<string, string> {
  if (!plan.ok) throw new Error(`plan refused: ${plan.reason}`);
  const texts: Record<string, string> = {};
  for (const change of plan.changes) {
    const text = applyTextEdits(readFileSync(change.file, 'utf8'), change.edits);
    writeFileSync(change.file, text);
    texts[change.file] = text;
  }
  return texts;
}

const entry = (code: number, extra = '') =>
  `{ "code": ${code}, "message": "M", "description": "D", "class": "NotFoundError"${extra} }`;

/** A directory catalog of two domain files whose replacedBy entries point across files. */
const API = `{
  "code": 1,
  "subDomains": {
    "auth": {
      "code": 1,
      "errors": {
        "expired": ${entry(1)},
        "old_expired": ${entry(2, ', "deprecated": "2.0.0", "replacedBy": "api.auth.expired"')},
        "gone": ${entry(3, ', "deprecated": "2.0.0", "replacedBy": "storage.disk.full"')}
      }
    }
  }
}
`;
const STORAGE = `{
\t"code": 2,
\t"subDomains": {
\t\t"disk": {
\t\t\t"code": 1,
\t\t\t"errors": {
\t\t\t\t"full": ${entry(1)},
\t\t\t\t"old_full": ${entry(2, ', "deprecated": "1.0.0", "replacedBy": "api.auth.expired"')}
\t\t\t}
\t\t}
\t}
}
`;

function directoryCatalog() {
  const d = fixture({ 'errors/1-api.json': API, 'errors/2-storage.json': STORAGE });
  return { d, path: d.path('errors'), api: d.path('errors/1-api.json'), storage: d.path('errors/2-storage.json') };
}

describe('planCatalogRename of an error', () => {
  it('renames the key and every replacedBy naming the id, in every file', () => {
    const c = directoryCatalog();
    const plan = planCatalogRename(
      loadCatalog(c.path).catalog,
      { kind: 'error', domain: 'api', subdomain: 'auth', name: 'expired' },
      'token_expired',
    );
    expect(plan).toMatchObject({ ok: true, title: "Rename error 'api.auth.expired' to 'api.auth.token_expired'" });
    const texts = apply(plan);
    expect(texts[c.api]).toBe(
      API.replace('"expired": {', '"token_expired": {').replace(
        '"replacedBy": "api.auth.expired"',
        '"replacedBy": "api.auth.token_expired"',
      ),
    );
    expect(texts[c.storage]).toBe(STORAGE.replace('"api.auth.expired"', '"api.auth.token_expired"'));
    const { catalog, problems } = loadCatalog(c.path);
    expect(problems).toEqual([]);
    expect(catalog.getError('api.auth.expired')).toBeUndefined();
    expect(catalog.getError('api.auth.old_expired')!.replacedBy).toBe('api.auth.token_expired');
  });

  it('edits exactly the key span and the replacedBy value spans', () => {
    const c = directoryCatalog();
    const plan = planCatalogRename(
      loadCatalog(c.path).catalog,
      { kind: 'error', domain: 'storage', subdomain: 'disk', name: 'full' },
      'quota',
    );
    if (!plan.ok) throw new Error(plan.reason);
    const keyOffset = STORAGE.indexOf('"full"');
    const valueOffset = API.indexOf('"storage.disk.full"');
    expect(plan.changes).toEqual([
      { file: c.storage, edits: [{ offset: keyOffset, length: 6, content: '"quota"' }] },
      { file: c.api, edits: [{ offset: valueOffset, length: 19, content: '"storage.disk.quota"' }] },
    ]);
  });
});

describe('planCatalogRename of a subdomain or domain', () => {
  it('renames a subdomain and the replacedBy ids under it', () => {
    const c = directoryCatalog();
    const texts = apply(
      planCatalogRename(loadCatalog(c.path).catalog, { kind: 'subdomain', domain: 'api', subdomain: 'auth' }, 'login'),
    );
    expect(texts[c.api]).toBe(
      API.replace('"auth": {', '"login": {').replace('"api.auth.expired"', '"api.login.expired"'),
    );
    expect(texts[c.storage]).toBe(STORAGE.replace('"api.auth.expired"', '"api.login.expired"'));
    const { catalog, problems } = loadCatalog(c.path);
    expect(problems).toEqual([]);
    expect(catalog.getError('api.login.old_expired')!.replacedBy).toBe('api.login.expired');
  });

  it('renames a domain of a single-file catalog, and replacedBy ids under it (not a longer name)', () => {
    const text = `{
  "api": {
    "code": 1,
    "subDomains": {
      "auth": { "code": 1, "errors": { "expired": ${entry(1)} } }
    }
  },
  "api_v2": {
    "code": 2,
    "subDomains": {
      "auth": {
        "code": 1,
        "errors": {
          "expired": ${entry(1)},
          "a": ${entry(2, ', "deprecated": "1.0.0", "replacedBy": "api.auth.expired"')},
          "b": ${entry(3, ', "deprecated": "1.0.0", "replacedBy": "api_v2.auth.expired"')}
        }
      }
    }
  }
}
`;
    const d = fixture({ 'errors.json': text });
    const texts = apply(
      planCatalogRename(loadCatalog(d.path('errors.json')).catalog, { kind: 'domain', domain: 'api' }, 'gateway'),
    );
    expect(texts[d.path('errors.json')]).toBe(
      text
        .replace('"api": {', '"gateway": {')
        .replace('"replacedBy": "api.auth.expired"', '"replacedBy": "gateway.auth.expired"'),
    );
    const { catalog, problems } = loadCatalog(d.path('errors.json'));
    expect(problems).toEqual([]);
    expect([...catalog.domains.keys()]).toEqual(['gateway', 'api_v2']);
  });

  it('refuses to rename a domain named by its file', () => {
    const c = directoryCatalog();
    expect(planCatalogRename(loadCatalog(c.path).catalog, { kind: 'domain', domain: 'api' }, 'gateway')).toEqual({
      ok: false,
      reason: "domain 'api' is named by its file 1-api.json: rename the file to 1-gateway.json",
    });
  });
});

describe('planCatalogRename refusals', () => {
  const cases: Array<[string, CatalogKey, string, string]> = [
    [
      'a name that is not snake_case',
      { kind: 'error', domain: 'api', subdomain: 'auth', name: 'expired' },
      'Expired',
      "'Expired' is not a valid name (snake_case: lower-case letters, digits and single underscores)",
    ],
    [
      'a name with a dot',
      { kind: 'subdomain', domain: 'api', subdomain: 'auth' },
      'a.b',
      "'a.b' is not a valid name (snake_case: lower-case letters, digits and single underscores)",
    ],
    [
      'an error name taken by a sibling',
      { kind: 'error', domain: 'api', subdomain: 'auth', name: 'expired' },
      'gone',
      "there is already an error 'api.auth.gone'",
    ],
    ['an unknown domain', { kind: 'domain', domain: 'nope' }, 'x', "there is no domain 'nope' in the catalog"],
    [
      'the same name',
      { kind: 'subdomain', domain: 'api', subdomain: 'auth' },
      'auth',
      "the subdomain is already named 'auth'",
    ],
  ];
  it.each(cases)('refuses %s', (_what, key, newName, reason) => {
    const c = directoryCatalog();
    expect(planCatalogRename(loadCatalog(c.path).catalog, key, newName)).toEqual({ ok: false, reason });
  });

  it('refuses a key that is no longer in the unsaved text', () => {
    const c = directoryCatalog();
    const plan = planCatalogRename(
      loadCatalog(c.path).catalog,
      { kind: 'error', domain: 'api', subdomain: 'auth', name: 'expired' },
      'x',
      (file) => (file === c.api ? API.replace('"expired": {', '"renamed": {') : readFileSync(file, 'utf8')),
    );
    expect(plan).toEqual({ ok: false, reason: `there is no error 'api.auth.expired' in ${c.api}` });
  });

  it('refuses a subdomain name taken by a sibling', () => {
    const d = fixture({
      'e.json': `{ "api": { "code": 1, "subDomains": { "a": { "code": 1, "errors": {} }, "b": { "code": 2, "errors": {} } } } }`,
    });
    const catalog = loadCatalog(d.path('e.json')).catalog;
    expect(planCatalogRename(catalog, { kind: 'subdomain', domain: 'api', subdomain: 'a' }, 'b')).toEqual({
      ok: false,
      reason: "there is already a subdomain 'api.b'",
    });
  });

  it('refuses a domain name taken in another file', () => {
    const d = fixture({
      'a.json': `{ "api": { "code": 1, "subDomains": {} } }`,
      'b.json': `{ "storage": { "code": 2, "subDomains": {} } }`,
    });
    const catalog = loadCatalog([d.path('a.json'), d.path('b.json')]).catalog;
    expect(planCatalogRename(catalog, { kind: 'domain', domain: 'api' }, 'storage')).toEqual({
      ok: false,
      reason: "there is already a domain 'storage'",
    });
  });
});
