import { describe, expect, it } from 'vitest';
import { parseSource } from '../../analysis/parse';
import { findCallReferences } from '../../analysis/references';
import { CallMatcher } from '../../catalog/callsite/match';
import { referenceNamesKey, renameAtSite, type RenamedKey } from '../../catalog/callsite/rename';
import { resolveCalls } from '../../catalog/calls';
import { applyTextEdits } from '../../catalog/edit/index';

const matcher = new CallMatcher(resolveCalls(undefined));

/** Renames `key` in every call of `code`: the rewritten code, or the refusal as `line:column reason`. */
function rename(code: string, key: RenamedKey, newName: string): string {
  const parsed = parseSource(code, 'file.ts');
  if (!parsed.ok) throw new Error(parsed.message);
  const edits = [];
  for (const { reference } of findCallReferences(parsed.parsed, matcher)) {
    const site = renameAtSite(reference, key, newName, code);
    if (!site.ok) {
      const before = code.slice(0, site.range[0]);
      return `refused at ${before.split('\n').length}:${site.range[0] - before.lastIndexOf('\n')}: ${site.reason}`;
    }
    edits.push(...site.edits);
  }
  return applyTextEdits(
    code,
    edits.map((e) => ({ offset: e.range[0], length: e.range[1] - e.range[0], content: e.text })),
  );
}

const error: RenamedKey = { kind: 'error', domain: 'a', subdomain: 'b', name: 'c' };
const subdomain: RenamedKey = { kind: 'subdomain', domain: 'a', subdomain: 'b' };
const domain: RenamedKey = { kind: 'domain', domain: 'a' };

describe('renameAtSite: the code side of renaming a catalog key', () => {
  it('rewrites only the renamed segment of dotted ids, keeping their quotes', () => {
    const code = `getError('a.b.c'); getError("a.b.c", 1); getError(\`a.b.c\`); getError('a.b.cc'); getError('x.b.c');`;
    expect(rename(code, error, 'd')).toBe(
      `getError('a.b.d'); getError("a.b.d", 1); getError(\`a.b.d\`); getError('a.b.cc'); getError('x.b.c');`,
    );
    expect(rename(code, subdomain, 'q')).toBe(
      `getError('a.q.c'); getError("a.q.c", 1); getError(\`a.q.c\`); getError('a.q.cc'); getError('x.b.c');`,
    );
    expect(rename(code, domain, 'z')).toBe(
      `getError('z.b.c'); getError("z.b.c", 1); getError(\`z.b.c\`); getError('z.b.cc'); getError('x.b.c');`,
    );
  });

  it('rewrites split parts and wrap() arguments; wrapped calls inherit the scope and change only their name', () => {
    const code = `kerror.get('a', 'b', 'c');\nconst w = kerror.wrap('a', 'b');\nw.get('c');\nw.get('other');\n`;
    expect(rename(code, error, 'd')).toBe(
      `kerror.get('a', 'b', 'd');\nconst w = kerror.wrap('a', 'b');\nw.get('d');\nw.get('other');\n`,
    );
    expect(rename(code, subdomain, 'q')).toBe(
      `kerror.get('a', 'q', 'c');\nconst w = kerror.wrap('a', 'q');\nw.get('c');\nw.get('other');\n`,
    );
    expect(rename(code, domain, 'z')).toBe(
      `kerror.get('z', 'b', 'c');\nconst w = kerror.wrap('z', 'b');\nw.get('c');\nw.get('other');\n`,
    );
  });

  it('refuses a use built from constants, naming where', () => {
    const code = `const ID = 'a.b.c';\ngetError(ID);\n`;
    expect(rename(code, error, 'd')).toBe(
      'refused at 2:10: the id is built from constants, not written as a literal here',
    );
    // A constant naming something else is no obstacle.
    expect(rename(`const ID = 'a.x.c';\ngetError(ID);\n`, subdomain, 'q')).toBe(`const ID = 'a.x.c';\ngetError(ID);\n`);
  });

  it('refuses dynamic parts that may name the key, and ignores those that cannot', () => {
    expect(rename(`kerror.get('a', part, 'c');\n`, error, 'd')).toBe(
      'refused at 1:17: the subdomain is not known statically here',
    );
    // The static domain already rules the key out.
    expect(rename(`kerror.get('x', part, 'c');\n`, error, 'd')).toBe(`kerror.get('x', part, 'c');\n`);
    expect(rename('getError(`a.b.${name}`);\n', subdomain, 'q')).toBe(
      'refused at 1:10: the id is computed here and may name the renamed key',
    );
    // Nothing at all is known of a plain variable: it names no particular key.
    expect(rename('getError(code);\n', error, 'd')).toBe('getError(code);\n');
  });

  it('tells which calls name a key (find references)', () => {
    const parsed = parseSource(`getError('a.b.c'); kerror.wrap('a', 'b'); kerror.get('a', 'x', 'c');`, 'f.ts');
    if (!parsed.ok) throw new Error(parsed.message);
    const references = findCallReferences(parsed.parsed, matcher).map((f) => f.reference);
    expect(references.map((r) => referenceNamesKey(r, subdomain))).toEqual([true, true, false]);
    expect(references.map((r) => referenceNamesKey(r, error))).toEqual([true, false, false]);
    expect(references.map((r) => referenceNamesKey(r, domain))).toEqual([true, true, true]);
  });
});
