import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { clearProjectCache, loadCatalog, SHIPPED_CATALOG } from '../../catalog/index';
import { tempDir } from '../support/temp-dir';
import { applyChanges, createHarness, ownDiagnostics } from './harness';

/**
 * "Add 'x.y.z' to the catalog" in process: the code fix's change targets the catalog JSON file
 * and, applied, gives a valid catalog with the id, after which the diagnostic is gone.
 * (Through a real tsserver: add-to-catalog-tsserver.test.ts.)
 */

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => d.dispose());
  clearProjectCache();
});

function setup(code: string) {
  const security = readFileSync(join(SHIPPED_CATALOG, '07-security.json'), 'utf8');
  const d = tempDir({ 'errors/07-security.json': security });
  dirs.push(d);
  const h = createHarness(d.dir, { catalog: 'errors' }, { 'a.ts': code });
  return { d, h, catalogFile: d.path('errors/07-security.json'), security };
}

function fixesAt(h: ReturnType<typeof createHarness>, diagnostic: ts.Diagnostic): readonly ts.CodeFixAction[] {
  const start = diagnostic.start!;
  return h.service.getCodeFixesAtPosition(h.path('a.ts'), start, start + diagnostic.length!, [diagnostic.code], {}, {});
}

describe('the tsserver plugin’s "Add to the catalog" fix', () => {
  it('adds an unknown error name to its subdomain in the catalog file', () => {
    const code = "getError('security.token.revoked');";
    const { h, catalogFile, security } = setup(code);
    const [diagnostic] = ownDiagnostics(h.service, h.path('a.ts'));
    const fixes = fixesAt(h, diagnostic!);
    const add = fixes.find((f) => f.fixName === 'error-catalog-add')!;
    expect(add.description).toBe("Add 'security.token.revoked' to the catalog");
    expect(add.changes.map((c) => c.fileName)).toEqual([catalogFile]);
    const updated = applyChanges(security, add.changes[0]!.textChanges);
    writeFileSync(catalogFile, updated);
    const { catalog, problems } = loadCatalog(catalogFile);
    expect(problems).toEqual([]);
    expect(catalog.hexCode(catalog.getError('security.token.revoked')!)).toBe('0x07010008');

    clearProjectCache();
    expect(ownDiagnostics(h.service, h.path('a.ts'))).toEqual([]);
  });

  it('adds a new subdomain for an unknown subdomain of a known domain (split form)', () => {
    const code = "kerror.get('security', 'session', 'closed');";
    const { h, catalogFile, security } = setup(code);
    const [diagnostic] = ownDiagnostics(h.service, h.path('a.ts'));
    const add = fixesAt(h, diagnostic!).find((f) => f.fixName === 'error-catalog-add')!;
    expect(add.description).toBe("Add 'security.session.closed' to the catalog (new subdomain 'security.session')");
    writeFileSync(catalogFile, applyChanges(security, add.changes[0]!.textChanges));
    const { catalog, problems } = loadCatalog(catalogFile);
    expect(problems).toEqual([]);
    expect(catalog.hexCode(catalog.getError('security.session.closed')!)).toBe('0x07070001');
  });

  it('is not offered for an unknown domain, and keeps the other fixes first', () => {
    const { h } = setup("getError('billing.card.declined');\ngetError('security.token.invalidd');");
    const [unknownDomain, typo] = ownDiagnostics(h.service, h.path('a.ts'));
    expect(fixesAt(h, unknownDomain!).map((f) => f.fixName)).not.toContain('error-catalog-add');
    expect(fixesAt(h, typo!).map((f) => [f.fixName, f.description])).toEqual([
      ['error-catalog', "Replace with 'security.token.invalid'."],
      ['error-catalog-add', "Add 'security.token.invalidd' to the catalog"],
    ]);
  });
});
