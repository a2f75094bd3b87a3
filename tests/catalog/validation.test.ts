import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog';
import { tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

/** Loads one catalog file with the given text and returns its problems as `line:col message`. */
function problemsOf(text: string, name = '7-security.json', classes?: Record<string, number>): string[] {
  const d = tempDir({ [`errors/${name}`]: text });
  dirs.push(d);
  return loadCatalog(d.path('errors'), classes).problems.map((p) => {
    expect(p.file).toBe(d.path(`errors/${name}`));
    return `${p.line}:${p.column} ${p.message}`;
  });
}

describe('catalog validation: every problem at once, each with its line and column', () => {
  it('reports invalid JSON where the parser stops', () => {
    expect(problemsOf('{\n  "code": 7,\n  "subDomains": {\n    "token": { "code": 1, }\n  }\n}\n')).toEqual([
      '4:27 invalid JSON: property name expected',
    ]);
    expect(problemsOf('{\n  "code": 7,\n  "subDomains": {')).toEqual(['3:18 invalid JSON: close brace expected']);
  });

  it('reports missing and wrong-typed fields, out-of-range codes, unknown classes and empty texts', () => {
    const text = [
      '{',
      '  "code": 300,',
      '  "subDomains": {',
      '    "token": {',
      '      "code": "1",',
      '      "errors": {',
      '        "invalid": { "code": 0, "message": "", "description": "d", "class": "BadRequestError" },',
      '        "expired": { "code": 2, "description": "  ", "class": "TeapotError" },',
      '        "revoked": { "code": 70000, "message": 5, "description": "d", "class": "InternalError", "deprecated": "" }',
      '      }',
      '    },',
      '    "user": { "code": 2 }',
      '  }',
      '}',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      '2:11 domain code 300 is out of range (0–255)',
      "5:15 subdomain 'code' must be an integer",
      '7:30 error code 0 is out of range (1–65535)',
      "7:44 'message' must not be empty",
      "8:9 error 'security.token.expired' is missing 'message'",
      "8:48 'description' must not be empty",
      "8:63 unknown error class 'TeapotError' (add it to 'classes' in error-catalog.config.json)",
      '9:30 error code 70000 is out of range (1–65535)',
      "9:48 'message' must be a string",
      '9:111 \'deprecated\' must be a version ("2.2.0"), true (deprecated, version unknown) or false',
      "12:5 subdomain 'security.user' has no 'errors' object",
    ]);
  });

  it('accepts project classes from the config', () => {
    const text =
      '{ "code": 1, "subDomains": { "a": { "code": 1, "errors": { "b": { "code": 1, "message": "m", "description": "d", "class": "TeapotError" } } } } }';
    expect(problemsOf(text, 'api.json', { TeapotError: 418 })).toEqual([]);
  });

  it('reports duplicate codes at every level, and names that are not snake_case', () => {
    const text = [
      '{',
      '  "code": 1,',
      '  "subDomains": {',
      '    "first": { "code": 1, "errors": {',
      '      "a": { "code": 1, "message": "m", "description": "d", "class": "InternalError" },',
      '      "b": { "code": 1, "message": "m", "description": "d", "class": "InternalError" },',
      '      "NotSnake": { "code": 3, "message": "m", "description": "d", "class": "InternalError" },',
      '      "__proto__": { "code": 4, "message": "m", "description": "d", "class": "InternalError" }',
      '    } },',
      '    "second": { "code": 1, "errors": {} }',
      '  }',
      '}',
    ].join('\n');
    expect(problemsOf(text, 'api.json')).toEqual([
      "6:22 duplicate error code 1 in 'api.first': already used by 'a'",
      "7:7 error name 'NotSnake' is not snake_case (lower-case letters, digits and single underscores)",
      "8:7 error name '__proto__' is not snake_case (lower-case letters, digits and single underscores)",
      "10:25 duplicate subdomain code 1 in domain 'api': already used by 'first'",
    ]);
  });

  it('reports duplicate domain codes and names across files, and a code that contradicts the file name', () => {
    const domain = (code: number) => `{\n  "code": ${code},\n  "subDomains": {}\n}\n`;
    const d = tempDir({
      'a/1-api.json': domain(1),
      'a/2-storage.json': domain(1),
      'b/api.json': domain(3),
      'c/4-plugin.json': domain(5),
    });
    dirs.push(d);
    const problems = loadCatalog([d.path('a'), d.path('b'), d.path('c')]).problems;
    expect(problems.map((p) => `${p.file.slice(d.dir.length + 1)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'a/2-storage.json:2:11 domain code 1 does not match the file name prefix 2',
      "a/2-storage.json:2:11 duplicate domain code 1: already used by domain 'api'",
      `b/api.json:1:1 duplicate domain 'api' (already defined in ${d.path('a/1-api.json')})`,
      'c/4-plugin.json:2:11 domain code 5 does not match the file name prefix 4',
    ]);
  });

  it('reports replacedBy naming an unknown, a deprecated or the same id', () => {
    const entry = (code: number, extra: string) =>
      `{ "code": ${code}, "message": "m", "description": "d", "class": "InternalError"${extra} }`;
    const text = [
      '{ "code": 1, "subDomains": { "s": { "code": 1, "errors": {',
      `  "a": ${entry(1, ', "deprecated": "1.0", "replacedBy": "api.s.nope"')},`,
      `  "b": ${entry(2, ', "deprecated": "1.0", "replacedBy": "api.s.a"')},`,
      `  "c": ${entry(3, ', "deprecated": "1.0", "replacedBy": "api.s.c"')},`,
      `  "d": ${entry(4, ', "deprecated": "1.0", "replacedBy": "nope"')},`,
      `  "e": ${entry(5, ', "deprecated": "1.0", "replacedBy": "api.s.f"')},`,
      `  "f": ${entry(6, '')}`,
      '} } } }',
    ].join('\n');
    expect(problemsOf(text, 'api.json')).toEqual([
      "2:118 replacedBy 'api.s.nope' is not a known error id",
      "3:118 replacedBy 'api.s.a' is itself deprecated",
      "4:118 'api.s.c' cannot be replaced by itself",
      "5:118 replacedBy 'nope' is not a known error id (expected domain.subdomain.name)",
    ]);
  });

  it('accepts true, false and null for deprecated at every level, and rejects what is neither a version nor a boolean', () => {
    const entry = (code: number, deprecated: string) =>
      `{ "code": ${code}, "message": "m", "description": "d", "class": "InternalError", "deprecated": ${deprecated} }`;
    const accepted = [
      '{ "code": 1, "deprecated": false, "subdomains": {',
      '  "s": { "code": 1, "deprecated": true, "errors": {',
      `    "a": ${entry(1, 'true')},`,
      `    "b": ${entry(2, 'false')},`,
      `    "c": ${entry(3, 'null')},`,
      `    "d": ${entry(4, '"yes"')}`,
      '  } },',
      '  "t": { "code": 2, "deprecated": null, "errors": {} }',
      '} }',
    ].join('\n');
    expect(problemsOf(accepted, 'api.json')).toEqual([]);
    const rejected = [
      '{ "code": 1, "deprecated": 2, "subDomains": {',
      '  "s": { "code": 1, "deprecated": {}, "errors": {} },',
      '  "t": { "code": 2, "errors": {',
      `    "a": ${entry(1, '""')},`,
      `    "b": ${entry(2, '" \\u200b "')},`,
      `    "c": ${entry(3, '[]')}`,
      '  } }',
      '} }',
    ].join('\n');
    const invalid = `'deprecated' must be a version ("2.2.0"), true (deprecated, version unknown) or false`;
    expect(problemsOf(rejected, 'api.json')).toEqual([
      `1:28 ${invalid}`,
      `2:35 ${invalid}`,
      `4:99 ${invalid}`,
      `5:99 ${invalid}`,
      `6:99 ${invalid}`,
    ]);
  });

  it('a message or description of only white space or invisible characters is empty, in every position', () => {
    // The loader's fast path used to let a text starting with a non-ASCII space through.
    const blanks = ['\u00a0', '\u200b', '\u200c\u200d', '\u2060', '\ufeff', ' \u3000\t', '\u00ad'];
    for (const blank of blanks) {
      const escaped = JSON.stringify(blank);
      const text = `{ "code": 1, "subDomains": { "s": { "code": 1, "errors": {\n  "a": { "code": 1, "message": "m", "description": ${escaped}, "class": "InternalError" },\n  "b": { "code": 2, "message": ${escaped}, "description": "d", "class": "InternalError" }\n} } } }`;
      expect(problemsOf(text, 'api.json'), JSON.stringify(blank)).toEqual([
        "2:52 'description' must not be empty",
        "3:32 'message' must not be empty",
      ]);
    }
    const visible =
      '{ "code": 1, "subDomains": { "s": { "code": 1, "errors": { "a": { "code": 1, "message": "\\u00a0m", "description": "\\u200bd", "class": "InternalError" } } } } }';
    expect(problemsOf(visible, 'api.json')).toEqual([]);
  });

  it('leaves invalid entries out of the catalog but keeps the valid ones', () => {
    const text =
      '{ "code": 1, "subDomains": { "s": { "code": 1, "errors": { "ok": { "code": 1, "message": "m", "description": "d", "class": "InternalError" }, "bad": { "code": 2 } } } } }';
    const d = tempDir({ 'api.json': text });
    dirs.push(d);
    const { catalog, problems } = loadCatalog(d.path('api.json'));
    expect(problems).toHaveLength(3);
    expect(catalog.getError('api.s.ok')).toBeDefined();
    expect(catalog.getError('api.s.bad')).toBeUndefined();
  });
});
