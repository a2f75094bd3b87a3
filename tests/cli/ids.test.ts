import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, SHIPPED } from './run-cli';

const cwd = join(FIXTURES, 'check', 'shipped');

describe('error-catalog ids', () => {
  it('lists the ids that are not deprecated, in aligned columns', () => {
    const result = runCli(['ids', 'security.rights', 'security.credentials.rejected'], cwd);
    expect(result).toEqual({
      status: 0,
      stdout: [
        "security.credentials.rejected  0x07020003  BadRequestError    400  User's credentials were rejected during",
        'security.rights.unauthorized   0x07030001  UnauthorizedError  401  Authentication required to execute this action',
        'security.rights.forbidden      0x07030002  ForbiddenError     403  Insufficient permissions to execute this action',
        '',
      ].join('\n'),
      stderr: '',
    });
    const all = runCli(['ids'], cwd);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(31);
    expect(all.stdout).not.toContain('invalid_controller');
  });

  it('includes deprecated ids with --deprecated, with the version and the replacement', () => {
    const result = runCli(['ids', '--deprecated', 'security.role'], cwd);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[5]).toBe(
      'security.role.invalid_controller  0x07050006  BadRequestError    400  Unknown controller "%s"  (deprecated since 2.1.0, use security.role.unknown_controller)',
    );
    expect(lines[7]).toBe(
      'security.role.missing_policies    0x07050008  BadRequestError    400  Role %s has no policies  (deprecated since 2.0.0)',
    );
  });

  it('prints JSON with --format json', () => {
    const result = runCli(
      ['ids', '--format', 'json', '--deprecated', '--catalog', SHIPPED, 'security.role.invalid_action'],
      FIXTURES,
    );
    expect(JSON.parse(result.stdout)).toEqual([
      {
        id: 'security.role.invalid_action',
        code: '0x07050007',
        class: 'BadRequestError',
        status: 400,
        message: 'Unknown action "%s" of controller "%s"',
        deprecated: '2.1.0',
        replacedBy: 'security.role.unknown_action',
      },
    ]);
  });

  it('prints CSV with a header row and RFC 4180 quoting', () => {
    const result = runCli(
      ['ids', '--format', 'csv', '--deprecated', 'security.role.invalid_action', 'security.token.invalid'],
      cwd,
    );
    expect(result.stdout).toBe(
      [
        'id,code,class,status,message,deprecated,replacedBy',
        'security.token.invalid,0x07010001,UnauthorizedError,401,Invalid authentication token.,,',
        'security.role.invalid_action,0x07050007,BadRequestError,400,"Unknown action ""%s"" of controller ""%s""",2.1.0,security.role.unknown_action',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 on a catalog with problems and 2 on an unknown format', () => {
    expect(runCli(['ids'], join(FIXTURES, 'check', 'broken')).status).toBe(1);
    expect(runCli(['ids', '--format', 'yaml'], cwd).status).toBe(2);
  });
});
