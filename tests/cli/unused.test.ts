import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli';

const PROJECT = join(FIXTURES, 'unused', 'project');

interface JsonReport {
  files: number;
  parsed: number;
  skipped: Array<{ file: string; line: number; column: number; message: string }>;
  used: string[];
  maybeUsed: Array<{ id: string; references: Array<{ file: string; line: number; column: number }> }>;
  unused: string[];
  unresolved: Array<{ file: string; line: number; column: number }>;
}

describe('error-catalog unused', () => {
  it('lists unused, maybe-used ids and unresolved dynamic references', () => {
    const result = runCli(['unused'], PROJECT);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'unused      app.auth.mfa_required',
        'unused      app.user.renamed',
        'maybe-used  app.order.not_found  src/wrapped.js:3:20',
        'maybe-used  app.billing.declined  src/dynamic.js:4:19',
        'maybe-used  app.billing.expired_card  src/dynamic.js:4:19',
        'maybe-used  report.export.timeout  src/dynamic.js:5:19',
        'dynamic     src/dynamic.js:6:9',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      'src/broken.js:2:36  skipped: parse error: Expected `,` or `)` but found `;`\nscanned 8 files (6 parsed): 11 used, 4 maybe used, 2 unused, of 17 ids\n',
    );
  });

  it('recognises direct, split, wrapped, constant, conditional and JSX uses (JSON)', () => {
    const result = runCli(['unused', '--format', 'json'], PROJECT);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.used).toEqual([
      'app.auth.invalid_token', // getError('…')
      'app.auth.expired_token', // getError(CONSTANT)
      'app.auth.forbidden', // kerror.get(CONSTANT, 'auth', 'forbidden'), kerror a global
      'app.user.not_found', // throw new ApiError('…')
      'app.user.already_exists', // errors.getError('…')
      'app.user.banned', // template of constants, and a conditional branch
      'app.user.suspended', // in a .tsx file
      'app.order.too_large', // orderError = kerror.wrap('app', 'order'); orderError.get('too_large')
      'app.order.cancelled', // the other conditional branch
      'report.export.failed', // import * as kerror; kerror.get('report', 'export', 'failed')
      'report.schedule.missed', // kerror.rejectFrom(err, 'report', 'schedule', 'missed')
    ]);
    expect(report.maybeUsed.map((entry) => entry.id)).toEqual([
      'app.order.not_found',
      'app.billing.declined',
      'app.billing.expired_card',
      'report.export.timeout',
    ]);
    expect(report.maybeUsed[0]!.references).toEqual([
      { file: join(PROJECT, 'src', 'wrapped.js'), line: 3, column: 20 },
    ]);
    expect(report.unused).toEqual(['app.auth.mfa_required', 'app.user.renamed']);
    expect(report.unresolved).toEqual([{ file: join(PROJECT, 'src', 'dynamic.js'), line: 6, column: 9 }]);
    expect(report.skipped).toEqual([
      {
        file: join(PROJECT, 'src', 'broken.js'),
        line: 2,
        column: 36,
        message: 'parse error: Expected `,` or `)` but found `;`',
      },
    ]);
    // ignored/ (.gitignore), node_modules/, dist/ and the .d.ts file are not scanned
    expect(report.files).toBe(8);
  });

  it('exits 1 with --fail-on-unused when an id is unused', () => {
    expect(runCli(['unused', '--fail-on-unused'], PROJECT).status).toBe(1);
  });

  it('scans only the given paths, and reports deprecated ids with --deprecated', () => {
    const result = runCli(['unused', '--format', 'json', '--deprecated', 'src/split.ts', 'src/wrapped.js'], PROJECT);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files).toBe(2);
    expect(report.used).toEqual(['app.order.too_large', 'report.export.failed', 'report.schedule.missed']);
    expect(report.unused).toContain('app.auth.locked');
    expect(report.unused).toContain('app.legacy.old');
  });

  it('exits 2 for a path that does not exist', () => {
    const result = runCli(['unused', 'nowhere'], PROJECT);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error-catalog unused: cannot scan .*nowhere/);
  });

  it('gives the same report with worker threads (--jobs 2) as in the main thread (--jobs 1)', () => {
    const single = runCli(['unused', '--format', 'json', '--jobs', '1'], PROJECT);
    const parallel = runCli(['unused', '--format', 'json', '--jobs', '2'], PROJECT);
    expect(parallel.status).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
    expect(runCli(['unused', '--jobs', '0'], PROJECT).status).toBe(2);
  });

  it('shows no progress indicator when stderr is not a terminal', () => {
    expect(runCli(['unused'], PROJECT).stderr).not.toContain('scanning');
  });
});

describe('error-catalog unused: the call forms of issue 9', () => {
  it('counts aliases, this-wrappers, every conditional branch, shorthand, let, concat and renamed requires as used', () => {
    const result = runCli(['unused', '--format', 'json'], join(FIXTURES, 'unused', 'call-forms'));
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect([...report.used].sort()).toEqual(
      [
        'app.auth.alias', // const em = errorsManager; em.get(…)
        'app.auth.field', // class field wrapper, this.field.get(…)
        'app.auth.ctor', // constructor wrapper, this.fromCtor.get(…)
        'app.auth.yes', // getError(c ? 'app.auth.yes' : 'app.auth.no')
        'app.auth.no',
        'app.auth.left', // em.get('app', 'auth', c ? 'left' : 'right')
        'app.auth.right',
        'app.auth.shorthand', // const ERR = { id }; getError(ERR.id)
        'app.auth.let', // a never-reassigned let
        'app.auth.concat', // 'app.auth.'.concat('concat')
        'app.auth.renamed', // const { getError: ge } = require(…) inside a function
      ].sort(),
    );
    // `this.twice` is assigned twice: its call is not followed, only its wrap() scope may raise them.
    expect(report.maybeUsed.map((entry) => entry.id)).toEqual(['app.other.twice', 'app.other.never']);
    expect(report.unused).toEqual([]);
  });
});
