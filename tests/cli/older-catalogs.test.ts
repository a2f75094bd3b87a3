import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, runCli } from './run-cli';

/**
 * A 2020-style catalog (fixtures/catalog-2020): lower-case `subdomains`, `"description"` first,
 * `"deprecated": true` on an error, a subdomain (`security.legacy`) and a domain (`old`), `false`
 * and `null` for not deprecated, and one versioned deprecation (`security.token.too_old`, 2.2.0).
 */
const OLDER = join(FIXTURES, 'catalog-2020');

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const dispose of cleanup) dispose();
  cleanup = [];
});

describe('an older catalog works in every command', () => {
  it('check: no problems', () => {
    expect(runCli(['check'], OLDER)).toEqual({
      status: 0,
      stdout: 'no problems: 8 errors (4 deprecated) in 2 domains\n',
      stderr: '',
    });
  });

  it('docs: deprecated errors, subdomains and domains are left out (golden)', () => {
    const copy = copyFixture('catalog-2020');
    cleanup.push(copy.dispose);
    const result = runCli(['docs', '--out', 'out'], copy.dir);
    expect(result).toEqual({ status: 0, stdout: 'out: wrote 1 page (0 unchanged)\n', stderr: '' });
    const page = readFileSync(join(copy.dir, 'out', 'security', 'index.md'), 'utf8');
    expect(page).toBe(readFileSync(join(OLDER, 'expected', 'security', 'index.md'), 'utf8'));
    expect(page).not.toMatch(/expired_at|too_old|legacy|0x0702/);
    expect(page).toContain('security.token.revoked'); // "deprecated": null
    expect(page).toContain('security.rights.forbidden'); // a subdomain with "deprecated": false
    expect(existsSync(join(copy.dir, 'out', 'old'))).toBe(false);
  });

  it('ids: a deprecation without a version prints as "deprecated" in text, true in JSON and CSV', () => {
    expect(runCli(['ids'], OLDER).stdout).toBe(
      [
        'security.token.invalid     0x07010001  UnauthorizedError  401  Invalid token.',
        'security.token.expired     0x07010002  UnauthorizedError  401  Token expired at %s',
        'security.token.revoked     0x07010005  UnauthorizedError  401  Token revoked',
        'security.rights.forbidden  0x07030001  ForbiddenError     403  Forbidden: %s',
        '',
      ].join('\n'),
    );
    const text = runCli(
      ['ids', '--deprecated', 'security.token.expired_at', 'security.token.too_old', 'security.legacy', 'old'],
      OLDER,
    );
    expect(text.stdout).toBe(
      [
        'security.token.expired_at  0x07010003  UnauthorizedError  401  Token expired on %s  (deprecated, use security.token.expired)',
        'security.token.too_old     0x07010004  BadRequestError    400  Unsupported token format  (deprecated since 2.2.0)',
        'security.legacy.thing      0x07020001  InternalError      500  Legacy thing  (deprecated)',
        'old.stuff.broken           0x08010001  InternalError      500  Broken %s  (deprecated)',
        '',
      ].join('\n'),
    );
    const json = runCli(
      ['ids', '--deprecated', '--format', 'json', 'security.token.expired_at', 'security.token.too_old'],
      OLDER,
    );
    expect(JSON.parse(json.stdout)).toEqual([
      {
        id: 'security.token.expired_at',
        code: '0x07010003',
        class: 'UnauthorizedError',
        status: 401,
        message: 'Token expired on %s',
        deprecated: true,
        replacedBy: 'security.token.expired',
      },
      {
        id: 'security.token.too_old',
        code: '0x07010004',
        class: 'BadRequestError',
        status: 400,
        message: 'Unsupported token format',
        deprecated: '2.2.0',
        replacedBy: null,
      },
    ]);
    const csv = runCli(['ids', '--deprecated', '--format', 'csv', 'security.token.expired', 'security.legacy'], OLDER);
    expect(csv.stdout).toBe(
      [
        'id,code,class,status,message,deprecated,replacedBy',
        'security.token.expired,0x07010002,UnauthorizedError,401,Token expired at %s,,',
        'security.legacy.thing,0x07020001,InternalError,500,Legacy thing,true,',
        '',
      ].join('\n'),
    );
  });

  it('unused: runs on it (the catalog is sound)', () => {
    const result = runCli(['unused', '--format', 'json'], OLDER);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('check reports what the tools would silently ignore or misread', () => {
  it('misspelled and unknown fields with a did-you-mean, a non-version deprecated, an unused replacedBy, a blank description', () => {
    const result = runCli(['check'], join(FIXTURES, 'check', 'misspelled'));
    expect(result).toEqual({
      status: 1,
      stdout: [
        "errors/7-security.json:18:11  unknown field 'deprecatd' on error 'security.token.expired' (ignored); did you mean 'deprecated'?",
        "errors/7-security.json:19:11  unknown field 'replaced_by' on error 'security.token.expired' (ignored); did you mean 'replacedBy'?",
        `errors/7-security.json:26:25  'deprecated' is not a version: "yes" (expected 1, 1.2 or 1.2.3, a pre-release such as 2.0.0-beta.1, or true); read as deprecated, version unknown`,
        `errors/7-security.json:33:11  'replacedBy' is ignored: error 'security.token.moved' is not deprecated itself (add "deprecated": a version or true)`,
        "errors/7-security.json:36:26  'description' must not be empty",
        '',
      ].join('\n'),
      stderr: '5 problems in the catalog\n',
    });
  });

  it('only the blank description makes the catalog unusable: ids refuses it, naming that problem alone', () => {
    const result = runCli(['ids'], join(FIXTURES, 'check', 'misspelled'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("errors/7-security.json:36:26  'description' must not be empty");
    expect(result.stderr).not.toContain('deprecatd');
  });
});
