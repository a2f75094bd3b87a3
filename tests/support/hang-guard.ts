/**
 * Hang guards, never latency bounds: each is far above what the slowest busy machine needs, so a
 * test fails on these only when something hangs, never because the machine is slow. Measurements
 * of speed belong in bench/. (tests/meta/no-timing.test.ts keeps timing assertions out of tests/.)
 */

/** Default per test (vitest.config.mts): in-process tests and suites that spawn real processes alike. */
export const TEST_HANG_MS = 120_000;

/** Per hook: `beforeAll`s install scratch projects (npm, possibly waiting for a parallel install's lock). */
export const HOOK_HANG_MS = 600_000;

/** One request to a real tsserver. */
export const REQUEST_HANG_MS = 60_000;

/** `expect.poll` for an eventual effect (a file watcher noticing an edit, a refreshed diagnostic). */
export const EVENTUALLY_MS = 60_000;
