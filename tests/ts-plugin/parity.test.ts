import { resolve } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import ts from 'typescript';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import plugin from '../../rules/index';
import { tempDir } from '../support/temp-dir';
import { createHarness, ownDiagnostics } from './harness';

/**
 * The promise of the shared library: the editor and the linter say the same words at the same
 * places. The same sources go through the ESLint rules and through the plugin's language
 * service; every report must match in message and range.
 */

const CONFIG = { catalog: [SHIPPED_CATALOG, resolve(__dirname, 'fixtures', 'catalog')] };

const SOURCES: Record<string, string> = {
  'dotted.ts': [
    "getError('security.token.invalidd');",
    "getError('security.role.invalid_controller', 'x');",
    "getError('security.role.missing_policies');",
    "getError('api.request.too_large', 10);",
    "getError('api.legacy.old_format');",
    "getError('not an id');",
    "getError(('security.token.expird' as const));",
    "const PREFIX = 'security.token.';",
    'getError(PREFIX + `gone`);',
    "throw new ApiError('security.tokn.invalid', 'detail');",
  ].join('\n'),
  'split.ts': [
    "import * as kerror from './lib/kerror';",
    "kerror.get('security', 'tokn', 'invalid');",
    "kerror.get('securit', 'token', 'invalid');",
    "kerror.reject('api', 'request', 'missing_field');",
    "kerror.getFrom(new Error('x'), 'security', 'role', 'invalid_action', 'a');",
    "const tokenError = kerror.wrap('security', 'token');",
    "tokenError.get('expird');",
    "const legacy = kerror.wrap('api', 'legacy');",
    "legacy.get('old_format');",
    "kerror.wrap('security', 'tokens').get('invalid');",
  ].join('\n'),
  'common.js': [
    "const errors = require('../kerror');",
    "errors.get('security', 'user', 'not_foud');",
    "const { getFrom } = require('./kerror');",
    "getFrom(err, 'security', 'user', 'already_exists');",
    "errors.reject('security', 'role', 'invalid_controller');",
    "module.exports = () => getError('security.profile.in_use', 'extra');",
  ].join('\n'),
};

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir(SOURCES);
});
afterAll(() => dir.dispose());

interface Report {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

function eslintReports(fileName: string, text: string): Report[] {
  const linter = new Linter({ configType: 'flat', cwd: dir.dir });
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' },
        plugins: { 'error-catalog': plugin as never },
        settings: { 'error-catalog': CONFIG },
        rules: {
          'error-catalog/no-unknown-id': 'error',
          'error-catalog/no-deprecated-id': 'warn',
          'error-catalog/placeholder-count': 'error',
        },
      },
    ],
    { filename: fileName },
  );
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const offset = (line: number, column: number): number => lineStarts[line - 1]! + column - 1;
  return messages.map((m) => {
    if (m.fatal) throw new Error(`parse error in ${fileName}: ${m.message}`);
    return {
      start: offset(m.line, m.column),
      end: offset(m.endLine ?? m.line, m.endColumn ?? m.column),
      message: m.message,
    };
  });
}

describe('the plugin and the ESLint rules agree', () => {
  it.each(Object.keys(SOURCES))('on %s', (name) => {
    const text = SOURCES[name]!;
    const h = createHarness(dir.dir, CONFIG, { [name]: text });
    const editor = ownDiagnostics(h.service, h.path(name)).map((d) => ({
      start: d.start!,
      end: d.start! + d.length!,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
    const linter = eslintReports(h.path(name), text);
    const byPosition = (a: Report, b: Report): number =>
      a.start - b.start || a.end - b.end || (a.message < b.message ? -1 : 1);
    expect(editor.length).toBeGreaterThan(1);
    expect(editor.sort(byPosition)).toEqual(linter.sort(byPosition));
  });
});
