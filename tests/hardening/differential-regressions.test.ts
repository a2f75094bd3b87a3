import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import type { Harness } from '../ts-plugin/harness';
import { differentialHarness, editorFindings, lintFindings } from './differential-support';

/** Each case the differential test (differential.test.ts) ever found the editor and the linter disagreeing on, named for its bug. */

const HEADER = [
  "import { getError } from './errors';",
  "import * as kerror from './kerror';",
  'declare const someVar: any, someVar2: any, args: any[], method: string, ApiError: any, errors: any;',
].join('\n');

let dir: ReturnType<typeof tempDir>;
let h: Harness;
beforeAll(() => {
  dir = tempDir({});
  h = differentialHarness(dir.dir);
});
afterAll(() => dir.dispose());

function same(code: string, fileName = 'regression.ts'): void {
  const lint = lintFindings(code, fileName);
  expect(lint.length).toBeGreaterThan(0);
  expect(editorFindings(h, code, fileName)).toEqual(lint);
}

describe('bug: the editor shifted the branches of a conditional twice (findings cached per shape, options not moved)', () => {
  it('reports each wrong branch where the linter does', () => {
    same(`${HEADER}\ngetError(someVar ? 'security' : args ? 'security' : 'security');\n`);
  });
});

describe('bug: the editor did not resolve constants built with built-ins (String.raw, Object.freeze): no globals in its scopes', () => {
  it('resolves them as ESLint does, which declares the built-ins of every file', () => {
    same(`${HEADER}\ngetError(String.raw\`security.token.nope\`);\n`);
    same(`${HEADER}\nconst P = Object.freeze({ ...{ a: 'security.token.nope' } });\ngetError(P.a);\n`);
  });
});
