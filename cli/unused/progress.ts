const INTERVAL_MS = 100;

/**
 * "scanning 1234/5000 files" on one line of stderr, redrawn at most every 100 ms,
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

  tick(): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.stream.write(`\r\x1b[Kscanning ${this.count}/${this.total} files`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
