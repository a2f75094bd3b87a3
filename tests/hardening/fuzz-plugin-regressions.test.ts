import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import { createHarness, marked } from '../ts-plugin/harness';
import { tempDir } from '../support/temp-dir';

/** Regression tests for bugs the plugin fuzz suite (fuzz-plugin.test.ts) found, each named for its bug. */

const ERRORS = "export type KnownId = 'security.token.invalid' | 'legacy.only.id';\nexport declare function getError(id: KnownId | (string & {}), ...args: unknown[]): Error;\n";

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  // On disk as well, so that './errors' resolves (module resolution skips directories that do not exist).
  dir = tempDir({ 'src/errors.ts': ERRORS });
});
afterAll(() => dir.dispose());

describe("bug: completion in an id literal replaced TypeScript's own string-literal completions", () => {
  it("keeps the entries of an id parameter typed as a union of ids, after the catalog's", () => {
    const { text, at } = marked("import { getError } from './errors';\ngetError('sec|');\n");
    const h = createHarness(dir.dir, { catalog: SHIPPED_CATALOG }, { 'src/errors.ts': ERRORS, 'src/app.ts': text });
    const file = h.path('src/app.ts');
    expect(h.original.getCompletionsAtPosition(file, at, {})!.entries.map((e) => e.name)).toEqual(['security.token.invalid', 'legacy.only.id']);
    const entries = h.service.getCompletionsAtPosition(file, at, {})!.entries;
    const names = entries.map((e) => e.name);
    // The catalog's entries first (with their details), then TypeScript's of other names, each name once.
    expect(names.filter((name) => name === 'security.token.invalid')).toHaveLength(1);
    expect(entries.find((e) => e.name === 'security.token.invalid')!.labelDetails?.description).toContain('0x07010001');
    expect(names[names.length - 1]).toBe('legacy.only.id');
    expect(h.logs.filter((line) => line.includes(' failed: '))).toEqual([]);
  });
});
