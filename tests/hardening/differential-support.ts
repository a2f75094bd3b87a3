import createEspree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { SHIPPED_CATALOG } from '../../catalog';
import plugin from '../../rules';
import { CODES } from '../../ts-plugin/diagnostics';
import { createHarness, ownDiagnostics, type Harness } from '../ts-plugin/harness';

/**
 * The two sides of the differential test: what the ESLint rules (the real Linter, ESLint's
 * parsers) and what the TypeScript plugin (in process) report on one file, in one shape.
 */

/** A finding as both surfaces can state it: UTF-16 offsets, the kind, the words. */
export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly kind: 'unknown' | 'deprecated' | 'placeholders';
  readonly message: string;
}

const KIND_OF_RULE: Readonly<Record<string, Finding['kind']>> = {
  'error-catalog/no-unknown-id': 'unknown',
  'error-catalog/no-deprecated-id': 'deprecated',
  'error-catalog/placeholder-count': 'placeholders',
};
const KIND_OF_CODE = new Map<number, Finding['kind']>([
  [CODES.unknown, 'unknown'],
  [CODES.deprecated, 'deprecated'],
  [CODES.placeholders, 'placeholders'],
]);

const linter = new Linter({ configType: 'flat', cwd: '/project' });
const rules = {
  'error-catalog/no-unknown-id': 'error',
  'error-catalog/no-deprecated-id': 'warn',
  'error-catalog/placeholder-count': 'error',
} as const;
const shared = {
  plugins: { 'error-catalog': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
  settings: { 'error-catalog': { catalog: SHIPPED_CATALOG } },
  rules,
};
const CONFIG: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' }, ...shared },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      parser: createEspree as unknown as Linter.Parser,
      sourceType: 'commonjs',
      ecmaVersion: 'latest',
      globals: { require: 'readonly', module: 'writable' },
    },
    ...shared,
  },
  {
    files: ['**/*.js'],
    languageOptions: { parser: createEspree as unknown as Linter.Parser, sourceType: 'module', ecmaVersion: 'latest' },
    ...shared,
  },
];

/** What the ESLint rules report on a file, or the parse error that stopped them. */
export function lintFindings(code: string, fileName: string): Finding[] {
  const messages = linter.verify(code, CONFIG, { filename: `/project/src/${fileName}` });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`ESLint could not parse ${fileName}: ${fatal.message}\n${code}`);
  const sourceCode = linter.getSourceCode();
  return sort(
    messages.map((m) => ({
      start: sourceCode.getIndexFromLoc({ line: m.line, column: m.column - 1 }),
      end: sourceCode.getIndexFromLoc({ line: m.endLine ?? m.line, column: (m.endColumn ?? m.column) - 1 }),
      kind: KIND_OF_RULE[m.ruleId ?? ''] ?? 'unknown',
      message: m.message,
    })),
  );
}

/**
 * A language service with the plugin for the whole run. TypeScript's own semantic check is
 * stubbed out: the plugin's findings do not depend on types (it analyses the file's text), and
 * type-checking every program would be most of the run's time.
 */
export function differentialHarness(dir: string): Harness {
  const h = createHarness(dir, { catalog: SHIPPED_CATALOG }, {}, undefined, { noLib: true });
  h.original.getSemanticDiagnostics = () => [];
  return h;
}

/** What the TypeScript plugin reports on the same file. */
export function editorFindings(h: Harness, code: string, fileName: string): Finding[] {
  h.set(`src/${fileName}`, code);
  return sort(
    ownDiagnostics(h.service, h.path(`src/${fileName}`)).map((d) => ({
      start: d.start!,
      end: d.start! + d.length!,
      kind: KIND_OF_CODE.get(d.code) ?? 'unknown',
      message: typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText,
    })),
  );
}

function sort(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message),
  );
}
