import { relative } from 'node:path';

const INTERVAL_MS = 100;

/**
 * "scanning 1234/5000 path/to/file.ts" on one line of stderr, redrawn at most every 100 ms,
 * and only when stderr is a terminal: piped and CI output stay clean.
 */
export class Progress {
  private last = 0;
  private count = 0;
  private shown = false;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
  ) {
    this.enabled = stream.isTTY === true;
  }

  tick(file: string): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < INTERVAL_MS) return;
    this.last = now;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const line = `scanning ${this.count}/${this.total} ${relative(process.cwd(), file)}`;
    this.stream.write(`\r\x1b[K${line.slice(0, width)}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
