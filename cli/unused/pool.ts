import { readTextFile } from '../../catalog/read-file';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CallsConfig } from '../../catalog';
import { CallMatcher } from '../../catalog/callsite/match';
import type { ScanResult } from '../../analysis/id-uses';

/** Files per batch: large enough to amortise messaging, small enough to balance the threads. */
const BATCH = 40;
/** Below this many files, starting workers (each loads TypeScript) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 300;
const MAX_JOBS = 8;

/**
 * Threads to scan with when `--jobs` is not given: half the logical CPUs, at most 8, and the
 * main thread alone for a small project. Half, because logical CPUs usually come in
 * hyperthread pairs sharing a core: on a busy 2-vCPU machine, a worker alone parsed as fast as
 * the main thread, but two threads together took 40–60 % more CPU time and no less wall time.
 */
export function defaultJobs(fileCount: number): number {
  return fileCount < MIN_FILES_FOR_WORKERS
    ? 1
    : Math.max(1, Math.min(MAX_JOBS, Math.floor(availableParallelism() / 2)));
}

/**
 * Scans `files` on `jobs` threads — the main thread plus `jobs - 1` workers — calling
 * `onResult` as results arrive, and returns the results in the order of `files` so that the
 * report does not depend on scheduling. The main thread takes batches too: it has the parser
 * loaded and warmed up already, which a worker has to do from scratch.
 */
export async function scanFiles(
  files: readonly string[],
  calls: CallsConfig,
  jobs: number,
  onResult: () => void,
): Promise<ScanResult[]> {
  // The parser (TypeScript itself) loads here, only when there is something to scan.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scanFile } = require('./scan-file') as typeof import('./scan-file');
  const matcher = new CallMatcher(calls);
  const results = new Array<ScanResult>(files.length);
  let next = 0;
  const take = (): { start: number; end: number } | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return { start, end: next };
  };

  const workerCount = Math.min(jobs - 1, Math.ceil(files.length / BATCH) - 1);
  const workers: Worker[] = [];
  const workersDone = new Promise<void>((resolve, reject) => {
    let running = workerCount;
    if (running <= 0) resolve();
    const feed = (worker: Worker): void => {
      const batch = take();
      if (!batch) {
        if (--running === 0) resolve();
        return;
      }
      worker.once('message', (scanned: ScanResult[]) => {
        scanned.forEach((result, offset) => {
          results[batch.start + offset] = result;
          onResult();
        });
        feed(worker);
      });
      worker.postMessage({ files: files.slice(batch.start, batch.end) });
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(join(__dirname, 'worker.js'), { workerData: { calls } });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (running > 0) reject(new Error(`a scan worker stopped unexpectedly (exit code ${code})`));
      });
      workers.push(worker);
      feed(worker);
    }
  });

  // Awaited after our own batches; until then a worker failure must not count as unhandled.
  workersDone.catch(() => undefined);
  try {
    for (let batch = take(); batch; batch = take()) {
      for (let index = batch.start; index < batch.end; index++) {
        results[index] = scanFile(files[index]!, matcher, (file) => readTextFile(file));
        onResult();
      }
      // Let the workers' results in, and hand them their next batch, between two batches of ours.
      if (workerCount > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await workersDone;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
