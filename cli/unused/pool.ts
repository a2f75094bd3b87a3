import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CallsConfig } from '../../catalog';
import { CallMatcher } from '../../catalog/callsite/match';
import type { ScanResult } from './scan';

/** Files per message: large enough to amortise messaging, small enough to balance the workers. */
const BATCH = 40;
/** Below this many files, starting workers (each loads TypeScript) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 300;
const MAX_JOBS = 8;

/** Worker threads to use when `--jobs` is not given: none for a small project. */
export function defaultJobs(fileCount: number): number {
  return fileCount < MIN_FILES_FOR_WORKERS ? 1 : Math.min(MAX_JOBS, availableParallelism());
}

/**
 * Scans `files` with `jobs` worker threads (in the calling thread when `jobs` is 1), calling `onResult` as results arrive, and returns the results in the
 * order of `files` so that the report does not depend on scheduling.
 */
export async function scanFiles(files: readonly string[], calls: CallsConfig, jobs: number, onResult: () => void): Promise<ScanResult[]> {
  if (jobs <= 1) {
    // The parser loads here, only when there is something to scan.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scanFile } = require('./scan-file') as typeof import('./scan-file');
    const matcher = new CallMatcher(calls);
    return files.map((file) => {
      const result = scanFile(file, matcher, readFileSync);
      onResult();
      return result;
    });
  }

  const results = new Array<ScanResult>(files.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (worker: Worker): void => {
        if (next >= files.length) {
          if (--running === 0) resolve();
          return;
        }
        const start = next;
        next = Math.min(files.length, next + BATCH);
        worker.once('message', (batch: ScanResult[]) => {
          batch.forEach((result, offset) => {
            results[start + offset] = result;
            onResult();
          });
          feed(worker);
        });
        worker.postMessage({ files: files.slice(start, next) });
      };
      for (let i = 0; i < Math.min(jobs, Math.ceil(files.length / BATCH)); i++) {
        const worker = new Worker(join(__dirname, 'worker.js'), { workerData: { calls } });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (next < files.length || running > 0) reject(new Error(`a scan worker stopped unexpectedly (exit code ${code})`));
        });
        workers.push(worker);
        running++;
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
