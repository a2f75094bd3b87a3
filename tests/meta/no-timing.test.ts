import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.mjs'; // vitest.config.mts (TypeScript and Vite map .mjs to .mts)
import { EVENTUALLY_MS, HOOK_HANG_MS, TEST_HANG_MS } from '../support/hang-guard';

/**
 * Tests never assert timings: a busy machine must not fail them (issue 13). Speed is measured in
 * bench/; tests only guard against hangs, with the constants of tests/support/hang-guard.ts.
 */
const TESTS = join(__dirname, '..');

/** Clock reads that only serve to measure elapsed time, and numeric timeouts below the hang guard. */
const TIMING_PATTERNS: ReadonlyArray<{ readonly what: string; readonly pattern: RegExp }> = [
  { what: 'performance.now()', pattern: /\bperformance\.now\s*\(/ },
  { what: 'process.hrtime', pattern: /\bprocess\.hrtime\b/ },
  { what: 'an elapsed time (Date.now() - …)', pattern: /\bDate\.now\(\)\s*-|-\s*Date\.now\(\)/ },
  { what: 'console.time', pattern: /\bconsole\.time(?:End|Log)?\s*\(/ },
  {
    what: 'a timeout literal below the hang guard',
    pattern: /(?:\btimeout|Timeout|TIMEOUT|_MS)\s*[:=]\s*(\d[\d_]*)\b|\},\s*(\d[\d_]*)\s*\)\s*;?\s*$/,
  },
];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.scratch' || entry.name === 'fixtures' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(?:ts|mts|js|mjs)$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** Every timing assertion pattern in `text`, as `line: what`. */
export function timingFindings(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const { what, pattern } of TIMING_PATTERNS) {
      const match = pattern.exec(line);
      if (!match) continue;
      const literal = match[1] ?? match[2];
      if (literal !== undefined && Number(literal.replace(/_/g, '')) >= EVENTUALLY_MS) continue;
      found.push(`${index + 1}: ${what}: ${line.trim()}`);
    }
  });
  return found;
}

describe('no timing in tests', () => {
  it('detects each pattern it forbids (the check itself can fail)', () => {
    expect(timingFindings('const t = performance.now();')).toHaveLength(1);
    expect(timingFindings('const [s] = process.hrtime();')).toHaveLength(1);
    expect(timingFindings('expect(Date.now() - started).toBeLessThan(20_000);')).toHaveLength(1);
    expect(timingFindings('export const REQUEST_BOUND_MS = 5_000;')).toHaveLength(1);
    expect(timingFindings('await expect.poll(f, { timeout: 10_000, interval: 100 }).toBe(true);')).toHaveLength(1);
    expect(timingFindings('  }, 30_000);')).toHaveLength(1);
    // hang guards and unrelated numbers pass
    expect(timingFindings('await expect.poll(f, { timeout: EVENTUALLY_MS, interval: 100 }).toBe(true);')).toEqual([]);
    expect(timingFindings('export const TEST_HANG_MS = 120_000;')).toEqual([]);
    expect(timingFindings('  }, 600_000);')).toEqual([]);
    expect(timingFindings('utimesSync(file, new Date(), new Date(Date.now() + 5_000));')).toEqual([]);
  });

  it("vitest's default timeouts are the hang guards", () => {
    expect(config.test?.testTimeout).toBe(TEST_HANG_MS);
    expect(config.test?.hookTimeout).toBe(HOOK_HANG_MS);
  });

  it('no test file under tests/ measures elapsed time or bounds a wait below the hang guard', () => {
    const findings = sourceFiles(TESTS)
      .filter((file) => !file.startsWith(__dirname))
      .flatMap((file) => timingFindings(readFileSync(file, 'utf8')).map((f) => `${relative(TESTS, file)}:${f}`));
    expect(findings).toEqual([]);
  });
});
