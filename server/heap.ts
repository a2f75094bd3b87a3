import { setFlagsFromString } from 'node:v8';

/**
 * V8 tunes its heap for throughput, and a language server is not the process it tunes for: it
 * runs for hours with a small live set (the catalog and the workspace index: about 40 MiB for
 * 50,000 errors and 5,000 files) and a steady stream of short-lived parse trees. Two of V8's
 * heuristics cost it most of its memory (`npm run bench:server`; docs/language-server.md):
 *
 * - Between two full collections the old generation may grow up to 4× what the last one found
 *   live (V8's factor is dynamic and reaches 4 when the heap limit is large, as on any developer
 *   machine). 10% keeps the RSS after the index build near the live heap, at no measured cost
 *   to the latency of diagnostics after an edit.
 * - The young generation doubles (up to 2 × 16 MiB) whenever more than its size survived since
 *   it last grew. Loading the catalog and building the index is all survivors — data kept for
 *   the session, not a young working set — so it grows to its maximum for nothing. It is kept
 *   from growing until the first index build is done, then allowed to grow with the edits.
 *
 * Setting both after start is safe: V8 reads them each time it computes a limit or a size
 * (heap-controller.cc, heap.cc), not when it sets the heap up. A flag the process was started
 * with (on the command line or in `NODE_OPTIONS`) is left alone: `--heap-growing-percent=0`
 * restores V8's default.
 */
export const HEAP_GROWING_PERCENT = 10;
/** V8's default `--semi-space-growth-factor`, restored once the startup's loading is done. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

export interface HeapTuning {
  readonly heapGrowing: boolean;
  readonly nurseryHeld: boolean;
}

let nurseryHeld = false;

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
  nurseryHeld = !has('semi-space-growth-factor') && !has('min-semi-space-size') && !has('max-semi-space-size');
  if (nurseryHeld) setFlagsFromString('--semi-space-growth-factor=1');
  return { heapGrowing, nurseryHeld };
}

/** The startup's loading (catalog, first index build) is done: the young generation may grow again. */
export function startupLoadDone(): void {
  if (!nurseryHeld) return;
  nurseryHeld = false;
  setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
}
