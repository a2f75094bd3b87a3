/**
 * The language server's repair of a document being typed (server/code-analysis.ts over
 * analysis/repair.ts): the line that breaks the parse is blanked, so the rest of the document
 * keeps its references, at the offsets of the text as typed. The real server's behaviour is in
 * server.test.ts; the tsserver plugin's statement-wise repair in tests/ts-plugin/plugin.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../analysis/parse';
import { MAX_REPAIRED_LENGTH, parseRepairing } from '../../analysis/repair';
import { DEFAULT_CALLS } from '../../catalog/calls';
import { CallMatcher } from '../../catalog/callsite/match';
import { referencedId } from '../../catalog/callsite/complete';
import { analyseText, blankBrokenLine, referencesWhileTyping } from '../../server/code-analysis';

const matcher = new CallMatcher(DEFAULT_CALLS);
const FIRST = "getError('a.b.first');";
const LAST = "getError('q.r.last');";

/** The ids a text references and where each call starts, after the server's repair. */
function analysed(text: string) {
  const analysis = analyseText(text, 'typed.ts', matcher);
  if (!analysis.ok) return analysis;
  return {
    ids: analysis.references.map((r) => referencedId(r.reference)),
    starts: analysis.references.map((r) => r.reference.range[0]),
    syntaxError: analysis.syntaxError,
  };
}

describe("the language server's repair of a document being typed", () => {
  const broken: Record<string, string> = {
    'an unterminated string': "const b = getError('sec",
    'a call left open': "const b = getError('a.b.c'",
    'a condition left open': 'if (ready &&',
    'an object with a missing value': 'const o = {\n  y: ,\n};',
  };
  for (const [what, line] of Object.entries(broken)) {
    for (const eol of ['\n', '\r\n']) {
      it(`keeps the other lines' references around ${what} (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
        const text = [FIRST, line, LAST, ''].join(eol);
        expect(parseSource(text, 'typed.ts').ok).toBe(false);
        const result = analysed(text);
        expect(result).toMatchObject({ ids: ['a.b.first', 'q.r.last'] });
        if (!('starts' in result)) throw new Error('not analysed');
        // Offsets of the text as typed.
        expect(result.starts).toEqual([0, text.indexOf(LAST)]);
        expect(result.syntaxError?.offset).toBeGreaterThanOrEqual(text.indexOf(line.split('\n')[0]!));
      });
    }
  }

  it('blanks the line an unclosed bracket opens on, not the line where the parser noticed', () => {
    const text = `${FIRST}\nfunction f() {\n  return 1;\n\n${LAST}\n`;
    const outcome = parseSource(text, 'typed.ts');
    if (outcome.ok) throw new Error('parsed');
    expect(text.slice(outcome.from, outcome.from + 1)).toBe('{');
    expect(blankBrokenLine(text, outcome)).toBe(`${FIRST}\n${' '.repeat(14)}\n  return 1;\n\n${LAST}\n`);
  });

  it('goes up to the nearest line that is not blank when the error is on a blank one', () => {
    const text = `${FIRST}\nconst b = kerror.\n   \n`;
    const failure = { ok: false as const, message: 'x', offset: text.length - 1, from: text.length - 1 };
    expect(blankBrokenLine(text, failure)).toBe(`${FIRST}\n${' '.repeat(17)}\n   \n`);
    expect(blankBrokenLine(' \n\n', { ...failure, offset: 2, from: 2 })).toBeUndefined();
  });

  it('finds the call under the cursor for completion, whichever line is broken', () => {
    const ids = (text: string, offset: number) =>
      referencesWhileTyping(text, 'typed.ts', matcher, offset).map((reference) => referencedId(reference));
    // The cursor's literal being typed, another line broken too.
    const typing = `${FIRST}\nconst b = getError('a.b.c'\ngetError('q.r`;
    expect(ids(typing, typing.length)).toEqual(['a.b.first', 'q.r']);
    // The cursor's line whole, in a literal; another line broken.
    const whole = `${FIRST}\nconst b = getError('a.b.c'\n${LAST}\n`;
    expect(ids(whole, whole.indexOf('q.r.') + 4)).toEqual(['a.b.first', 'q.r.last']);
    // The cursor's own line is never blanked: nothing to complete from rather than a wrong call.
    expect(ids("getError('a.b', (;", 12)).toEqual([]);
  });

  it('parses a text longer than MAX_REPAIRED_LENGTH as typed only', () => {
    const filler = `${FIRST}\n`.repeat(Math.ceil(MAX_REPAIRED_LENGTH / (FIRST.length + 1)));
    const text = `${filler}const b = getError('sec\n${LAST}\n`;
    expect(parseRepairing(text, 'big.ts', blankBrokenLine)).toMatchObject({ repairs: 0, outcome: { ok: false } });
    const shorter = `${FIRST}\nconst b = getError('sec\n${LAST}\n`;
    expect(parseRepairing(shorter, 'typed.ts', blankBrokenLine)).toMatchObject({ repairs: 1, outcome: { ok: true } });
  });

  it('reports the text as typed when nothing parses, and nothing repaired when it parses as typed', () => {
    const hopeless = Array.from({ length: 12 }, (_, i) => `getError('x.y.z${i}'`).join('\n');
    expect(analysed(hopeless)).toMatchObject({ ok: false, offset: hopeless.indexOf('\n') + 1 });
    expect(analysed(`${FIRST}\n${LAST}\n`)).toEqual({
      ids: ['a.b.first', 'q.r.last'],
      starts: [0, FIRST.length + 1],
      syntaxError: undefined,
    });
  });
});
