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
