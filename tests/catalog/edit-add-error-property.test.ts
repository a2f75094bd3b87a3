import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog';
import { applyTextEdits, planAddError } from '../../catalog/edit';
import { tempDir } from '../support/temp-dir';

/**
 * Whatever the file's layout (indentation unit, line endings, minified, `subDomains` or the
 * older `subdomains`), adding an error inserts text and changes nothing else, and the catalog
 * then validates with the new id under the next free code.
 */

const dir = tempDir();
afterAll(() => dir.dispose());

const layout = fc.record({
  indent: fc.oneof(
    fc.constant('\t'),
    fc.integer({ min: 1, max: 8 }).map((n) => ' '.repeat(n)),
    fc.constant(''),
  ),
  eol: fc.constantFrom('\n', '\r\n'),
  subdomainsKey: fc.constantFrom('subDomains', 'subdomains'),
  codes: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 0, maxLength: 6 }),
  newSubdomain: fc.boolean(),
});

describe('planAddError on any layout', () => {
  it('only inserts, and the result validates with the id at the next free code', () => {
    let run = 0;
    fc.assert(
      fc.property(layout, ({ indent, eol, subdomainsKey, codes, newSubdomain }) => {
        const errors = Object.fromEntries(
          codes.map((code, i) => [`e${i}`, { code, message: 'M', description: 'D', class: 'NotFoundError' }]),
        );
        const value = { code: 4, [subdomainsKey]: { main: { code: 3, errors } } };
        const json = JSON.stringify(value, null, indent);
        const text = (indent === '' ? json : json.split('\n').join(eol)) + eol;
        const file = dir.write(`run${run++}/errors/4-app.json`, text);
        const id = newSubdomain ? 'app.other.added' : 'app.main.added';
        const plan = planAddError(loadCatalog(file).catalog, id);
        if (!plan.ok) throw new Error(plan.reason);
        expect(plan.changes).toHaveLength(1);
        const [edit] = plan.changes[0]!.edits;
        expect(plan.changes[0]!.edits).toHaveLength(1);
        const result = applyTextEdits(text, [edit!]);
        // Nothing outside the inserted text changes (an empty object's inner white space aside).
        expect(result.slice(0, edit!.offset)).toBe(text.slice(0, edit!.offset));
        expect(result.slice(edit!.offset + edit!.content.length)).toBe(text.slice(edit!.offset + edit!.length));
        expect(text.slice(edit!.offset, edit!.offset + edit!.length).trim()).toBe('');
        if (indent !== '') expect(edit!.content.replace(/\r\n/g, '').includes('\n')).toBe(eol === '\n');
        const reloaded = dir.write(`run${run++}/errors/4-app.json`, result);
        const { catalog, problems } = loadCatalog(reloaded);
        expect(problems).toEqual([]);
        const expectedCode = newSubdomain
          ? 1
          : codes.length === 0
            ? 1
            : Math.max(...codes) < 65535
              ? Math.max(...codes) + 1
              : undefined;
        const added = catalog.getError(id)!;
        if (expectedCode !== undefined) expect(added.code).toBe(expectedCode);
        else expect(codes).not.toContain(added.code);
        expect(catalog.size).toBe(codes.length + 1);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 150) },
    );
  });
});
