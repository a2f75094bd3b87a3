import { defineConfig } from 'vitest/config';
import { HOOK_HANG_MS, TEST_HANG_MS } from './tests/support/hang-guard';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Hang guards, not latency bounds (tests/support/hang-guard.ts): far above what a busy machine needs,
    // for in-process tests and for the suites that spawn real processes (ESLint, tsserver, npm, the CLI).
    testTimeout: TEST_HANG_MS,
    hookTimeout: HOOK_HANG_MS,
    // Integration suites install packed tarballs into scratch projects; keep the 2-core machine responsive.
    maxWorkers: 2,
    // The slowest test files at the end (tests/support/slowest-reporter.ts); on CI, also a JSON report,
    // from which .ci/run prints a plain "N passed, N failed" line.
    reporters: [
      'default',
      './tests/support/slowest-reporter.ts',
      ...(process.env['CI'] ? [['json', { outputFile: 'tests/.scratch/vitest-results.json' }] as const] : []),
    ],
  },
});
