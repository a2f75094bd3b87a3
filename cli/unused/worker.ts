/**
 * Worker thread of `error-catalog unused`: reads and scans the files it is sent, and posts
 * back what it found. Each worker loads its own parser; the main thread only coordinates.
 */
import { readTextFile } from '../../catalog/read-file';
import { parentPort, workerData } from 'node:worker_threads';
import type { CallsConfig } from '../../catalog';
import { CallMatcher } from '../../catalog/callsite/match';
import { scanFile } from './scan-file';

interface Batch {
  readonly files: readonly string[];
}

const matcher = new CallMatcher((workerData as { calls: CallsConfig }).calls);
parentPort!.on('message', (batch: Batch) => {
  parentPort!.postMessage(batch.files.map((file) => scanFile(file, matcher, (path) => readTextFile(path))));
});
