import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/run-cli';

/**
 * The language server's V8 tuning (server/heap.ts), observed in a fresh Node process as V8 itself
 * reports it: the factor of the old generation's next limit (`--trace-gc-verbose`) and the young
 * generation's size while the survivors of a load pile up. Memory figures belong in bench/.
 */
const HEAP = join(REPO, 'dist', 'server', 'heap.js');

/** Runs `script` (with `heap` = server/heap.js) in a fresh Node process; returns its stdout. */
function run(script: string, nodeArgs: readonly string[] = [], nodeOptions = ''): string {
  return execFileSync(
    process.execPath,
    [...nodeArgs, '-e', `const heap = require(${JSON.stringify(HEAP)});\n${script}`],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
      timeout: 60_000,
    },
  );
}

/**
 * The growing factors V8 printed for the limits of its full collection (`[HeapController] Limit:
 * … (1.1)` and its global twin on Node 20; any controller's name, whatever V8 calls it).
 */
function limitFactors(output: string): string[] {
  return [...output.matchAll(/\] Limit: .*\(([\d.]+)\)$/gm)].map((m) => m[1]!);
}

// Keeps `mib` MiB of small objects alive (a catalog's worth of survivors) and prints the young
// generation's size before and after.
const SURVIVORS = `
const kept = [];
const newSpace = () => require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
function survive(mib) { for (let i = 0; i < mib * 1024 * 1024 / 64; i++) kept.push({ a: i, b: String(i) }); }
`;

describe('language server heap tuning', () => {
  it('sets the old generation to grow by 10% past what is live', () => {
    const output = run('console.log(JSON.stringify(heap.tuneHeapForLongRun())); gc();', [
      '--expose-gc',
      '--trace-gc-verbose',
    ]);
    expect(output).toContain('{"heapGrowing":true,"youngGenerationHeld":true}');
    const factors = limitFactors(output);
    expect(factors.length).toBeGreaterThan(0);
    expect(new Set(factors)).toEqual(new Set(['1.1']));
  });

  it("leaves V8's growth alone when the process was started with its own", () => {
    // (V8 refuses `--heap-growing-percent` in NODE_OPTIONS: only the command line can give it.)
    for (const flag of ['--heap-growing-percent=0', '--heap_growing_percent=25']) {
      const output = run('console.log(JSON.stringify(heap.tuneHeapForLongRun())); gc();', [
        '--expose-gc',
        '--trace-gc-verbose',
        flag,
      ]);
      expect(output).toContain('"heapGrowing":false');
      const factors = limitFactors(output);
      expect(factors.length).toBeGreaterThan(0);
      expect(factors).not.toContain('1.1');
    }
  });

  it('holds the young generation while the startup loads, then lets it grow', () => {
    const sizes = (tune: boolean): { held: number; after: number } =>
      JSON.parse(
        run(`${SURVIVORS}
${tune ? 'heap.tuneHeapForLongRun();' : ''}
survive(96);
const held = newSpace();
heap.startupLoadDone();
survive(96);
console.log(JSON.stringify({ held, after: newSpace() }));`),
      ) as { held: number; after: number };
    const tuned = sizes(true);
    const untuned = sizes(false);
    // The same 96 MiB of survivors grow an untuned young generation; a held one stays as it was.
    expect(tuned.held).toBeLessThan(untuned.held);
    expect(tuned.after).toBeGreaterThan(tuned.held);
  });

  it('leaves the young generation to V8 when the process sizes it itself', () => {
    for (const [nodeArgs, nodeOptions] of [
      [['--max-semi-space-size=8'], ''],
      [[], '--max-semi-space-size=8'],
      [['--semi-space-growth-factor=3'], ''],
    ] as const) {
      const output = run(
        `${SURVIVORS}
const tuning = heap.tuneHeapForLongRun();
const start = newSpace();
survive(96);
console.log(JSON.stringify({ tuning, start, after: newSpace() }));`,
        nodeArgs,
        nodeOptions,
      );
      const { tuning, start, after } = JSON.parse(output) as { tuning: unknown; start: number; after: number };
      expect(tuning).toEqual({ heapGrowing: true, youngGenerationHeld: false });
      expect(after).toBeGreaterThan(start);
    }
  });
});
