import { defineConfig } from 'vitest/config';

const SLOWEST = './tests/support/slowest-reporter.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Hang guards, not latency bounds (tests/support/hang-guard.ts): far above what a busy machine needs,
    // for in-process tests and for the suites that spawn real processes (ESLint, tsserver, npm, the CLI).
    // The values of TEST_HANG_MS and HOOK_HANG_MS (tests/meta/no-timing.test.ts checks they agree).
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Integration suites install packed tarballs into scratch projects; keep the 2-core machine responsive.
    maxWorkers: 2,
    // The slowest test files at the end (tests/support/slowest-reporter.ts); on CI, also a JSON report,
    // from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env['CI']
      ? ['default', SLOWEST, ['json', { outputFile: 'tests/.scratch/vitest-results.json' }]]
      : ['default', SLOWEST],
  },
});
