import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import { createHarness, marked } from '../ts-plugin/harness';
import { tempDir } from '../support/temp-dir';

/** Regression tests for bugs the plugin fuzz suite (fuzz-plugin.test.ts) found, each named for its bug. */

const ERRORS =
  "export type KnownId = 'security.token.invalid' | 'legacy.only.id';\nexport declare function getError(id: KnownId | (string & {}), ...args: unknown[]): Error;\n";
/** Only the known ids: TypeScript then finds every literal of that type as a reference of the others. */
const STRICT =
  "export type KnownId = 'security.token.invalid' | 'legacy.only.id';\nexport declare function getError(id: KnownId, ...args: unknown[]): Error;\n";

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  // On disk as well, so that './errors' resolves (module resolution skips directories that do not exist).
  dir = tempDir({ 'src/errors.ts': ERRORS, 'src/strict.ts': STRICT });
});
afterAll(() => dir.dispose());

describe("bug: completion in an id literal replaced TypeScript's own string-literal completions", () => {
  it("keeps the entries of an id parameter typed as a union of ids, after the catalog's", () => {
    const { text, at } = marked("import { getError } from './errors';\ngetError('sec|');\n");
    const h = createHarness(dir.dir, { catalog: SHIPPED_CATALOG }, { 'src/errors.ts': ERRORS, 'src/app.ts': text });
    const file = h.path('src/app.ts');
    expect(h.original.getCompletionsAtPosition(file, at, {})!.entries.map((e) => e.name)).toEqual([
      'security.token.invalid',
      'legacy.only.id',
    ]);
    const entries = h.service.getCompletionsAtPosition(file, at, {})!.entries;
    const names = entries.map((e) => e.name);
    // The catalog's entries first (with their details), then TypeScript's of other names, each name once.
    expect(names.filter((name) => name === 'security.token.invalid')).toHaveLength(1);
    expect(entries.find((e) => e.name === 'security.token.invalid')!.labelDetails?.description).toContain('0x07010001');
    expect(names[names.length - 1]).toBe('legacy.only.id');
    expect(h.logs.filter((line) => line.includes(' failed: '))).toEqual([]);
  });
});

describe("bug: find references from an id literal replaced TypeScript's own references", () => {
  it('keeps the other uses of the same string-literal type, and does not list a call site twice', () => {
    const { text, at } = marked(
      "import { getError, type KnownId } from './strict';\nconst fallback: KnownId = 'security.token.invalid';\ngetError('security.token.inv|alid');\n",
    );
    const h = createHarness(dir.dir, { catalog: SHIPPED_CATALOG }, { 'src/strict.ts': STRICT, 'src/app.ts': text });
    const file = h.path('src/app.ts');
    const typed = text.indexOf("'security.token.invalid'") + 1;
    const call = text.lastIndexOf("'security.token.invalid'");
    const plain = h.original
      .findReferences(file, at)!
      .flatMap((s) => s.references)
      .filter((r) => r.fileName === file)
      .map((r) => r.textSpan.start);
    expect(plain).toEqual(expect.arrayContaining([typed, call + 1]));
    const spans = h.service
      .findReferences(file, at)!
      .flatMap((s) => s.references)
      .filter((r) => r.fileName === file)
      .map((r) => [r.textSpan.start, r.textSpan.length]);
    // The call site once, as the whole literal (the plugin's), and the typed constant from TypeScript.
    expect(spans).toEqual([
      [call, 24],
      [typed, 22],
    ]);
    const entries = h.service
      .getReferencesAtPosition(file, at)!
      .filter((r) => r.fileName === file)
      .map((r) => r.textSpan.start);
    expect(entries).toEqual([call, typed]);
    // And the member of the union in the declaring file.
    expect(
      h.service
        .findReferences(file, at)!
        .flatMap((s) => s.references)
        .some((r) => r.fileName === h.path('src/strict.ts')),
    ).toBe(true);
    expect(h.logs.filter((line) => line.includes(' failed: '))).toEqual([]);
  });
});
