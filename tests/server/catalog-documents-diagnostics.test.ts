import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clearProjectCache, findDuplicateKeys, getProject, loadCatalog } from '../../catalog';
import { catalogDocumentDiagnostics } from '../../server/catalog-documents';
import { tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => d.dispose());
  clearProjectCache();
});

const BROKEN = join(__dirname, '..', 'cli', 'fixtures', 'check', 'broken', 'errors');

function workspace(files: Record<string, string>) {
  const d = tempDir({ 'error-catalog.config.json': JSON.stringify({ catalog: 'errors' }), ...files });
  dirs.push(d);
  return { ...d, project: () => getProject({ file: d.path('src/app.ts') }) };
}

/** The range of the `nth` occurrence of `needle` in `text` (0-based lines and characters). */
function rangeOf(text: string, needle: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not found`);
  const document = TextDocument.create('file:///x.json', 'json', 0, text);
  return { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
}

const entry = (code: number, extra = '') =>
  `{ "code": ${code}, "message": "M", "description": "D", "class": "NotFoundError"${extra} }`;
const API = `{
  "code": 1,
  "subDomains": {
    "auth": {
      "code": 1,
      "errors": {
        "expired": ${entry(1)},
        "gone": ${entry(2)}
      }
    }
  }
}
`;
const STORAGE = `{
  "code": 2,
  "subDomains": {
    "disk": {
      "code": 1,
      "errors": {
        "full": ${entry(1, ', "deprecated": "1.0.0", "replacedBy": "api.auth.expired"')}
      }
    }
  }
}
`;

describe('catalogDocumentDiagnostics', () => {
  it('reports nothing for a valid file, nor for a file outside the catalog', () => {
    const w = workspace({ 'errors/1-api.json': API, 'errors/2-storage.json': STORAGE, 'other.json': '{' });
    expect(catalogDocumentDiagnostics(API, w.path('errors/1-api.json'), w.project())).toEqual([]);
    expect(catalogDocumentDiagnostics('{', w.path('other.json'), w.project())).toEqual([]);
  });

  it('reports exactly what `check` reports for a file, from the unsaved text, with the token’s range', () => {
    // The fixture of `error-catalog check`'s tests: duplicate key, unknown classes, a bad name.
    const text = readFileSync(join(BROKEN, '1-api.json'), 'utf8');
    const w = workspace({
      'errors/1-api.json': API,
      'errors/2-auth.json': readFileSync(join(BROKEN, '2-auth.json'), 'utf8'),
    });
    const diagnostics = catalogDocumentDiagnostics(text, w.path('errors/1-api.json'), w.project());

    const checked = loadCatalog(BROKEN).problems.filter((p) => p.file.endsWith('1-api.json'));
    const expected = [...checked, ...findDuplicateKeys('1-api.json', text)].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
    expect(diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual(
      expected.map((p) => [p.line, p.column, p.message]),
    );
    expect(diagnostics.map((d) => [d.range, d.message])).toEqual([
      [
        rangeOf(text, '"TeapotError"'),
        "unknown error class 'TeapotError' (add it to 'classes' in error-catalog.config.json)",
      ],
      [
        rangeOf(text, '"too_big"', 1),
        "duplicate key 'too_big' (first defined on line 7); JSON keeps only the last one",
      ],
      [
        rangeOf(text, '"BadName"'),
        "error name 'BadName' is not snake_case (lower-case letters, digits and single underscores)",
      ],
      [
        rangeOf(text, '"CoffeeError"'),
        "unknown error class 'CoffeeError' (add it to 'classes' in error-catalog.config.json)",
      ],
    ]);
    expect(diagnostics.every((d) => d.severity === DiagnosticSeverity.Error && d.source === 'error-catalog')).toBe(
      true,
    );
  });

  it('checks the unsaved text against the other files on disk (replacedBy, duplicate codes)', () => {
    const w = workspace({ 'errors/1-api.json': API, 'errors/2-storage.json': STORAGE });
    const edited = STORAGE.replace('"api.auth.expired"', '"api.auth.expird"');
    expect(catalogDocumentDiagnostics(edited, w.path('errors/2-storage.json'), w.project())).toEqual([
      {
        range: rangeOf(edited, '"api.auth.expird"'),
        severity: DiagnosticSeverity.Error,
        source: 'error-catalog',
        message: "replacedBy 'api.auth.expird' is not a known error id",
      },
    ]);
    // Renaming the target in the other (unsaved) document reports the problem where it is: in storage, not api.
    const renamed = API.replace('"expired":', '"expiry":');
    expect(catalogDocumentDiagnostics(renamed, w.path('errors/1-api.json'), w.project())).toEqual([]);
    const sameCode = API.replace(entry(2), entry(1));
    expect(
      catalogDocumentDiagnostics(sameCode, w.path('errors/1-api.json'), w.project()).map((d) => d.message),
    ).toEqual(["duplicate error code 1 in 'api.auth': already used by 'expired'"]);
  });

  it('reports a domain already defined by an earlier file at the later file', () => {
    const w = workspace({ 'errors/1-api.json': API, 'errors/2-storage.json': STORAGE });
    const clash = STORAGE.replace('"code": 2', '"code": 1');
    expect(catalogDocumentDiagnostics(clash, w.path('errors/2-storage.json'), w.project())).toMatchObject([
      {
        range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } },
        message: 'domain code 1 does not match the file name prefix 2',
      },
      { message: "duplicate domain code 1: already used by domain 'api'" },
    ]);
  });

  it('reports one JSON syntax error at the token where it is', () => {
    const w = workspace({ 'errors/1-api.json': API });
    const broken = API.replace('"gone": {', '"gone" {');
    expect(catalogDocumentDiagnostics(broken, w.path('errors/1-api.json'), w.project())).toEqual([
      {
        range: rangeOf(broken, '{', 5),
        severity: DiagnosticSeverity.Error,
        source: 'error-catalog',
        message: 'invalid JSON: colon expected',
      },
    ]);
    const truncated = API.slice(0, API.indexOf('"gone"'));
    const [atEnd] = catalogDocumentDiagnostics(truncated, w.path('errors/1-api.json'), w.project());
    expect(atEnd!.message).toMatch(/^invalid JSON: /);
    expect(atEnd!.range.start).toEqual(atEnd!.range.end);
  });

  it('checks a domain of a single-file catalog with CRLF line endings', () => {
    const text = `{\r\n  "api": {\r\n    "code": 1,\r\n    "subDomains": { "a": { "code": 1, "errors": { "x": ${entry(0)} } } }\r\n  }\r\n}\r\n`;
    const d = tempDir({ 'error-catalog.config.json': JSON.stringify({ catalog: 'errors.json' }), 'errors.json': text });
    dirs.push(d);
    const diagnostics = catalogDocumentDiagnostics(text, d.path('errors.json'), getProject({ file: d.path('a.ts') }));
    expect(text.split('\r\n')[3]!.indexOf('0')).toBe(65);
    expect(diagnostics).toMatchObject([
      {
        // Line 3 (0-based) once "\r\n" is one line break; the code is the first 0 in the text.
        range: { start: { line: 3, character: 65 }, end: { line: 3, character: 66 } },
        message: 'error code 0 is out of range (1–65535)',
      },
    ]);
  });
});
