import { resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { createHarness, flatten, ownDiagnostics } from './harness';

/** The 2020-style catalog of the CLI tests: `"deprecated": true` (no version) at every level, lower-case `subdomains`. */
const OLDER = resolve(__dirname, '..', 'cli', 'fixtures', 'catalog-2020', 'errors');

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.dispose());

function hover(text: string, needle: string): ts.QuickInfo | undefined {
  const h = createHarness(dir.dir, { catalog: OLDER }, { 'older.ts': text });
  return h.service.getQuickInfoAtPosition(h.path('older.ts'), text.indexOf(needle) + 1);
}

describe('an older catalog in the editor', () => {
  it('hover says "Deprecated" without a version when the catalog gives none', () => {
    const onError = hover("getError('security.token.expired_at');", "'security");
    expect(onError?.kindModifiers).toBe(ts.ScriptElementKindModifier.deprecatedModifier);
    expect(flatten(onError?.documentation)).toBe(
      [
        '`0x07010003` · UnauthorizedError · HTTP 401',
        '**Message:** Token expired on `%s` _(1 placeholder)_',
        'The token expired (old name)',
        '**Deprecated**. Use `security.token.expired` instead.',
      ].join('\n\n'),
    );
    expect(flatten(hover("kerror.get('security', 'legacy', 'thing');", "'thing")?.documentation)).toContain(
      '**Deprecated**: its subdomain `security.legacy` is deprecated.',
    );
    expect(flatten(hover("getError('old.stuff.broken', 1);", "'old")?.documentation)).toContain(
      '**Deprecated**: its domain `old` is deprecated.',
    );
    const onSubdomain = hover("const legacyError = kerror.wrap('security', 'legacy');", "'legacy");
    expect(flatten(onSubdomain?.documentation)).toMatch(/^Subdomain `security.legacy` · .*\n\n\*\*Deprecated\*\*\.$/);
  });

  it('hover keeps the version when there is one, and says nothing for "deprecated": false', () => {
    expect(flatten(hover("getError('security.token.too_old');", "'security")?.documentation)).toContain(
      '**Deprecated** since 2.2.0.',
    );
    const notDeprecated = hover("getError('security.token.expired', 'now');", "'security");
    expect(notDeprecated?.kindModifiers).toBe(ts.ScriptElementKindModifier.none);
    expect(flatten(notDeprecated?.documentation)).not.toContain('Deprecated');
  });

  it('diagnostics use the rules\' words: "is deprecated" without "since"', () => {
    const text = "getError('security.token.expired_at', 'now');\ngetError('security.token.revoked');";
    const h = createHarness(dir.dir, { catalog: OLDER }, { 'diag.ts': text });
    expect(
      ownDiagnostics(h.service, h.path('diag.ts')).map((d) => [
        d.start,
        ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      ]),
    ).toEqual([[9, "Error id 'security.token.expired_at' is deprecated; use 'security.token.expired' instead."]]);
  });
});
