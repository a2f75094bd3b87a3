import { afterEach, describe, expect, it } from 'vitest';
import { CompletionItemKind, DiagnosticSeverity, DiagnosticTag, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clearProjectCache, getProject } from '../../catalog';
import {
  catalogDocumentCompletion,
  catalogDocumentHover,
  catalogKeyAt,
  unusedErrorHints,
  WHOLE_ID_LIMIT,
} from '../../server/catalog-documents';
import { tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => d.dispose());
  clearProjectCache();
});

function workspace(files: Record<string, string>, classes: Record<string, number> = {}) {
  const d = tempDir({ 'error-catalog.config.json': JSON.stringify({ catalog: 'errors', classes }), ...files });
  dirs.push(d);
  return { ...d, project: () => getProject({ file: d.path('src/app.ts') }) };
}

function rangeOf(text: string, needle: string) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  const document = TextDocument.create('file:///x.json', 'json', 0, text);
  return { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
}

/** The offset of `marker` in `text`, plus `delta`. */
function at(text: string, marker: string, delta = 0): number {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`${marker} not found`);
  return offset + delta;
}

const API = `{
  "code": 7,
  "subDomains": {
    "auth": {
      "code": 2,
      "errors": {
        "expired": { "code": 1, "message": "M", "description": "D", "class": "UnauthorizedError" },
        "old": { "code": 3, "message": "M", "description": "D", "class": "TeapotError", "deprecated": "1.0.0", "replacedBy": "api.auth.expired" },
        "gone": { "code": 4, "message": "M", "description": "D", "class": "NotFoundError" }
      }
    }
  }
}
`;

describe('catalogKeyAt', () => {
  it('names the error, subdomain or domain whose key is under the cursor, with the name’s range', () => {
    expect(catalogKeyAt(API, '/w/errors/7-api.json', at(API, '"expired"', 3))).toEqual({
      kind: 'error',
      domain: 'api',
      subdomain: 'auth',
      name: 'expired',
      range: [at(API, '"expired"', 1), at(API, '"expired"', 8)],
    });
    expect(catalogKeyAt(API, '/w/errors/7-api.json', at(API, '"auth"', 1))).toEqual({
      kind: 'subdomain',
      domain: 'api',
      subdomain: 'auth',
      range: [at(API, '"auth"', 1), at(API, '"auth"', 5)],
    });
  });

  it('names the domain key of a single-file catalog, and nothing on values or other keys', () => {
    const text = '{ "$schema": "x", "api": { "code": 1, "subDomains": {} } }';
    expect(catalogKeyAt(text, '/w/errors.json', at(text, '"api"', 2))).toEqual({
      kind: 'domain',
      domain: 'api',
      range: [at(text, '"api"', 1), at(text, '"api"', 4)],
    });
    expect(catalogKeyAt(text, '/w/errors.json', at(text, '"$schema"', 2))).toBeUndefined();
    expect(catalogKeyAt(API, '/w/errors/7-api.json', at(API, '"UnauthorizedError"', 2))).toBeUndefined();
    expect(catalogKeyAt(API, '/w/errors/7-api.json', at(API, '"message"', 2))).toBeUndefined();
    expect(catalogKeyAt(API, '/w/errors/7-api.json', at(API, '"subDomains"', 2))).toBeUndefined();
  });
});

describe('catalogDocumentHover', () => {
  it('shows an error’s id, hex code, class, HTTP status, deprecation and usage count', () => {
    const w = workspace({ 'errors/7-api.json': API }, { TeapotError: 418 });
    const file = w.path('errors/7-api.json');
    const hover = catalogDocumentHover(API, file, at(API, '"old"', 1), w.project(), (id) =>
      id === 'api.auth.old' ? 3 : undefined,
    );
    expect(hover).toEqual({
      contents: {
        kind: MarkupKind.Markdown,
        value: [
          '**api.auth.old** `0x07020003`',
          'class `TeapotError` — HTTP 418',
          'deprecated since 1.0.0, replaced by `api.auth.expired`',
          'used in 3 places in the workspace',
        ].join('\n\n'),
      },
      range: rangeOf(API, 'old'),
    });
    const unused = catalogDocumentHover(API, file, at(API, '"gone"', 1), w.project(), () => 0);
    expect(unused?.contents).toMatchObject({
      value: expect.stringContaining('\n\nnot used in the workspace') as unknown,
    });
    const unknown = catalogDocumentHover(API, file, at(API, '"gone"', 1), w.project(), () => undefined);
    expect(unknown?.contents).toMatchObject({
      value: expect.stringContaining('uses in the workspace: not counted yet') as unknown,
    });
  });

  it('reads the unsaved text, and hovers subdomains and nothing elsewhere', () => {
    const w = workspace({ 'errors/7-api.json': API });
    const file = w.path('errors/7-api.json');
    const edited = API.replace(
      '"code": 4, "message": "M", "description": "D", "class": "NotFoundError"',
      '"code": 300, "message": "M", "description": "D", "class": "Nope"',
    );
    expect(catalogDocumentHover(edited, file, at(edited, '"gone"', 1), w.project(), () => 1)?.contents).toEqual({
      kind: MarkupKind.Markdown,
      value: '**api.auth.gone** `0x0702012c`\n\nclass `Nope` — unknown class\n\nused in 1 place in the workspace',
    });
    expect(catalogDocumentHover(API, file, at(API, '"auth"', 1), w.project(), () => 1)?.contents).toEqual({
      kind: MarkupKind.Markdown,
      value: '**api.auth** — subdomain `0x02`\n\n3 errors',
    });
    expect(catalogDocumentHover(API, file, at(API, '"description"', 1), w.project(), () => 1)).toBeNull();
  });
});

describe('catalogDocumentCompletion', () => {
  it('completes class values with the standard and configured classes and their status', () => {
    const w = workspace({ 'errors/7-api.json': API }, { TeapotError: 418 });
    const file = w.path('errors/7-api.json');
    const text = API.replace('"class": "NotFoundError"', '"class": "Not"');
    const items = catalogDocumentCompletion(text, file, at(text, '"Not"', 4), w.project());
    expect(items.map((i) => i.label)).toContain('NotFoundError');
    expect(items.find((i) => i.label === 'TeapotError')).toEqual({
      label: 'TeapotError',
      kind: CompletionItemKind.EnumMember,
      detail: 'HTTP 418',
      sortText: expect.any(String) as unknown,
      textEdit: { range: rangeOf(text, 'Not'), newText: 'TeapotError' },
    });
    expect(items.find((i) => i.label === 'NotFoundError')!.detail).toBe('HTTP 404');
  });

  it('brings the quotes when the value is not written yet', () => {
    const w = workspace({ 'errors/7-api.json': API });
    const text = API.replace('"class": "NotFoundError" }', '"class": }');
    const offset = at(text, '"class": }', 9);
    const item = catalogDocumentCompletion(text, w.path('errors/7-api.json'), offset, w.project()).find(
      (i) => i.label === 'InternalError',
    );
    const position = TextDocument.create('file:///x', 'json', 0, text).positionAt(offset);
    expect(item?.textEdit).toEqual({ range: { start: position, end: position }, newText: '"InternalError"' });
  });

  it('completes replacedBy with the ids that are not deprecated, the error itself left out', () => {
    const w = workspace({ 'errors/7-api.json': API });
    const text = API.replace(
      '"deprecated": "1.0.0", "replacedBy": "api.auth.expired"',
      '"deprecated": "1.0.0", "replacedBy": "api."',
    );
    const items = catalogDocumentCompletion(text, w.path('errors/7-api.json'), at(text, '"api."', 5), w.project());
    expect(items.map((i) => [i.label, i.textEdit])).toEqual([
      ['api.auth.expired', { range: rangeOf(text, 'api.'), newText: 'api.auth.expired' }],
      ['api.auth.gone', { range: rangeOf(text, 'api.'), newText: 'api.auth.gone' }],
    ]);
    // "gone" may not be replaced by itself.
    const own = API.replace('"class": "NotFoundError" }', '"class": "NotFoundError", "replacedBy": "" }');
    const forGone = catalogDocumentCompletion(
      own,
      w.path('errors/7-api.json'),
      at(own, '"replacedBy": ""', 15),
      w.project(),
    );
    expect(forGone.map((i) => i.label)).toEqual(['api.auth.expired']);
  });

  it('completes replacedBy one segment at a time on a large catalog', () => {
    const errors: string[] = [];
    for (let i = 1; i <= WHOLE_ID_LIMIT + 1; i++)
      errors.push(`"e${i}": { "code": ${i}, "message": "M", "description": "D", "class": "NotFoundError" }`);
    const big = `{ "code": 1, "subDomains": { "bulk": { "code": 1, "errors": { ${errors.join(', ')} } }, "misc": { "code": 2, "errors": { "x": { "code": 1, "message": "M", "description": "D", "class": "NotFoundError", "replacedBy": "big.bu" } } } } }`;
    const w = workspace({ 'errors/big.json': big });
    const file = w.path('errors/big.json');
    const subdomains = catalogDocumentCompletion(big, file, at(big, '"big.bu"', 7), w.project());
    expect(subdomains.map((i) => [i.label, i.textEdit?.newText, i.command?.command])).toEqual([
      ['bulk', 'big.bulk.', 'editor.action.triggerSuggest'],
      ['misc', 'big.misc.', 'editor.action.triggerSuggest'],
    ]);
    const typed = big.replace('"big.bu"', '"big.bulk.e1"');
    const names = catalogDocumentCompletion(typed, file, at(typed, '"big.bulk.e1"', 12), w.project());
    expect(names).toHaveLength(WHOLE_ID_LIMIT + 1);
    expect(names[0]).toMatchObject({ label: 'e1', filterText: 'big.bulk.e1', textEdit: { newText: 'big.bulk.e1' } });
    expect(names[0]!.command).toBeUndefined();
  });

  it('offers nothing outside class and replacedBy values', () => {
    const w = workspace({ 'errors/7-api.json': API });
    expect(catalogDocumentCompletion(API, w.path('errors/7-api.json'), at(API, '"M"', 1), w.project())).toEqual([]);
    expect(catalogDocumentCompletion(API, w.path('errors/7-api.json'), at(API, '"class"', 2), w.project())).toEqual([]);
  });
});

describe('unusedErrorHints', () => {
  it('marks unused errors with the Unnecessary tag; maybe used and deprecated ones are not marked', () => {
    const w = workspace({ 'errors/7-api.json': API }, { TeapotError: 418 });
    const usage = new Map<string, 'used' | 'maybe' | 'unused'>([
      ['api.auth.expired', 'maybe'],
      ['api.auth.old', 'unused'],
      ['api.auth.gone', 'unused'],
    ]);
    expect(unusedErrorHints(API, w.path('errors/7-api.json'), w.project(), (id) => usage.get(id) ?? 'used')).toEqual([
      {
        range: rangeOf(API, '"gone"'),
        severity: DiagnosticSeverity.Hint,
        tags: [DiagnosticTag.Unnecessary],
        source: 'error-catalog',
        message: "'api.auth.gone' is not used in the workspace",
      },
    ]);
    expect(unusedErrorHints(API, w.path('errors/7-api.json'), w.project(), () => 'used')).toEqual([]);
  });
});
