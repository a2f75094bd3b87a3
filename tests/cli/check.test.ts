import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, SHIPPED } from './run-cli';

const fixture = (name: string): string => join(FIXTURES, 'check', name);

describe('error-catalog check', () => {
  it('accepts the shipped catalog, found through error-catalog.config.json', () => {
    const result = runCli(['check'], fixture('shipped'));
    expect(result).toEqual({ status: 0, stdout: 'no problems: 34 errors (3 deprecated) in 1 domain\n', stderr: '' });
  });

  it('accepts --catalog without a config', () => {
    const result = runCli(['check', '--catalog', SHIPPED], FIXTURES);
    expect(result.status).toBe(0);
  });

  it('finds the config by walking up from a subdirectory', () => {
    const result = runCli(['check'], fixture('broken/errors'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1-api.json:19:9  duplicate key');
  });

  it('prints every problem as file:line:col  message and exits 1', () => {
    const result = runCli(['check'], fixture('broken'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        "errors/1-api.json:19:9  duplicate key 'too_big' (first defined on line 7); JSON keeps only the last one",
        "errors/1-api.json:25:9  error name 'BadName' is not snake_case (lower-case letters, digits and single underscores)",
        "errors/1-api.json:29:20  unknown error class 'CoffeeError' (add it to 'classes' in error-catalog.config.json)",
        "errors/2-auth.json:13:25  replacedBy 'auth.token.gone' is not a known error id",
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('4 problems in the catalog\n');
  });

  it('prints the problems as JSON with --format json', () => {
    const dir = fixture('broken');
    const result = runCli(['check', '--format', 'json'], dir);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      problems: Array<{ file: string; line: number; column: number; message: string }>;
      errors: number;
      domains: number;
    };
    expect(report.problems).toHaveLength(4);
    expect(report.problems[0]).toEqual({
      file: join(dir, 'errors', '1-api.json'),
      line: 19,
      column: 9,
      message: "duplicate key 'too_big' (first defined on line 7); JSON keeps only the last one",
    });
    expect(report.domains).toBe(2);
  });

  it('reports JSON syntax errors with their position', () => {
    const result = runCli(['check'], fixture('bad-json'));
    expect(result).toMatchObject({ status: 1, stdout: 'errors.json:5:61  invalid JSON: property name expected\n' });
  });

  it('exits 2 on config problems, naming the config file and line', () => {
    const result = runCli(['check'], fixture('bad-config'));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        "error-catalog.config.json:4:18  docs option 'classLink' uses unknown placeholder {klass}; it may use {class}, {Class}",
        "error-catalog.config.json:5:5  unknown docs option 'titel' (expected 'title', 'description', 'classLink', 'updateCommand', 'out')",
        '',
      ].join('\n'),
    );
  });

  it('exits 2 when --config names a missing file', () => {
    const result = runCli(['check', '--config', 'nope.json'], fixture('shipped'));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('nope.json:1:1  cannot read config: no such file or directory\n');
  });

  it('exits 2 on usage errors', () => {
    expect(runCli(['check', '--frmat', 'json'], fixture('shipped')).status).toBe(2);
    expect(runCli(['check', '--format', 'xml'], fixture('shipped'))).toMatchObject({
      status: 2,
      stderr:
        "error-catalog check: unknown --format 'xml' (expected 'text', 'json')\nRun 'error-catalog check --help' for usage.\n",
    });
    expect(runCli(['check', '--config', 'a.json', '--catalog', 'b'], fixture('shipped')).status).toBe(2);
    expect(runCli(['check', 'extra'], fixture('shipped')).status).toBe(2);
  });

  it('exits 2 when no config can be found and no --catalog is given', () => {
    const result = runCli(['check'], '/');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'no error-catalog.config.json found in / or its parents; give --config <file> or --catalog <path>',
    );
  });
});
