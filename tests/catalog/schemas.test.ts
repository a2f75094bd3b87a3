import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const ajv = new Ajv({ allErrors: true });
const catalogSchema = ajv.compile(read('catalog/schema/catalog.schema.json') as object);
const configSchema = ajv.compile(read('catalog/schema/config.schema.json') as object);

describe('the JSON Schemas editors validate with', () => {
  it('accept the shipped catalog, the example catalog and the example config', () => {
    expect(catalogSchema(read('catalog/data/07-security.json')), ajv.errorsText(catalogSchema.errors)).toBe(true);
    expect(catalogSchema(read('examples/app/errors/10-api.json')), ajv.errorsText(catalogSchema.errors)).toBe(true);
    expect(configSchema(read('examples/app/error-catalog.config.json')), ajv.errorsText(configSchema.errors)).toBe(
      true,
    );
  });

  it('reject what the loader rejects', () => {
    const error = { code: 1, message: 'm', description: 'd', class: 'InternalError' };
    const domain = (errors: Record<string, unknown>, code = 1) => ({ code, subDomains: { main: { code: 1, errors } } });
    expect(catalogSchema(domain({ ok: error }))).toBe(true);
    expect(catalogSchema(domain({ ok: error }, 256))).toBe(false);
    expect(catalogSchema(domain({ ok: { ...error, code: 0 } }))).toBe(false);
    expect(catalogSchema(domain({ ok: { ...error, message: '' } }))).toBe(false);
    expect(catalogSchema(domain({ NotSnake: error }))).toBe(false);
    expect(catalogSchema(domain({ ok: { code: 1, class: 'InternalError' } }))).toBe(false);
    expect(catalogSchema({ code: 1 })).toBe(false);
    expect(configSchema({ catalog: 'errors', calls: { functions: [{ callee: 'getError', args: ['idd'] }] } })).toBe(
      false,
    );
    expect(configSchema({ classes: {} })).toBe(false);
  });
});

describe('the catalog schema and older catalogs', () => {
  const error = { code: 1, message: 'm', description: 'd', class: 'InternalError' };
  const domain = (fields: Record<string, unknown>, errorFields: Record<string, unknown> = {}) => ({
    code: 1,
    subDomains: { main: { code: 1, errors: { ok: { ...error, ...errorFields } } } },
    ...fields,
  });

  it('accepts the 2020-style fixture catalogs: lower-case subdomains, deprecated true, false and null', () => {
    for (const file of ['7-security.json', '8-old.json']) {
      const path = `tests/cli/fixtures/catalog-2020/errors/${file}`;
      expect(catalogSchema(read(path)), `${file}: ${ajv.errorsText(catalogSchema.errors)}`).toBe(true);
    }
    for (const deprecated of [true, false, null, '1', '2.2', '2.2.0', '3.0.0-beta.1', '1.0.0+build.5']) {
      expect(catalogSchema(domain({ deprecated })), String(deprecated)).toBe(true);
      expect(catalogSchema(domain({}, { deprecated })), String(deprecated)).toBe(true);
    }
  });

  it('rejects what check reports: a deprecated that is not a version, unknown fields, blank texts', () => {
    for (const deprecated of ['yes', ' 2.0', 'v2', '', 2, {}]) {
      expect(catalogSchema(domain({ deprecated })), JSON.stringify(deprecated)).toBe(false);
      expect(catalogSchema(domain({}, { deprecated })), JSON.stringify(deprecated)).toBe(false);
    }
    expect(catalogSchema(domain({}, { deprecatd: '1.0' }))).toBe(false);
    expect(catalogSchema(domain({}, { replaced_by: 'a.b.c' }))).toBe(false);
    expect(catalogSchema(domain({ Deprecated: '1.0' }))).toBe(false);
    expect(catalogSchema({ code: 1, subDomains: { main: { code: 1, errors: {}, descripton: 'x' } } })).toBe(false);
    for (const blank of [' ', '\u00a0', '\u200b', '\u200c\u200d', '\u2060', '\ufeff', '\u00ad']) {
      expect(catalogSchema(domain({}, { description: blank })), JSON.stringify(blank)).toBe(false);
      expect(catalogSchema(domain({}, { message: blank })), JSON.stringify(blank)).toBe(false);
    }
    expect(catalogSchema(domain({}, { description: '\u200bvisible' }))).toBe(true);
    // `$schema` and other `$` keys of a domain file are editor keys, not unknown fields.
    expect(catalogSchema(domain({ $schema: './schema.json', $comment: 'x' }))).toBe(true);
  });
});

describe('the docs section of the config schema', () => {
  it('knows the docs options and rejects others', () => {
    expect(
      configSchema({
        catalog: 'errors',
        docs: { title: '{code}: {domain}', classLink: '/errors#{class}', out: 'docs/errors' },
      }),
    ).toBe(true);
    expect(configSchema({ catalog: 'errors', docs: { titel: 'x' } })).toBe(false);
  });
});
