import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReference, getProject, setFreshnessInterval, SHIPPED_CATALOG } from '../../catalog/index';
import { tempDir } from '../support/temp-dir';
import { applyChanges, createHarness, flatten, marked, ownDiagnostics, type Harness } from './harness';

const FIXTURE_CATALOG = resolve(__dirname, 'fixtures', 'catalog');
const CONFIG = { catalog: [SHIPPED_CATALOG, FIXTURE_CATALOG] };

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.dispose());

function harnessWith(files: Record<string, string>, config: Record<string, unknown> = CONFIG): Harness {
  return createHarness(dir.dir, config, files);
}

describe('diagnostics', () => {
  it('reports unknown, deprecated and placeholder findings with the shared wording at the shared positions', () => {
    const text = [
      "getError('security.token.invalidd');",
      "getError('security.role.invalid_controller', 'x');",
      "getError('api.request.too_large', 10);",
      "getError('security.token.invalid');",
      "kerror.get('security', 'tokn', 'invalid');",
    ].join('\n');
    const h = harnessWith({ 'a.ts': text });
    const diagnostics = ownDiagnostics(h.service, h.path('a.ts'));
    const shown = diagnostics.map((d) => ({
      code: d.code,
      category: d.category,
      text: text.slice(d.start, d.start! + d.length!),
      message: d.messageText,
    }));
    expect(shown).toEqual([
      {
        code: 93001,
        category: ts.DiagnosticCategory.Error,
        text: "'security.token.invalidd'",
        message: expect.stringContaining("Did you mean 'security.token.invalid'") as unknown,
      },
      {
        code: 93002,
        category: ts.DiagnosticCategory.Warning,
        text: "'security.role.invalid_controller'",
        message: expect.stringContaining("use 'security.role.unknown_controller' instead") as unknown,
      },
      {
        code: 93003,
        category: ts.DiagnosticCategory.Error,
        text: "'api.request.too_large'",
        message: expect.stringContaining('has 2 placeholder(s)') as unknown,
      },
      {
        code: 93001,
        category: ts.DiagnosticCategory.Error,
        text: "'tokn'",
        message: expect.stringContaining("Unknown subdomain 'tokn'") as unknown,
      },
    ]);
    expect(diagnostics.every((d) => d.source === 'error-catalog')).toBe(true);
    expect(diagnostics[1]!.reportsDeprecated).toBeDefined();
  });

  it('rewrites a literal under as const, ! or parentheses in place', () => {
    const text = "getError(('security.role.invalid_controller' as const), 'x');";
    const h = harnessWith({ 'as.ts': text });
    const [diagnostic] = ownDiagnostics(h.service, h.path('as.ts'));
    expect(text.slice(diagnostic!.start, diagnostic!.start! + diagnostic!.length!)).toBe(
      "'security.role.invalid_controller'",
    );
    const [fix] = h.service.getCodeFixesAtPosition(
      h.path('as.ts'),
      diagnostic!.start!,
      diagnostic!.start!,
      [93002],
      {},
      {},
    );
    expect(applyChanges(text, fix!.changes[0]!.textChanges)).toBe(
      "getError(('security.role.unknown_controller' as const), 'x');",
    );
    expect(h.service.getQuickInfoAtPosition(h.path('as.ts'), text.indexOf('role'))).toBeDefined();
  });

  it('takes the severity of each kind from the plugin options', () => {
    const text = "getError('security.role.invalid_controller');\ngetError('security.token.nope');";
    const h = harnessWith(
      { 'sev.ts': text },
      { ...CONFIG, severity: { deprecated: 'error', placeholders: 'off', unknown: 'suggestion' } },
    );
    expect(ownDiagnostics(h.service, h.path('sev.ts')).map((d) => [d.code, d.category])).toEqual([
      [93002, ts.DiagnosticCategory.Error],
      [93001, ts.DiagnosticCategory.Suggestion],
    ]);
  });

  it('says exactly what checkReference says (the ESLint rules render the same findings)', () => {
    const text = "getError('security.tokn.invalid');";
    const h = harnessWith({ 'b.ts': text });
    const [diagnostic] = ownDiagnostics(h.service, h.path('b.ts'));
    const project = getProject({ file: h.path('b.ts'), inline: CONFIG, baseDir: dir.dir });
    const range = [9, 32] as const;
    const [finding] = checkReference(
      {
        form: 'dotted',
        range: [0, 33],
        id: { kind: 'static', value: 'security.tokn.invalid', range, literal: true, editable: true },
        placeholders: { count: 0 },
      },
      project.catalog!,
    );
    expect(diagnostic?.messageText).toBe(finding?.message);
    expect([diagnostic?.start, diagnostic!.start! + diagnostic!.length!]).toEqual(range);
  });

  it('recognises imports, requires, wrappers, constants and throw new in .ts, .tsx, .js and .jsx', () => {
    const files = {
      'imp.ts':
        "import * as kerror from './lib/kerror';\nconst tokenError = kerror.wrap('security', 'token');\ntokenError.get('nope');\nconst ID = 'security.' + 'token.gone';\nthrow new ApiError(ID);\n",
      'req.js':
        "const errors = require('../lib/kerror');\nerrors.get('security', 'token', 'nope');\nconst { get } = require('./kerror');\nget('security', 'tokn', 'invalid');\n",
      'view.tsx': 'export const View = () => <div>{getError(`security.token.nope`)}</div>;\n',
      'view.jsx': "export const View = () => <div>{(0, errors.getError)('security.token.nope')}</div>;\n",
      'local.ts':
        "function f(kerror: { get(...a: string[]): void }) { kerror.get('security', 'token', 'nope'); }\nnew Error('security.token.nope');\n",
    };
    const h = harnessWith(files);
    const texts = (name: string): string[] =>
      ownDiagnostics(h.service, h.path(name)).map((d) =>
        files[name as keyof typeof files].slice(d.start, d.start! + d.length!),
      );
    expect(texts('imp.ts')).toEqual(["'nope'", 'ID']);
    expect(texts('req.js')).toEqual(["'nope'", "'tokn'"]);
    expect(texts('view.tsx')).toEqual(['`security.token.nope`']);
    expect(texts('view.jsx')).toEqual(["'security.token.nope'"]);
    // A parameter named kerror is not the module; `new` outside `throw` is not a reference.
    expect(texts('local.ts')).toEqual([]);
  });
});

describe('completions', () => {
  it('offers every id inside getError, deprecated last with the deprecated modifier, replacing the whole literal text', () => {
    const { text, at } = marked("getError('|');");
    const h = harnessWith({ 'c.ts': text });
    const info = h.service.getCompletionsAtPosition(h.path('c.ts'), at, undefined)!;
    const names = info.entries.map((e) => e.name);
    expect(names).toContain('security.token.invalid');
    expect(names).toContain('api.request.too_large');
    const deprecated = info.entries.filter((e) => e.kindModifiers === 'deprecated').map((e) => e.name);
    expect(deprecated).toEqual(
      expect.arrayContaining([
        'security.role.invalid_controller',
        'security.role.missing_policies',
        'api.legacy.old_format',
      ]),
    );
    const firstDeprecated = info.entries.findIndex((e) => e.kindModifiers === 'deprecated');
    expect(info.entries.slice(firstDeprecated).every((e) => e.kindModifiers === 'deprecated')).toBe(true);
    const sorted = [...info.entries].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    expect(sorted.map((e) => e.name)).toEqual(names);
    expect(info.entries[0]!.replacementSpan).toEqual({ start: at, length: 0 });
    expect(info.entries.find((e) => e.name === 'security.token.invalid')!.labelDetails?.description).toMatch(
      /^0x07010001 Invalid authentication token/,
    );
  });

  it("replaces what was typed: getError('security.to|')", () => {
    const { text, at } = marked("getError('security.to|');");
    const h = harnessWith({ 'd.ts': text });
    const info = h.service.getCompletionsAtPosition(h.path('d.ts'), at, undefined)!;
    expect(info.entries.map((e) => e.name)).toContain('security.token.expired');
    expect(info.entries.every((e) => e.name.startsWith('security.'))).toBe(true);
    expect(info.entries[0]!.replacementSpan).toEqual({ start: 10, length: 'security.to'.length });
  });

  it('completes each part of the split form from the parts before it, and a wrapper from its subdomain', () => {
    const cases: Array<[string, string, string]> = [
      ["kerror.get('|');", 'security', 'domain'],
      ["kerror.get('security', '|');", 'token', 'subdomain'],
      ["kerror.get('security', 'token', 'inv|');", 'invalid', 'error'],
      ["const tokenError = kerror.wrap('security', 'token');\ntokenError.get('|');", 'expired', 'error'],
      ["kerror.wrap('security', '|');", 'credentials', 'wrap subdomain'],
      [
        "getError('security.token.invalid', 'unterminated');\nkerror.get('security', 'to|",
        'token',
        'unterminated subdomain',
      ],
    ];
    for (const [source, expected, what] of cases) {
      const { text, at } = marked(source);
      const h = harnessWith({ 'e.ts': text });
      const info = h.service.getCompletionsAtPosition(h.path('e.ts'), at, undefined);
      expect(
        info?.entries.map((e) => e.name),
        what,
      ).toContain(expected);
      expect(
        info?.entries.some((e) => e.name.includes('.')),
        what,
      ).toBe(false);
    }
  });

  it('completes a literal being typed in the middle of a file, before valid code and after a broken statement', () => {
    const cases: Array<[string, string]> = [
      [
        "const a = 1;\ngetError('security.to|\nfunction later() { return kerror.get('security', 'token', 'invalid'); }\n",
        'mid-file',
      ],
      ["kerror.get('security', (;\ngetError('security.to|\nconst after = 2;\n", 'after a broken statement'],
      ["getError('security.to|');\nconst broken = (;\n", 'before a broken statement'],
    ];
    for (const [source, what] of cases) {
      const { text, at } = marked(source);
      const h = harnessWith({ 'typing.ts': text });
      const info = h.service.getCompletionsAtPosition(h.path('typing.ts'), at, undefined);
      expect(
        info?.entries.map((e) => e.name),
        what,
      ).toContain('security.token.expired');
      expect(info?.entries[0]!.replacementSpan, what).toEqual({
        start: text.indexOf("'security.to") + 1,
        length: 'security.to'.length,
      });
    }
  });

  it('keeps the findings of the rest of a file while one statement does not parse', () => {
    const text = "getError('security.token.expird');\nconst broken = (;\ngetError('security.token.nope');\n";
    const h = harnessWith({ 'broken.ts': text });
    const found = ownDiagnostics(h.service, h.path('broken.ts')).map((d) => d.start);
    expect(found).toEqual([text.indexOf("'security.token.expird'"), text.indexOf("'security.token.nope'")]);
  });

  it('gives documentation with message and hex code in the entry details', () => {
    const { text, at } = marked("getError('|');");
    const h = harnessWith({ 'f.ts': text });
    const details = h.service.getCompletionEntryDetails(
      h.path('f.ts'),
      at,
      'security.role.invalid_controller',
      undefined,
      undefined,
      undefined,
      undefined,
    )!;
    const docs = flatten(details.documentation);
    expect(flatten(details.displayParts)).toContain('0x07050006');
    expect(docs).toContain('Unknown controller "`%s`"');
    expect(docs).toContain('Deprecated** since 2.1.0');
    expect(details.kindModifiers).toBe('deprecated');
  });

  it('completes a large catalog segment by segment, never sending more than one level', () => {
    // 4 domains × 10 subdomains × 50 errors: more ids than one answer may hold (300).
    const big = tempDir();
    for (let d = 0; d < 4; d++) {
      const subDomains: Record<string, unknown> = {};
      for (let s = 0; s < 10; s++) {
        const errors: Record<string, unknown> = {};
        for (let e = 1; e <= 50; e++)
          errors[`e${e}`] = {
            code: e,
            message: `Message ${e}`,
            description: `Description ${e}`,
            class: 'BadRequestError',
          };
        subDomains[`s${s}`] = { code: s, errors };
      }
      big.write(`${d}-d${d}.json`, JSON.stringify({ code: d, subDomains }));
    }
    const levels: Array<[string, string[], boolean]> = [
      ["getError('|');", ['d0.', 'd1.', 'd2.', 'd3.'], true],
      ["getError('d1.s|');", ['d1.s0.', 'd1.s9.'], true],
      ["getError('d1.s2.e|');", ['d1.s2.e1', 'd1.s2.e50'], false],
    ];
    for (const [source, expected, incomplete] of levels) {
      const { text, at } = marked(source);
      const h = createHarness(big.dir, { catalog: big.dir }, { 'big.ts': text });
      const info = h.service.getCompletionsAtPosition(h.path('big.ts'), at, undefined)!;
      expect(info.entries.map((e) => e.name)).toEqual(expect.arrayContaining(expected));
      expect(info.entries.length).toBeLessThanOrEqual(50);
      expect(info.isIncomplete === true).toBe(incomplete);
    }
    big.dispose();
  });

  it('reaches errors past the cap of a large subdomain by what is typed', () => {
    const wide = tempDir();
    const errors: Record<string, unknown> = {};
    for (let e = 1; e <= 400; e++)
      errors[`e${e}`] = { code: e, message: `Message ${e}`, description: `Description ${e}`, class: 'BadRequestError' };
    wide.write('1-wide.json', JSON.stringify({ code: 1, subDomains: { s: { code: 1, errors } } }));
    for (const [source, expected] of [
      ["getError('wide.s.e39|');", 'wide.s.e399'],
      ["kerror.get('wide', 's', 'e39|');", 'e399'],
    ] as const) {
      const { text, at } = marked(source);
      const h = createHarness(wide.dir, { catalog: wide.dir }, { 'wide.ts': text });
      const info = h.service.getCompletionsAtPosition(h.path('wide.ts'), at, undefined)!;
      expect(info.entries.map((e) => e.name)).toContain(expected);
      expect(info.entries.length).toBe(300);
      expect(info.isIncomplete).toBe(true);
    }
    wide.dispose();
  });

  it("keeps TypeScript's own completions outside id literals", () => {
    const { text, at } = marked('const value = 1;\nval|');
    const h = harnessWith({ 'g.ts': text });
    const info = h.service.getCompletionsAtPosition(h.path('g.ts'), at, undefined);
    expect(info?.entries.some((e) => e.name === 'value')).toBe(true);
  });
});

describe('hover', () => {
  it('describes the error of an id literal in markdown', () => {
    const text = "getError('security.role.invalid_controller', 'x');";
    const h = harnessWith({ 'h.ts': text });
    const info = h.service.getQuickInfoAtPosition(h.path('h.ts'), 15)!;
    expect(flatten(info.displayParts)).toBe('(error) security.role.invalid_controller: 0x07050006');
    const docs = flatten(info.documentation);
    expect(docs).toContain('BadRequestError · HTTP 400');
    expect(docs).toContain('**Message:** Unknown controller "`%s`" _(1 placeholder)_');
    expect(docs).toContain('Trying to set a role with a non-existing controller');
    expect(docs).toContain('Use `security.role.unknown_controller` instead.');
    expect(info.textSpan).toEqual({ start: 9, length: text.indexOf(',') - 9 });
    expect(info.kindModifiers).toBe('deprecated');
  });

  it('describes the whole error from any part of a split id, and a subdomain from a wrap()', () => {
    const text =
      "kerror.get('api', 'legacy', 'old_format');\nconst requestError = kerror.wrap('api', 'request');\nrequestError.get('too_large', 1, 2);";
    const h = harnessWith({ 'i.ts': text });
    const onDomain = h.service.getQuickInfoAtPosition(h.path('i.ts'), text.indexOf("'api'") + 1)!;
    expect(flatten(onDomain.displayParts)).toBe('(error) api.legacy.old_format: 0x08020001');
    expect(flatten(onDomain.documentation)).toContain('its subdomain `api.legacy` is deprecated');
    const onWrap = h.service.getQuickInfoAtPosition(h.path('i.ts'), text.indexOf("'request'") + 2)!;
    expect(flatten(onWrap.displayParts)).toBe('(error subdomain) api.request');
    const onWrapped = h.service.getQuickInfoAtPosition(h.path('i.ts'), text.indexOf("'too_large'") + 2)!;
    expect(flatten(onWrapped.displayParts)).toBe('(error) api.request.too_large: 0x08010001');
  });
});

describe('quick fixes', () => {
  it('replaces an unknown id with each did-you-mean candidate and a deprecated one with its replacement', () => {
    const text =
      "getError('security.token.invalidd');\ngetError('security.role.invalid_controller', 'x');\nkerror.get('security', 'tokn', 'invalid');";
    const h = harnessWith({ 'j.ts': text });
    const diagnostics = ownDiagnostics(h.service, h.path('j.ts'));
    const fixesFor = (d: ts.Diagnostic): string[] =>
      h.service
        .getCodeFixesAtPosition(h.path('j.ts'), d.start!, d.start! + d.length!, [d.code], {}, {})
        .map(
          (fix) =>
            applyChanges(text, fix.changes[0]!.textChanges).split('\n')[text.slice(0, d.start).split('\n').length - 1]!,
        );
    expect(fixesFor(diagnostics[0]!)).toContain("getError('security.token.invalid');");
    expect(fixesFor(diagnostics[1]!)).toEqual(["getError('security.role.unknown_controller', 'x');"]);
    expect(fixesFor(diagnostics[2]!)).toContain("kerror.get('security', 'token', 'invalid');");
    const action = h.service.getCodeFixesAtPosition(
      h.path('j.ts'),
      diagnostics[1]!.start!,
      diagnostics[1]!.start!,
      [93002],
      {},
      {},
    )[0]!;
    // invalid_controller ("%s") → unknown_controller (none): the description says how many arguments it takes.
    expect(action.description).toBe(
      "Replace with 'security.role.unknown_controller', then adjust the arguments: its message takes 0 placeholder(s), not 1.",
    );
    expect(h.service.getSupportedCodeFixes(h.path('j.ts'))).toEqual(expect.arrayContaining(['93001', '93002']));
    expect(ts.getSupportedCodeFixes()).toEqual(expect.arrayContaining(['93001', '93002']));
  });
});

describe('after an edit', () => {
  it('moves diagnostics and fixes with the code (findings are reused by shape)', () => {
    const line = "getError('security.token.invalidd');";
    const h = harnessWith({ 'q.ts': line });
    const first = ownDiagnostics(h.service, h.path('q.ts'))[0]!;
    const moved = `const padding = 1;\n${line}`;
    h.set('q.ts', moved);
    const second = ownDiagnostics(h.service, h.path('q.ts'))[0]!;
    expect(second.start).toBe(first.start! + 19);
    expect(second.messageText).toBe(first.messageText);
    const [fix] = h.service.getCodeFixesAtPosition(
      h.path('q.ts'),
      second.start!,
      second.start! + second.length!,
      [93001],
      {},
      {},
    );
    expect(applyChanges(moved, fix!.changes[0]!.textChanges)).toBe(
      "const padding = 1;\ngetError('security.token.invalid');",
    );
  });
});

describe('find references', () => {
  it('finds every call naming the same error, whatever its form', () => {
    const files = {
      'r1.ts': "getError('security.token.expired');\ngetError('security.token.invalid');",
      'r2.js': "kerror.get('security', 'token', 'expired');",
      'r3.ts': "const tokenError = kerror.wrap('security', 'token');\ntokenError.reject('expired');",
    };
    const h = harnessWith(files);
    const [symbol] = h.service.findReferences(h.path('r1.ts'), 12)!;
    const found = symbol!.references.map((r) => [
      r.fileName.slice(dir.dir.length + 1),
      files[r.fileName.slice(dir.dir.length + 1) as keyof typeof files].slice(
        r.textSpan.start,
        r.textSpan.start + r.textSpan.length,
      ),
    ]);
    expect(found).toEqual([
      ['r1.ts', "'security.token.expired'"],
      ['r2.js', "'expired'"],
      ['r3.ts', "'expired'"],
    ]);
    expect(symbol!.definition.name).toBe('security.token.expired');
    expect(h.service.getReferencesAtPosition(h.path('r2.js'), files['r2.js'].indexOf('expired'))).toHaveLength(3);
  });
});

describe('go to definition', () => {
  it('goes from an id literal to the key of its error in the catalog JSON', () => {
    const text = "getError('security.token.expired');\nkerror.get('api', 'request', 'missing_field');";
    const h = harnessWith({ 'k.ts': text });
    const result = h.service.getDefinitionAndBoundSpan(h.path('k.ts'), 12)!;
    const [definition] = result.definitions!;
    expect(definition!.fileName).toBe(join(SHIPPED_CATALOG, '07-security.json'));
    const json = ts.sys.readFile(definition!.fileName)!;
    expect(json.slice(definition!.textSpan.start, definition!.textSpan.start + definition!.textSpan.length)).toBe(
      '"expired"',
    );
    expect(result.textSpan).toEqual({ start: 9, length: "'security.token.expired'".length });
    const onSubdomain = h.service.getDefinitionAndBoundSpan(h.path('k.ts'), text.indexOf("'request'") + 1)!
      .definitions![0]!;
    const fixture = ts.sys.readFile(onSubdomain.fileName)!;
    expect(fixture.slice(onSubdomain.textSpan.start, onSubdomain.textSpan.start + onSubdomain.textSpan.length)).toBe(
      '"request"',
    );
  });
});

describe('live catalog and failures', () => {
  it('picks up a catalog edit, and keeps serving the last good catalog while the catalog is broken', () => {
    setFreshnessInterval(0);
    try {
      const catalogDir = tempDir({
        '09-live.json': JSON.stringify({
          code: 9,
          subDomains: {
            one: {
              code: 1,
              errors: { first: { code: 1, message: 'First', description: 'First', class: 'BadRequestError' } },
            },
          },
        }),
      });
      const text = "getError('live.one.first');\ngetError('live.one.second');";
      const h = harnessWith({ 'l.ts': text }, { catalog: catalogDir.dir });
      expect(ownDiagnostics(h.service, h.path('l.ts')).map((d) => d.code)).toEqual([93001]);

      catalogDir.write(
        '09-live.json',
        JSON.stringify({
          code: 9,
          subDomains: {
            one: {
              code: 1,
              errors: {
                first: { code: 1, message: 'First', description: 'First', class: 'BadRequestError' },
                second: { code: 2, message: 'Second', description: 'Second', class: 'BadRequestError' },
              },
            },
          },
        }),
      );
      expect(ownDiagnostics(h.service, h.path('l.ts'))).toEqual([]);

      catalogDir.write('09-live.json', '{ "code": 9, "subDomains": ');
      const broken = ownDiagnostics(h.service, h.path('l.ts'));
      expect(broken.map((d) => d.code)).toEqual([93004]);
      expect(broken[0]!.messageText).toMatch(/^The error catalog cannot be used: .*09-live\.json:1:\d+: invalid JSON/);
      expect(broken[0]!.start).toBe(0);
      // The last good catalog still knows 'live.one.second'.
      expect(h.service.getQuickInfoAtPosition(h.path('l.ts'), text.indexOf('second'))).toBeDefined();
      expect(h.logs.some((line) => line.includes('serving the last good catalog'))).toBe(true);
      catalogDir.dispose();
    } finally {
      setFreshnessInterval(500);
    }
  });

  it("returns the language service's own answer and logs when the plugin fails", () => {
    const { text, at } = marked("const value = 1;\ngetError('security.|');\nval");
    const h = harnessWith({ 'm.ts': text });
    const expected = h.original.getCompletionsAtPosition(h.path('m.ts'), text.length, undefined);
    (h.original as { getProgram: () => ts.Program | undefined }).getProgram = () => {
      throw new Error('boom');
    };
    expect(h.service.getCompletionsAtPosition(h.path('m.ts'), text.length, undefined)?.entries.length).toBe(
      expected?.entries.length,
    );
    expect(() => h.service.getCompletionsAtPosition(h.path('m.ts'), at, undefined)).not.toThrow();
    expect(() => h.service.getSemanticDiagnostics(h.path('m.ts'))).not.toThrow();
    expect(() => h.service.getQuickInfoAtPosition(h.path('m.ts'), at)).not.toThrow();
    expect(h.logs.some((line) => line.includes('completions failed: Error: boom'))).toBe(true);
  });

  it('follows a configurePlugin request (onConfigurationChanged)', () => {
    const h = harnessWith({ 'cfg.ts': "getError('api.request.too_large', 1, 2);" });
    expect(ownDiagnostics(h.service, h.path('cfg.ts'))).toEqual([]);
    h.plugin.onConfigurationChanged!({ catalog: SHIPPED_CATALOG });
    expect(ownDiagnostics(h.service, h.path('cfg.ts')).map((d) => d.messageText)).toEqual([
      expect.stringContaining("Unknown error domain 'api'"),
    ]);
  });

  it('reports a missing config only on files that raise errors', () => {
    const lonely = tempDir();
    const h = createHarness(
      lonely.dir,
      {},
      { 'n.ts': "getError('security.token.invalid');", 'o.ts': 'export const x = 1;' },
    );
    expect(ownDiagnostics(h.service, h.path('n.ts')).map((d) => d.messageText)).toEqual([
      expect.stringContaining('no error-catalog.config.json found'),
    ]);
    expect(ownDiagnostics(h.service, h.path('o.ts'))).toEqual([]);
    lonely.dispose();
  });

  it('watches the catalog through the server host and re-checks open files on a change', () => {
    const watched = new Map<string, (changed: string) => void>();
    const serverHost = {
      watchFile: (path: string, callback: (changed: string) => void) => (
        watched.set(path, callback),
        { close: () => watched.delete(path) }
      ),
      watchDirectory: (path: string, callback: (changed: string) => void) => (
        watched.set(path, callback),
        { close: () => watched.delete(path) }
      ),
    };
    const h = createHarness(dir.dir, CONFIG, { 'p.ts': '' }, serverHost);
    // Catalog directories are watched as directories, not file by file.
    expect([...watched.keys()]).toEqual(expect.arrayContaining([SHIPPED_CATALOG, FIXTURE_CATALOG]));
    expect([...watched.keys()]).not.toContain(join(SHIPPED_CATALOG, '07-security.json'));
    const api = join(FIXTURE_CATALOG, '08-api.json');
    watched.get(FIXTURE_CATALOG)!(api);
    expect(h.logs).toContain('refreshDiagnostics');
    // tsserver is not asked to load the catalog files into the project (that costs hundreds of MiB).
    expect('getExternalFiles' in h.plugin).toBe(false);
  });

  it("reloads on the watcher's word, without waiting for the freshness interval", () => {
    setFreshnessInterval(60_000);
    try {
      const entry = (name: string) => ({
        [name]: { code: 1, message: 'M', description: 'D', class: 'BadRequestError' },
      });
      const catalogDir = tempDir({
        '5-watched.json': JSON.stringify({ code: 5, subDomains: { one: { code: 1, errors: entry('first') } } }),
      });
      const watched = new Map<string, (changed: string) => void>();
      const serverHost = {
        watchFile: (path: string, callback: (changed: string) => void) => (watched.set(path, callback), { close() {} }),
        watchDirectory: (path: string, callback: (changed: string) => void) => (
          watched.set(path, callback),
          { close() {} }
        ),
      };
      const h = createHarness(
        dir.dir,
        { catalog: catalogDir.dir },
        { 'w.ts': "getError('watched.one.second');" },
        serverHost,
      );
      expect(ownDiagnostics(h.service, h.path('w.ts'))).toHaveLength(1);
      const file = catalogDir.write(
        '5-watched.json',
        JSON.stringify({
          code: 5,
          subDomains: {
            one: {
              code: 1,
              errors: {
                ...entry('first'),
                second: { code: 2, message: 'S', description: 'S', class: 'BadRequestError' },
              },
            },
          },
        }),
      );
      // Within the freshness interval the cached catalog is still trusted…
      expect(ownDiagnostics(h.service, h.path('w.ts'))).toHaveLength(1);
      // …until the watcher reports the change.
      watched.get(catalogDir.dir)!(file);
      expect(ownDiagnostics(h.service, h.path('w.ts'))).toEqual([]);
      catalogDir.dispose();
    } finally {
      setFreshnessInterval(500);
    }
  });
});
