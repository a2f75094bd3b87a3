import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, runCli, SHIPPED } from './run-cli';

const REFERENCE = readFileSync(join(FIXTURES, 'reference-security.md'), 'utf8');
const MULTI_EXPECTED = join(FIXTURES, 'docs', 'multi', 'expected');
const read = (file: string): string => readFileSync(file, 'utf8');

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const dispose of cleanup) dispose();
  cleanup = [];
});
function scratch(name: string): string {
  const copy = copyFixture(name);
  cleanup.push(copy.dispose);
  return copy.dir;
}

describe('error-catalog docs', () => {
  it('reproduces the reference page byte for byte from the shipped catalog (golden)', () => {
    const dir = scratch('check/shipped');
    const result = runCli(['docs', '--catalog', SHIPPED, '--out', 'out'], dir);
    expect(result).toEqual({ status: 0, stdout: 'out: wrote 1 page (0 unchanged)\n', stderr: '' });
    expect(readFileSync(join(dir, 'out', 'security', 'index.md'))).toEqual(Buffer.from(REFERENCE, 'utf8'));
  });

  it('leaves the three deprecated role errors out of the reference page', () => {
    expect(REFERENCE).not.toMatch(/invalid_controller|invalid_action|missing_policies/);
  });

  it('renders several domains with deprecations and the docs config as specified (golden)', () => {
    const dir = scratch('docs/multi');
    const result = runCli(['docs'], dir);
    expect(result).toEqual({ status: 0, stdout: 'site/errors: wrote 2 pages (0 unchanged)\n', stderr: '' });
    expect(read(join(dir, 'site/errors/billing/index.md'))).toBe(read(join(MULTI_EXPECTED, 'billing/index.md')));
    expect(read(join(dir, 'site/errors/search/index.md'))).toBe(read(join(MULTI_EXPECTED, 'search/index.md')));
    // The deprecated domain gets no page.
    expect(existsSync(join(dir, 'site/errors/legacy'))).toBe(false);
    expect(runCli(['docs'], dir).stdout).toBe('site/errors: wrote 0 pages (2 unchanged)\n');
  });

  it('--check passes when the pages are up to date', () => {
    const result = runCli(['docs', '--check', '--out', MULTI_EXPECTED], join(FIXTURES, 'docs', 'multi'));
    expect(result).toEqual({ status: 0, stdout: 'expected: 2 pages up to date\n', stderr: '' });
    const shipped = runCli(['docs', '--check', '--catalog', SHIPPED, '--out', 'ref'], scratchWithReference());
    expect(shipped.status).toBe(0);
  });

  it('--check prints a unified diff and exits 1 when a page is stale, without writing', () => {
    const dir = scratch('docs/multi');
    const page = join(dir, 'expected', 'search', 'index.md');
    const stale = read(page).replace('Queries are limited to 4096 characters', 'Queries are limited');
    writeFileSync(page, stale);
    const result = runCli(['docs', '--check', '--out', 'expected'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '--- a/expected/search/index.md',
        '+++ b/expected/search/index.md',
        '@@ -16,6 +16,6 @@',
        ' ',
        ' | Id | Error Type (Status Code)             | Message           |',
        ' | ------ | -----------------| ------------------ | ------------------ |',
        '-| search.query.too_long<br/><pre>0xc8010001</pre> | [SizeLimitError](https://docs.example.com/errors/SizeLimitError) <pre>(413)</pre> | Queries are limited |',
        '+| search.query.too_long<br/><pre>0xc8010001</pre> | [SizeLimitError](https://docs.example.com/errors/SizeLimitError) <pre>(413)</pre> | Queries are limited to 4096 characters |',
        ' ',
        ' ---',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe("1 page in expected is stale; run 'error-catalog docs --out expected'\n");
    expect(read(page)).toBe(stale);
  });

  it('--check reports missing pages and generated pages of domains no longer documented', () => {
    const dir = scratch('docs/multi');
    mkdirSync(join(dir, 'expected', 'legacy'));
    writeFileSync(
      join(dir, 'expected', 'legacy', 'index.md'),
      '[//]: # (This documentation is auto-generated)\n# legacy\n',
    );
    mkdirSync(join(dir, 'expected', 'handwritten'));
    writeFileSync(join(dir, 'expected', 'handwritten', 'index.md'), '# not generated: left alone\n');
    writeFileSync(join(dir, 'expected', 'search', 'index.md'), '');
    const result = runCli(['docs', '--check', '--out', 'expected'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '--- a/expected/search/index.md\n+++ b/expected/search/index.md\n@@ -0,0 +1,21 @@\n+---\n',
    );
    expect(result.stdout).toContain(
      '--- a/expected/legacy/index.md\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-[//]: # (This documentation is auto-generated)\n-# legacy\n',
    );
    expect(result.stdout).not.toContain('handwritten');
    expect(result.stderr).toBe("2 pages in expected are stale; run 'error-catalog docs --out expected'\n");

    // Writing removes the stale generated page and keeps the hand-written one.
    expect(runCli(['docs', '--out', 'expected'], dir).stdout).toBe(
      'expected: wrote 1 page (1 unchanged), removed 1 stale page\n',
    );
    expect(existsSync(join(dir, 'expected', 'legacy', 'index.md'))).toBe(false);
    expect(existsSync(join(dir, 'expected', 'handwritten', 'index.md'))).toBe(true);
    expect(runCli(['docs', '--check', '--out', 'expected'], dir).status).toBe(0);
  });

  it('refuses to document a catalog with problems (exit 1) and needs an output directory (exit 2)', () => {
    const broken = runCli(['docs', '--out', 'x'], join(FIXTURES, 'check', 'broken'));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('errors/1-api.json:25:9  error name');
    expect(broken.stderr).toContain('error-catalog docs: the catalog has problems');
    const noOut = runCli(['docs'], join(FIXTURES, 'check', 'shipped'));
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('give --out <dir>, or "out" in the "docs" section of the config');
  });
});

function scratchWithReference(): string {
  const dir = scratch('check/shipped');
  mkdirSync(join(dir, 'ref', 'security'), { recursive: true });
  writeFileSync(join(dir, 'ref', 'security', 'index.md'), REFERENCE);
  return dir;
}
