import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingBeyond } from '../../analysis/nesting';
import { parseSource } from '../../analysis/parse';
import { runCli, SHIPPED } from '../cli/run-cli';
import { tempDir } from '../support/temp-dir';

/**
 * oxc-parser recurses on the native stack: `f(` nested 16,000 times crashes the process with a
 * segmentation fault (tsserver, the language server, the CLI), which no try/catch can stop. The
 * package's parser refuses such a text before the native parser sees it. Were the guard gone,
 * these tests would take their vitest worker down with them.
 */
const deepCalls = (depth: number): string => `getError(${'f('.repeat(depth)}1${')'.repeat(depth)});\n`;

describe('nesting depth, measured before the native parser', () => {
  it('counts brackets of code and of template expressions, not of strings, template text or comments', () => {
    expect(nestingBeyond('f(a[b{c}]);', 2)).toBe(5); // the `{` (offset 5) is the third level
    expect(nestingBeyond('f(a[b{c}]);', 3)).toBe(-1);
    expect(nestingBeyond(`const a = '${'('.repeat(50)}'; const b = "${'['.repeat(50)}";`, 10)).toBe(-1);
    expect(nestingBeyond(`/* ${'{'.repeat(50)} */ // ${'('.repeat(50)}\nx;`, 10)).toBe(-1);
    expect(nestingBeyond(`x = \`${'('.repeat(50)}\`;`, 10)).toBe(-1);
    // `${` opens a level (four here: `${`, `f(`, `${`, `g(`); the template's text after an
    // expression is skipped again, so its `(((` do not count.
    expect(nestingBeyond('x = `a${f(`b${g(1)}(((`)}c`;', 4)).toBe(-1);
    expect(nestingBeyond('x = `a${f(`b${g(1)}(((`)}c`;', 3)).toBe(15);
    expect(nestingBeyond('x = `a${f(`b${g(1)}(((`)}c`;', 2)).toBe(14);
    expect(nestingBeyond(`x = \`${'${f('.repeat(20)}1${')}'.repeat(20)}\`;`, 10)).toBeGreaterThan(0);
    // Closing brackets never take the depth below zero.
    expect(nestingBeyond(`${')'.repeat(50)}${'('.repeat(5)}`, 4)).toBe(54);
  });

  it('parses real nesting and refuses a hostile one with a message at the offset, without crashing', () => {
    expect(parseSource(deepCalls(MAX_NESTING - 1), 'a.ts').ok).toBe(true);
    const refused = parseSource(deepCalls(20_000), 'a.ts');
    const offset = 'getError('.length + 2 * (MAX_NESTING - 1) + 1;
    expect(refused).toEqual({
      ok: false,
      message: `nested more than ${MAX_NESTING} levels deep: not analysed`,
      offset,
      from: offset,
    });
    const inTemplate = `x = \`${'${f('.repeat(20_000)}1${')}'.repeat(20_000)}\`;\n`;
    expect(parseSource(inTemplate, 'a.js').ok).toBe(false);
  });

  describe('error-catalog unused on a repository holding such a file', () => {
    const repo = tempDir({
      'error-catalog.config.json': JSON.stringify({ catalog: SHIPPED }),
      'src/deep.js': deepCalls(20_000),
      'src/app.js': "getError('security.token.invalid');\n",
    });
    afterAll(() => repo.dispose());

    it('skips the file with a clear line and reports the rest', () => {
      const result = runCli(['unused', '--format', 'json', 'src'], repo.dir);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout) as {
        used: string[];
        skipped: Array<{ file: string; line: number; column: number; message: string }>;
      };
      expect(report.used).toEqual(['security.token.invalid']);
      expect(report.skipped).toEqual([
        {
          file: join(repo.dir, 'src', 'deep.js'),
          line: 1,
          column: 'getError('.length + 2 * MAX_NESTING, // 1-based: the `(` that opens level 1,001
          message: `parse error: nested more than ${MAX_NESTING} levels deep: not analysed`,
        },
      ]);
    });
  });
});
