import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Integration suites install packed tarballs into scratch projects; keep the 2-core machine responsive.
    maxWorkers: 2,
    // On CI, also a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env['CI']
      ? ['default', ['json', { outputFile: 'tests/.scratch/vitest-results.json' }]]
      : ['default'],
  },
});
