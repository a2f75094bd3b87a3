import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog, isBlank, isVersion, loadCatalog } from '../../catalog';
import { tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

function write(text: string, name = '7-security.json'): string {
  const d = tempDir({ [`errors/${name}`]: text });
  dirs.push(d);
  return d.path('errors');
}

/** What `check` adds to the loader: `line:col message`, for one catalog file. */
function warningsOf(text: string, name?: string): string[] {
  return checkCatalog([write(text, name)]).warnings.map((p) => `${p.line}:${p.column} ${p.message}`);
}

const TEXT = [
  '{',
  '  "$schema": "../node_modules/error-catalog/catalog/schema/catalog.schema.json",',
  '  "code": 7,',
  '  "Deprecated": "2.0.0",',
  '  "subDomains": {',
  '    "token": {',
  '      "code": 1,',
  '      "descripton": "Tokens",',
  '      "errors": {',
  '        "a": { "code": 1, "message": "m", "description": "d", "class": "InternalError", "deprecatd": "2.0.0" },',
  '        "b": { "code": 2, "message": "m", "description": "d", "class": "InternalError", "deprecated": "1.0", "replaced_by": "security.token.a" },',
  '        "c": { "code": 3, "message": "m", "description": "d", "class": "InternalError", "replacedBy": "security.token.a" },',
  '        "d": { "code": 4, "message": "m", "description": "d", "class": "InternalError", "deprecated": false, "replacedBy": "security.token.a" },',
  '        "e": { "code": 5, "message": "m", "description": "d", "class": "InternalError", "deprecated": "yes" },',
  '        "f": { "code": 6, "message": "m", "description": "d", "class": "InternalError", "deprecated": " 2.0" },',
  '        "g": { "code": 7, "message": "m", "description": "d", "class": "InternalError", "status": 500 }',
  '      }',
  '    }',
  '  }',
  '}',
].join('\n');

describe('check: what the tools would silently ignore or misread', () => {
  it('reports unknown fields with a did-you-mean, non-version deprecations and an unused replacedBy, each at its position', () => {
    expect(warningsOf(TEXT)).toEqual([
      "4:3 unknown field 'Deprecated' on domain 'security' (ignored); did you mean 'deprecated'?",
      "8:7 unknown field 'descripton' on subdomain 'security.token' (ignored)",
      "10:89 unknown field 'deprecatd' on error 'security.token.a' (ignored); did you mean 'deprecated'?",
      "11:110 unknown field 'replaced_by' on error 'security.token.b' (ignored); did you mean 'replacedBy'?",
      `12:89 'replacedBy' is ignored: error 'security.token.c' is not deprecated itself (add "deprecated": a version or true)`,
      `13:110 'replacedBy' is ignored: error 'security.token.d' is not deprecated itself (add "deprecated": a version or true)`,
      `14:103 'deprecated' is not a version: "yes" (expected 1, 1.2 or 1.2.3, a pre-release such as 2.0.0-beta.1, or true); read as deprecated, version unknown`,
      `15:103 'deprecated' is not a version: " 2.0" (expected 1, 1.2 or 1.2.3, a pre-release such as 2.0.0-beta.1, or true); read as deprecated, version unknown`,
      "16:89 unknown field 'status' on error 'security.token.g' (ignored)",
    ]);
  });

  it('none of them makes the catalog unusable: the plugins and the other commands keep using it', () => {
    const { catalog, problems } = loadCatalog(write(TEXT));
    expect(problems).toEqual([]);
    expect(catalog.size).toBe(7);
    // A deprecation that is not a version still deprecates, version unknown.
    expect(catalog.deprecationOf(catalog.getError('security.token.e')!)).toMatchObject({ since: undefined });
    expect(catalog.deprecationOf(catalog.getError('security.token.f')!)).toMatchObject({ since: undefined });
    expect(catalog.isDeprecated(catalog.getError('security.token.d')!)).toBe(false);
  });

  it('checkCatalog gives the loader problems beside the warnings, and an older catalog has neither', () => {
    const older =
      '{ "code": 7, "deprecated": false, "subdomains": { "token": { "code": 1, "deprecated": false, "errors": {\n' +
      '  "a": { "description": "d", "code": 1, "message": "m", "class": "InternalError", "deprecated": null },\n' +
      '  "b": { "description": "d", "code": 2, "message": "m", "class": "InternalError", "deprecated": true, "replacedBy": "security.token.a" },\n' +
      '  "c": { "description": "d", "code": 3, "message": "m", "class": "InternalError", "deprecated": "2.0.0-beta.1+build.5" }\n' +
      '} } } }';
    const result = checkCatalog([write(older)]);
    expect([result.problems, result.warnings, result.catalog.size]).toEqual([[], [], 3]);
    const broken = checkCatalog([write('{ "code": 7, "subDomains": { "t": { "code": 1, "erors": {} } } }')]);
    expect(broken.problems.map((p) => p.message)).toEqual(["subdomain 'security.t' has no 'errors' object"]);
    expect(broken.warnings.map((p) => p.message)).toEqual([
      "unknown field 'erors' on subdomain 'security.t' (ignored); did you mean 'errors'?",
    ]);
  });

  it('in a single-file catalog, names the domain and finds the position inside it', () => {
    const single =
      '{\n  "$schema": "x",\n  "api": { "code": 1, "sub_domains": {}, "subDomains": { "s": { "code": 1, "errors": {} } } }\n}';
    expect(warningsOf(single, 'catalog.json')).toEqual([
      "3:23 unknown field 'sub_domains' on domain 'api' (ignored); did you mean 'subDomains'?",
    ]);
  });
});

describe('the shared predicates', () => {
  it('a version is one to three numbers, with an optional pre-release and build', () => {
    for (const version of ['1', '1.2', '1.2.3', '2.0.0-beta.1', '1.0.0-rc-1', '1.0.0+20200101', '10.20.30'])
      expect(isVersion(version), version).toBe(true);
    for (const text of ['yes', ' 2.0', '2.0 ', 'v2.0', '1.2.3.4', '1.', '.1', '1..2', '', '2.0-', 'true'])
      expect(isVersion(text), text).toBe(false);
  });

  it('blank means only white space and invisible characters', () => {
    for (const text of ['', ' ', '\t\n', '\u00a0', '\u200b', '\u200c\u200d', '\u2060', '\ufeff', '\u3000', '\u00ad'])
      expect(isBlank(text), JSON.stringify(text)).toBe(true);
    for (const text of ['a', ' a', '\u00a0a', '\u200b.', '%s', 'é']) expect(isBlank(text), text).toBe(false);
  });
});
