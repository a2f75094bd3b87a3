import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** How many test files the summary lists. */
const SHOWN = 8;

/**
 * Prints the slowest test files at the end of a run (time spent in their tests and hooks, as
 * vitest measures it), so a suite that grows slow is seen, not guessed. Informative only:
 * nothing fails on a duration.
 */
export default class SlowestReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules
      .map((module) => ({ file: relative(process.cwd(), module.moduleId), ms: module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    if (rows.length === 0) return;
    const lines = rows.map((row) => `  ${(row.ms / 1000).toFixed(1).padStart(7)} s  ${row.file}`);
    process.stdout.write(`\nSlowest test files (tests + hooks):\n${lines.join('\n')}\n`);
  }
}
