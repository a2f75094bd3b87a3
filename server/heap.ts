import { setFlagsFromString } from 'node:v8';

/**
 * V8 tunes its heap for throughput, and a language server is not the process it tunes for: it
 * runs for hours with a small live heap (about 40 MiB with a 50,000-error catalog and 5,000
 * indexed files) and a steady stream of short-lived parse trees. Two of V8's
 * heuristics cost it most of its memory (`npm run bench:server`; docs/language-server.md):
 *
 * - Between two full collections the old generation may grow up to 4× what the last one found
 *   live (V8's factor is dynamic and reaches 4 when the heap limit is large, as on any developer
 *   machine). 10% keeps the RSS near the live heap, at no measured cost to the latency of
 *   diagnostics after an edit.
 * - The young generation doubles (up to 32 MiB on a 64-bit machine) whenever more than its size
 *   survived since it last grew. Loading the catalog and building the index is all survivors —
 *   data kept for the session, not a young working set — so it would grow to its maximum for
 *   nothing: it is held at its initial size until the first index build is done, then left to
 *   V8 for the edits. (Capping it at 16 MiB for the edits too was measured: 12–15 MiB less RSS, but
 *   diagnostics after an edit of a 2,000-line document took 20–21 ms instead of 16–19.)
 *
 * Setting these flags after start is safe: V8 reads them each time it computes a limit or a size
 * (heap-controller.cc, heap.cc), not when it sets the heap up. A flag the process was started with
 * (on the command line, or in `NODE_OPTIONS` where Node allows it) is left alone:
 * `--heap-growing-percent=0 --semi-space-growth-factor=2` restores V8's own sizing.
 */
const HEAP_GROWING_PERCENT = 10;
/** V8's default `--semi-space-growth-factor`. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

export interface HeapTuning {
  readonly heapGrowing: boolean;
  readonly youngGenerationHeld: boolean;
}

/** Whether this module holds the young generation (until the startup's loading is done). */
let youngGenerationHeld = false;

/** Applies the tuning this process's own flags leave open; returns what it applied. */
export function tuneHeapForLongRun(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env['NODE_OPTIONS'] ?? '',
): HeapTuning {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)];
  const has = (flag: string): boolean => {
    const pattern = new RegExp(`^--${flag.replace(/-/g, '[-_]')}(?:=|$)`);
    return given.some((arg) => pattern.test(arg));
  };
  const heapGrowing = !has('heap-growing-percent');
  if (heapGrowing) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const sizedByProcess = ['semi-space-growth-factor', 'min-semi-space-size', 'max-semi-space-size'].some(has);
  if (!sizedByProcess) {
    youngGenerationHeld = true;
    setFlagsFromString('--semi-space-growth-factor=1');
  }
  return { heapGrowing, youngGenerationHeld: !sizedByProcess };
}

/** The startup's loading (catalog, first index build) is done: the young generation grows as V8 decides again. */
export function startupLoadDone(): void {
  if (!youngGenerationHeld) return;
  youngGenerationHeld = false;
  setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
}
