import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli';

const COMMANDS = ['check', 'docs', 'ids', 'unused'];

describe('error-catalog --help', () => {
  it('lists every command', () => {
    const result = runCli(['--help'], FIXTURES);
    expect(result.status).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(COMMANDS)('%s --help prints its usage, options and exit codes, and exits 0', (command) => {
    const result = runCli([command, '--help'], '/');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: error-catalog ${command}`));
    expect(result.stdout).toContain('--config <file>');
    expect(result.stdout).toContain('Exit codes: 0');
    expect(runCli(['help', command], '/').stdout).toBe(result.stdout);
  });

  it('exits 2 without a command or with an unknown one', () => {
    expect(runCli([], FIXTURES)).toMatchObject({ status: 2, stdout: '' });
    const unknown = runCli(['chek'], FIXTURES);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^error-catalog: unknown command 'chek'/);
  });

  it('prints the version', () => {
    expect(runCli(['--version'], FIXTURES).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
