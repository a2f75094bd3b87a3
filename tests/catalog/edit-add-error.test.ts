import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog';
import { applyTextEdits, planAddError, type EditPlan } from '../../catalog/edit';
import { tempDir } from '../support/temp-dir';

const dirs: Array<{ dispose(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.dispose()));

/** A catalog directory or file with these files; returns the path to load. */
function fixture(files: Record<string, string>, load: string) {
  const d = tempDir(files);
  dirs.push(d);
  return { path: d.path(load), file: (name: string) => d.path(name) };
}

/** Applies an ok plan to the files on disk and returns the new text of each changed file. */
function apply(plan: EditPlan): Record<string, string> {
  if (!plan.ok) throw new Error(`plan refused: ${plan.reason}`);
  const texts: Record<string, string> = {};
  for (const change of plan.changes) {
    const text = applyTextEdits(readFileSync(change.file, 'utf8'), change.edits);
    writeFileSync(change.file, text);
    texts[change.file] = text;
  }
  return texts;
}

function expectValidWith(path: string, id: string): void {
  const { catalog, problems } = loadCatalog(path);
  expect(problems).toEqual([]);
  expect(catalog.getError(id)).toBeDefined();
}

const TWO_SPACES = `{
  "code": 3,
  "subDomains": {
    "auth": {
      "code": 1,
      "errors": {
        "expired": { "code": 1, "message": "Expired", "description": "Expired", "class": "UnauthorizedError" },
        "denied": { "code": 4, "message": "Denied", "description": "Denied", "class": "ForbiddenError" },
        "locked": { "code": 2, "message": "Locked", "description": "Locked", "class": "ForbiddenError" }
      }
    }
  }
}
`;

describe('planAddError into an existing subdomain', () => {
  it('appends to a 2-space file with the next code after the highest and the most used class', () => {
    const c = fixture({ 'errors/3-api.json': TWO_SPACES }, 'errors');
    const plan = planAddError(loadCatalog(c.path).catalog, 'api.auth.revoked');
    expect(plan).toMatchObject({ ok: true, title: "Add 'api.auth.revoked' to the catalog" });
    const texts = apply(plan);
    expect(texts[c.file('errors/3-api.json')]).toBe(`{
  "code": 3,
  "subDomains": {
    "auth": {
      "code": 1,
      "errors": {
        "expired": { "code": 1, "message": "Expired", "description": "Expired", "class": "UnauthorizedError" },
        "denied": { "code": 4, "message": "Denied", "description": "Denied", "class": "ForbiddenError" },
        "locked": { "code": 2, "message": "Locked", "description": "Locked", "class": "ForbiddenError" },
        "revoked": {
          "code": 5,
          "message": "TODO: message",
          "description": "TODO: describe when 'api.auth.revoked' is raised",
          "class": "ForbiddenError"
        }
      }
    }
  }
}
`);
    expectValidWith(c.path, 'api.auth.revoked');
  });

  it('keeps a 4-space file in 4 spaces', () => {
    const text = `{
    "code": 3,
    "subDomains": {
        "auth": {
            "code": 1,
            "errors": {
                "expired": {
                    "code": 1,
                    "message": "Expired",
                    "description": "Expired",
                    "class": "UnauthorizedError"
                }
            }
        }
    }
}`;
    const c = fixture({ 'errors/api.json': text }, 'errors');
    const texts = apply(planAddError(loadCatalog(c.path).catalog, 'api.auth.revoked'));
    expect(texts[c.file('errors/api.json')]).toBe(`{
    "code": 3,
    "subDomains": {
        "auth": {
            "code": 1,
            "errors": {
                "expired": {
                    "code": 1,
                    "message": "Expired",
                    "description": "Expired",
                    "class": "UnauthorizedError"
                },
                "revoked": {
                    "code": 2,
                    "message": "TODO: message",
                    "description": "TODO: describe when 'api.auth.revoked' is raised",
                    "class": "UnauthorizedError"
                }
            }
        }
    }
}`);
    expectValidWith(c.path, 'api.auth.revoked');
  });

  it('keeps tabs and CRLF line endings', () => {
    const text = [
      '{',
      '\t"code": 3,',
      '\t"subDomains": {',
      '\t\t"auth": {',
      '\t\t\t"code": 1,',
      '\t\t\t"errors": {',
      '\t\t\t\t"expired": {"code": 1, "message": "Expired", "description": "Expired", "class": "NotFoundError"}',
      '\t\t\t}',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\r\n');
    const c = fixture({ 'errors/api.json': text }, 'errors');
    const texts = apply(planAddError(loadCatalog(c.path).catalog, 'api.auth.revoked'));
    expect(texts[c.file('errors/api.json')]).toBe(
      [
        '{',
        '\t"code": 3,',
        '\t"subDomains": {',
        '\t\t"auth": {',
        '\t\t\t"code": 1,',
        '\t\t\t"errors": {',
        '\t\t\t\t"expired": {"code": 1, "message": "Expired", "description": "Expired", "class": "NotFoundError"},',
        '\t\t\t\t"revoked": {',
        '\t\t\t\t\t"code": 2,',
        '\t\t\t\t\t"message": "TODO: message",',
        `\t\t\t\t\t"description": "TODO: describe when 'api.auth.revoked' is raised",`,
        '\t\t\t\t\t"class": "NotFoundError"',
        '\t\t\t\t}',
        '\t\t\t}',
        '\t\t}',
        '\t}',
        '}',
        '',
      ].join('\r\n'),
    );
    expectValidWith(c.path, 'api.auth.revoked');
  });

  it('fills an empty errors object, indented one unit deeper than its key', () => {
    const text = '{\n  "code": 3,\n  "subDomains": {\n    "auth": { "code": 1, "errors": {} }\n  }\n}\n';
    const c = fixture({ 'errors/api.json': text }, 'errors');
    const texts = apply(planAddError(loadCatalog(c.path).catalog, 'api.auth.revoked'));
    expect(texts[c.file('errors/api.json')]).toBe(
      '{\n  "code": 3,\n  "subDomains": {\n    "auth": { "code": 1, "errors": {\n' +
        '      "revoked": {\n' +
        '        "code": 1,\n' +
        '        "message": "TODO: message",\n' +
        `        "description": "TODO: describe when 'api.auth.revoked' is raised",\n` +
        '        "class": "InternalError"\n' +
        '      }\n' +
        '    } }\n  }\n}\n',
    );
    expectValidWith(c.path, 'api.auth.revoked');
  });

  it('keeps a minified file on one line', () => {
    const text = JSON.stringify({
      code: 3,
      subDomains: {
        auth: { code: 1, errors: { a: { code: 7, message: 'A', description: 'A', class: 'NotFoundError' } } },
      },
    });
    const c = fixture({ 'errors/api.json': text }, 'errors');
    const texts = apply(planAddError(loadCatalog(c.path).catalog, 'api.auth.b'));
    expect(texts[c.file('errors/api.json')]).toBe(
      text.replace(
        '"NotFoundError"}',
        `"NotFoundError"},"b":{"code":8,"message":"TODO: message","description":"TODO: describe when 'api.auth.b' is raised","class":"NotFoundError"}`,
      ),
    );
    expectValidWith(c.path, 'api.auth.b');
  });
});

describe('planAddError with a new subdomain', () => {
  it('adds the subdomain with the next subdomain code and the domain’s most used class', () => {
    const c = fixture({ 'errors/3-api.json': TWO_SPACES }, 'errors');
    const plan = planAddError(loadCatalog(c.path).catalog, 'api.session.closed');
    expect(plan).toMatchObject({
      ok: true,
      title: "Add 'api.session.closed' to the catalog (new subdomain 'api.session')",
    });
    const texts = apply(plan);
    expect(texts[c.file('errors/3-api.json')]).toBe(
      TWO_SPACES.replace(
        '      }\n    }\n  }\n}\n',
        `      }
    },
    "session": {
      "code": 2,
      "errors": {
        "closed": {
          "code": 1,
          "message": "TODO: message",
          "description": "TODO: describe when 'api.session.closed' is raised",
          "class": "ForbiddenError"
        }
      }
    }
  }
}
`,
      ),
    );
    expectValidWith(c.path, 'api.session.closed');
  });

  it('writes into the right domain of a single-file catalog', () => {
    const text = `{
  "$schema": "./node_modules/error-catalog/schema/catalog.schema.json",
  "api": {
    "code": 1,
    "subDomains": {
      "auth": {
        "code": 9,
        "errors": {
          "expired": { "code": 1, "message": "Expired", "description": "Expired", "class": "UnauthorizedError" }
        }
      }
    }
  },
  "storage": {
    "code": 2,
    "subDomains": {}
  }
}
`;
    const c = fixture({ 'errors.json': text }, 'errors.json');
    const catalog = loadCatalog(c.path).catalog;
    apply(planAddError(catalog, 'api.auth.revoked'));
    const texts = apply(planAddError(loadCatalog(c.path).catalog, 'storage.disk.full'));
    expect(texts[c.file('errors.json')]).toBe(`{
  "$schema": "./node_modules/error-catalog/schema/catalog.schema.json",
  "api": {
    "code": 1,
    "subDomains": {
      "auth": {
        "code": 9,
        "errors": {
          "expired": { "code": 1, "message": "Expired", "description": "Expired", "class": "UnauthorizedError" },
          "revoked": {
            "code": 2,
            "message": "TODO: message",
            "description": "TODO: describe when 'api.auth.revoked' is raised",
            "class": "UnauthorizedError"
          }
        }
      }
    }
  },
  "storage": {
    "code": 2,
    "subDomains": {
      "disk": {
        "code": 1,
        "errors": {
          "full": {
            "code": 1,
            "message": "TODO: message",
            "description": "TODO: describe when 'storage.disk.full' is raised",
            "class": "InternalError"
          }
        }
      }
    }
  }
}
`);
    expectValidWith(c.path, 'api.auth.revoked');
    expectValidWith(c.path, 'storage.disk.full');
  });

  it('adds to the shipped catalog’s layout and the result validates', () => {
    const shipped = readFileSync(
      loadCatalog().files.find((f) => f.endsWith('07-security.json'))!,
      'utf8',
    );
    const c = fixture({ 'errors/07-security.json': shipped }, 'errors');
    const plan = planAddError(loadCatalog(c.path).catalog, 'security.token.revoked');
    apply(plan);
    const { catalog } = loadCatalog(c.path);
    const added = catalog.getError('security.token.revoked')!;
    // token's errors are codes 1-7; its most used class is InternalError (4 of 7).
    expect(catalog.hexCode(added)).toBe('0x07010008');
    expect(added.class).toBe('InternalError');
    expectValidWith(c.path, 'security.token.revoked');
  });
});

describe('planAddError reads unsaved text and refuses what it cannot do', () => {
  it('uses the text given by readText, not the file on disk', () => {
    const c = fixture({ 'errors/3-api.json': TWO_SPACES }, 'errors');
    const catalog = loadCatalog(c.path).catalog;
    const buffer = TWO_SPACES.replace('"code": 4, "message": "Denied"', '"code": 40, "message": "Denied"');
    const plan = planAddError(catalog, 'api.auth.revoked', () => buffer);
    if (!plan.ok) throw new Error(plan.reason);
    expect(applyTextEdits(buffer, plan.changes[0]!.edits)).toContain('"revoked": {\n          "code": 41,');
  });

  it('does not hand out a code used by an entry that failed validation', () => {
    const text = TWO_SPACES.replace('"code": 4, "message": "Denied", "description": "Denied", ', '"code": 4, ');
    const c = fixture({ 'errors/3-api.json': text }, 'errors');
    const { catalog, problems } = loadCatalog(c.path);
    expect(problems).toHaveLength(2);
    const plan = planAddError(catalog, 'api.auth.revoked');
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.changes[0]!.edits[0]!.content).toContain('"code": 5,');
  });

  it('takes the lowest free code when the highest is used', () => {
    const text = TWO_SPACES.replace('"code": 4, "message": "Denied"', '"code": 65535, "message": "Denied"');
    const c = fixture({ 'errors/3-api.json': text }, 'errors');
    const plan = planAddError(loadCatalog(c.path).catalog, 'api.auth.revoked');
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.changes[0]!.edits[0]!.content).toContain('"code": 3,');
  });

  it.each([
    ['api.auth', "'api.auth' is not an error id (domain.subdomain.name, each snake_case)"],
    ['api.auth.Bad', "'api.auth.Bad' is not an error id (domain.subdomain.name, each snake_case)"],
    ['api.auth.a.b', "'api.auth.a.b' is not an error id (domain.subdomain.name, each snake_case)"],
    ['nope.auth.x', "there is no domain 'nope' in the catalog: add the domain first"],
  ])('refuses %s', (id, reason) => {
    const c = fixture({ 'errors/3-api.json': TWO_SPACES }, 'errors');
    expect(planAddError(loadCatalog(c.path).catalog, id)).toEqual({ ok: false, reason });
  });

  it('refuses an id that is already in the file', () => {
    const c = fixture({ 'errors/3-api.json': TWO_SPACES }, 'errors');
    expect(planAddError(loadCatalog(c.path).catalog, 'api.auth.denied')).toEqual({
      ok: false,
      reason: `'api.auth.denied' is already in the catalog (${c.file('errors/3-api.json')})`,
    });
  });

  it('refuses to edit a buffer that is not valid JSON', () => {
    const c = fixture({ 'errors/3-api.json': TWO_SPACES }, 'errors');
    const plan = planAddError(loadCatalog(c.path).catalog, 'api.auth.revoked', () => TWO_SPACES.slice(0, 40));
    expect(plan).toEqual({
      ok: false,
      reason: `${c.file('errors/3-api.json')} is not valid JSON: fix it (error-catalog check) before editing it`,
    });
  });
});
