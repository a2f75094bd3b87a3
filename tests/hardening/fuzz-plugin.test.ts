import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, SHIPPED_CATALOG } from '../../catalog';
import { createHarness, type Harness } from '../ts-plugin/harness';
import { tempDir } from '../support/temp-dir';
import { expectedFindings, type OracleRule } from './oracle';
import { program, toJavaScript, type GeneratedProgram } from './program-generator';

/**
 * Property-based fuzzing of the TypeScript plugin: the generated programs of the rules' fuzz
 * suite go through one in-process language service, asked both through the plugin and
 * undecorated (same program, same files). Nothing throws, nothing is caught-and-logged either
 * (a caught failure is still a bug), every span lies inside its file, the plugin only adds to
 * TypeScript's answers, and on oracle statements its diagnostics are the oracle's.
 *
 * Cost: every program is asked six things at each offset, through the plugin and without it.
 * At every offset that is ~1.1 s a program; so the default (CI) run asks at every token boundary
 * and at every offset in and around string and template literals (where the plugin answers
 * instead of TypeScript), deterministically, ~0.5 s a program, 40 programs (~25 s). The large
 * run (`npm run fuzz`, FUZZ_RUNS=5000) asks at every offset of FUZZ_RUNS/25 programs (200,
 * ~4 min). FUZZ_PLUGIN_RUNS sets the number of programs, FUZZ_PLUGIN_OFFSETS=all|sampled the
 * offsets, for this suite alone; FUZZ_SEED is shared with the rules' suite.
 */
const LARGE = process.env['FUZZ_RUNS'] !== undefined;
const RUNS = Number(process.env['FUZZ_PLUGIN_RUNS'] ?? (LARGE ? Math.ceil(Number(process.env['FUZZ_RUNS']) / 25) : 40));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);
const EVERY_OFFSET =
  process.env['FUZZ_PLUGIN_OFFSETS'] === 'all' || (LARGE && process.env['FUZZ_PLUGIN_OFFSETS'] !== 'sampled');

const CODES: Readonly<Record<OracleRule, number>> = {
  'no-unknown-id': 93001,
  'no-deprecated-id': 93002,
  'placeholder-count': 93003,
};
const catalog = loadCatalog().catalog;

/**
 * The modules the generated header imports, so bindings resolve as in a real project. The id
 * parameter is typed the way generated id types often are (known ids, or any string), so
 * TypeScript has string-literal completions of its own inside the literals the plugin completes.
 */
const SUPPORT = {
  'src/errors.ts':
    "export type KnownId = 'security.token.invalid' | 'legacy.only.id';\nexport declare function getError(id: KnownId | (string & {}), ...args: unknown[]): Error;\n",
  'src/kerror.ts': [
    'type Raise = (domain: string, subdomain: string, name: string, ...args: unknown[]) => Error;',
    'export declare const get: Raise, reject: Raise, getFrom: Raise, rejectFrom: Raise;',
    'export declare function wrap(domain: string, subdomain: string): { get(name: string, ...args: unknown[]): Error; getFrom(name: string, ...args: unknown[]): Error };',
    '',
  ].join('\n'),
};

let dir: ReturnType<typeof tempDir>;
let h: Harness;
beforeAll(() => {
  // On disk too: module resolution only looks in directories that exist, so without them the imports stay `any`.
  dir = tempDir(SUPPORT);
  h = createHarness(dir.dir, { catalog: SHIPPED_CATALOG }, SUPPORT, undefined, { lib: ['lib.es2022.d.ts'] });
});
afterAll(() => dir.dispose());

/**
 * Offsets to ask at: every one, or token boundaries plus every offset inside a string-ish token;
 * and which of them lie in such a token (where the plugin may answer instead of TypeScript).
 */
function offsetsOf(code: string): { all: number[]; inLiterals: Set<number> } {
  const all = new Set<number>([0, code.length]);
  const inLiterals = new Set<number>();
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    all.add(start).add(end);
    const stringish =
      kind === ts.SyntaxKind.StringLiteral ||
      kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      kind === ts.SyntaxKind.TemplateHead;
    if (!stringish) continue;
    // Inside a literal every offset matters (completion replaces a part); a 3,000-character one is sampled unless every offset is asked for.
    const step = !EVERY_OFFSET && end - start > 200 ? 97 : 1;
    for (let i = start; i <= end; i += i === start || i + step > end ? 1 : step) {
      all.add(i);
      inLiterals.add(i);
    }
  }
  const offsets = EVERY_OFFSET
    ? Array.from({ length: code.length + 1 }, (_, i) => i)
    : [...all].filter((o) => o >= 0 && o <= code.length).sort((a, b) => a - b);
  return { all: offsets, inLiterals };
}

const spanInside = (span: ts.TextSpan | undefined, length: number, what: string): void => {
  if (!span) return;
  expect({
    what,
    ok: span.start >= 0 && span.length >= 0 && span.start + span.length <= length,
    span,
    length,
  }).toMatchObject({ what, ok: true });
};

/**
 * The length of a file a definition points at (a catalog JSON, a lib file, a source file);
 * TypeScript's own unverified definitions (a module specifier it could not resolve) name no real file and are 0.
 */
function lengthOf(fileName: string): number {
  const source = h.original.getProgram()?.getSourceFile(fileName);
  if (source) return source.text.length;
  return existsSync(fileName) ? readFileSync(fileName, 'utf8').length : 0;
}

const diagnosticKey = (d: ts.Diagnostic): string =>
  `${d.code}@${d.start}+${d.length}:${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;

/** What the run exercised, so a generator change that makes the plugin silent cannot pass vacuously. */
const seen = {
  oracleStatements: 0,
  diagnostics: 0,
  completions: 0,
  quickInfos: 0,
  definitions: 0,
  references: 0,
  fixes: 0,
};

/**
 * How a generated program reaches the language service: as generated, with CRLF line ends, or
 * cut short at some point (what an editor holds while typing: unterminated literals and calls);
 * a cut keeps the oracle statements of the lines before it, which parse the same.
 */
type Variant = { readonly kind: 'as-is' } | { readonly kind: 'crlf' } | { readonly kind: 'cut'; readonly at: number };
const variant: fc.Arbitrary<Variant> = fc.oneof(
  fc.constant({ kind: 'as-is' as const }),
  fc.constant({ kind: 'crlf' as const }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'cut' as const, at })),
);

function applyVariant(generated: GeneratedProgram, how: Variant): GeneratedProgram {
  switch (how.kind) {
    case 'as-is':
      return generated;
    case 'crlf':
      return { code: generated.code.replace(/\n/g, '\r\n'), oracle: generated.oracle };
    case 'cut': {
      const code = generated.code.slice(0, Math.floor(how.at * generated.code.length));
      const cutLine = code.split('\n').length;
      return { code, oracle: generated.oracle.filter((statement) => statement.line < cutLine) };
    }
  }
}

type Extension = 'ts' | 'tsx' | 'js' | 'jsx';

function checkProgram(generated: GeneratedProgram, extension: Extension, how: Variant): void {
  const { code, oracle } = applyVariant(
    extension === 'js' || extension === 'jsx' ? toJavaScript(generated) : generated,
    how,
  );
  const file = h.path(`src/fuzz.${extension}`);
  h.set(`src/fuzz.${extension}`, code);
  const logged = h.logs.length;
  const size = code.length;

  const syntactic = h.service.getSyntacticDiagnostics(file);
  expect(syntactic.map(diagnosticKey)).toEqual(h.original.getSyntacticDiagnostics(file).map(diagnosticKey));
  const semantic = h.service.getSemanticDiagnostics(file);
  const plainSemantic = h.original.getSemanticDiagnostics(file);
  expect(semantic.map(diagnosticKey)).toEqual(expect.arrayContaining(plainSemantic.map(diagnosticKey)));
  for (const d of [...syntactic, ...semantic])
    spanInside({ start: d.start ?? 0, length: d.length ?? 0 }, size, `diagnostic ${d.code}`);
  const ours = semantic.filter((d) => d.source === 'error-catalog');
  seen.diagnostics += ours.length;

  // Oracle statements: the plugin reports what the oracle predicts, except extra placeholders (the editor does not report those).
  for (const statement of oracle) {
    const lineStart =
      code
        .split('\n')
        .slice(0, statement.line - 1)
        .join('\n').length + (statement.line > 1 ? 1 : 0);
    const lineEnd = code.indexOf('\n', lineStart);
    const found = ours
      .filter((d) => d.start! >= lineStart && d.start! < lineEnd)
      .map((d) => d.code)
      .sort();
    const error = catalog.getError(statement.id);
    const extraOnly = error !== undefined && statement.placeholders > catalog.placeholderCount(error);
    const expected = expectedFindings(catalog, statement)
      .filter((rule) => !(extraOnly && rule === 'placeholder-count'))
      .map((rule) => CODES[rule])
      .sort();
    seen.oracleStatements++;
    expect({ line: statement.line, id: statement.id, found }).toEqual({
      line: statement.line,
      id: statement.id,
      found: expected,
    });
  }

  // Code fixes for each of the plugin's diagnostics: edits stay in the file, and TypeScript's own fixes are kept.
  for (const d of ours) {
    const [start, end] = [d.start!, d.start! + d.length!];
    const fixes = h.service.getCodeFixesAtPosition(file, start, end, [d.code], {}, {});
    const plain = h.original.getCodeFixesAtPosition(file, start, end, [d.code], {}, {});
    seen.fixes += fixes.length - plain.length;
    expect(fixes.map((f) => f.description)).toEqual(expect.arrayContaining(plain.map((f) => f.description)));
    for (const fix of fixes)
      for (const change of fix.changes)
        for (const edit of change.textChanges)
          spanInside(edit.span, lengthOf(change.fileName), `fix ${fix.description}`);
  }

  const { all: offsets, inLiterals } = offsetsOf(code);
  for (const offset of offsets) {
    const completions = h.service.getCompletionsAtPosition(file, offset, {});
    const plainCompletions = h.original.getCompletionsAtPosition(file, offset, {});
    if (plainCompletions) {
      expect(completions, `completions at ${offset}`).toBeDefined();
      const names = new Set(completions!.entries.map((e) => e.name));
      const missing = plainCompletions.entries.map((e) => e.name).filter((name) => !names.has(name));
      expect({ offset, missing }).toEqual({ offset, missing: [] });
    }
    if (completions?.entries.some((e) => e.labelDetails?.description !== undefined && e.replacementSpan !== undefined))
      seen.completions++;
    if (completions) {
      spanInside(completions.optionalReplacementSpan, size, `completion span at ${offset}`);
      for (const entry of completions.entries)
        spanInside(entry.replacementSpan, size, `completion ${entry.name} at ${offset}`);
      // The details of the plugin's own entries (the side panel of the list): the first and the last.
      const own = completions.entries.filter(
        (e) => e.replacementSpan !== undefined && e.labelDetails?.description !== undefined,
      );
      for (const entry of new Set([own[0], own[own.length - 1]])) {
        if (!entry) continue;
        const details = h.service.getCompletionEntryDetails(file, offset, entry.name, {}, entry.source, {}, entry.data);
        expect({ offset, name: entry.name, details: details !== undefined }).toEqual({
          offset,
          name: entry.name,
          details: true,
        });
      }
    }

    const info = h.service.getQuickInfoAtPosition(file, offset);
    const plainInfo = h.original.getQuickInfoAtPosition(file, offset);
    if (plainInfo) {
      expect(info, `quick info at ${offset}`).toBeDefined();
      expect(ts.displayPartsToString(info!.displayParts)).toContain(ts.displayPartsToString(plainInfo.displayParts));
      expect(ts.displayPartsToString(info!.documentation)).toContain(ts.displayPartsToString(plainInfo.documentation));
    }
    if (info?.displayParts?.some((p) => p.text.startsWith('(error'))) seen.quickInfos++;
    spanInside(info?.textSpan, size, `quick info at ${offset}`);

    const definition = h.service.getDefinitionAndBoundSpan(file, offset);
    const plainDefinition = h.original.getDefinitionAndBoundSpan(file, offset);
    if (plainDefinition?.definitions?.length) {
      const keys = new Set(
        (definition?.definitions ?? []).map((d) => `${d.fileName}@${d.textSpan.start}+${d.textSpan.length}`),
      );
      const missing = plainDefinition.definitions
        .map((d) => `${d.fileName}@${d.textSpan.start}+${d.textSpan.length}`)
        .filter((key) => !keys.has(key));
      expect({ offset, missing }).toEqual({ offset, missing: [] });
    }
    if (definition?.definitions?.some((d) => d.containerName === 'error catalog')) seen.definitions++;
    if (definition) {
      spanInside(definition.textSpan, size, `definition bound span at ${offset}`);
      for (const d of definition.definitions ?? [])
        spanInside(d.textSpan, lengthOf(d.fileName), `definition in ${d.fileName}`);
    }

    // References too (not in the list, but the same promise): every place TypeScript finds
    // is still found — by a span that contains it (TypeScript marks a literal's text, the plugin the literal).
    // Outside literals the plugin hands the request straight to TypeScript, and TypeScript's own
    // references are slow, so the default run asks only in and at the edges of literals.
    if (!EVERY_OFFSET && !inLiterals.has(offset)) continue;
    const references = h.service.findReferences(file, offset);
    const ownSpans = (references ?? []).flatMap((symbol) => symbol.references);
    const missingReferences = (h.original.findReferences(file, offset) ?? [])
      .flatMap((symbol) => symbol.references)
      .filter(
        (r) =>
          !ownSpans.some(
            (o) =>
              o.fileName === r.fileName &&
              o.textSpan.start <= r.textSpan.start &&
              r.textSpan.start + r.textSpan.length <= o.textSpan.start + o.textSpan.length,
          ),
      )
      .map((r) => `${r.fileName}@${r.textSpan.start}+${r.textSpan.length}`);
    expect({ offset, missingReferences }).toEqual({ offset, missingReferences: [] });
    for (const symbol of references ?? [])
      for (const r of symbol.references) spanInside(r.textSpan, lengthOf(r.fileName), `reference in ${r.fileName}`);
    if (references?.some((symbol) => symbol.definition.containerName === 'error catalog')) seen.references++;
  }

  // The plugin catches and logs its failures so the editor keeps working; in a test, a caught failure is a failure.
  expect(h.logs.slice(logged).filter((line) => / failed: /.test(line))).toEqual([]);
}

describe('fuzzing the TypeScript plugin', () => {
  it(`never throws, stays in the file, only adds to TypeScript's answers, and agrees with the oracle (${RUNS} programs as .ts/.tsx/.js/.jsx, as-is/CRLF/cut short, seed ${SEED}, ${EVERY_OFFSET ? 'every offset' : 'sampled offsets'})`, () => {
    // The same programs as .tsx, .js and .jsx too: JSX parsing changes how `<` and arrow functions
    // are scanned around the calls, and in JavaScript (checkJs) bindings and types come from inference.
    const extension = fc.constantFrom<Extension>('ts', 'tsx', 'js', 'jsx');
    fc.assert(fc.property(program, extension, variant, checkProgram), { numRuns: RUNS, seed: SEED });
    for (const [what, count] of Object.entries(seen))
      expect({ what, exercised: count > 0 }).toEqual({ what, exercised: true });
  }, 600_000);
});
