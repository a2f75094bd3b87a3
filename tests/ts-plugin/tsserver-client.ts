import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * A minimal client of tsserver's stdio protocol: requests are one JSON object per line on stdin;
 * responses and events come back on stdout framed as `Content-Length: N\r\n\r\n<json>`. Any
 * byte on stdout outside that framing (a plugin writing to stdout) fails the client.
 */
export interface TsServerMessage {
  readonly seq: number;
  readonly type: 'response' | 'event';
  readonly command?: string;
  readonly request_seq?: number;
  readonly success?: boolean;
  readonly message?: string;
  readonly event?: string;
  readonly body?: unknown;
}

export class TsServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly pending = new Map<
    number,
    { resolve: (message: TsServerMessage) => void; reject: (error: Error) => void }
  >();
  readonly events: TsServerMessage[] = [];
  /** Set when stdout carried something that is not a framed message. */
  protocolError: string | undefined;
  stderr = '';

  constructor(tsserverPath: string, cwd: string, extraArgs: readonly string[] = []) {
    this.child = spawn(
      process.execPath,
      [tsserverPath, '--disableAutomaticTypingAcquisition', '--locale', 'en', ...extraArgs],
      { cwd, stdio: 'pipe' },
    );
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`tsserver exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** A request tsserver answers (most of them). */
  request<T = unknown>(command: string, args?: unknown): Promise<T> {
    const seq = this.send(command, args);
    return new Promise<TsServerMessage>((resolve, reject) => this.pending.set(seq, { resolve, reject })).then(
      (message) => {
        if (!message.success) throw new Error(`${command} failed: ${message.message ?? 'no message'}`);
        return message.body as T;
      },
    );
  }

  /** A request without a response (`open`, `change`, `close`). */
  notify(command: string, args?: unknown): void {
    this.send(command, args);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.notify('exit');
      setTimeout(() => this.child.kill(), 2000).unref();
    });
  }

  private send(command: string, args: unknown): number {
    const seq = ++this.seq;
    this.child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return seq;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('utf8');
      const match = /^Content-Length: (\d+)$/.exec(header);
      if (!match) {
        this.protocolError ??= `unexpected output on stdout: ${JSON.stringify(header.slice(0, 200))}`;
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as TsServerMessage;
      if (message.type === 'response' && message.request_seq !== undefined) {
        const waiter = this.pending.get(message.request_seq);
        this.pending.delete(message.request_seq);
        waiter?.resolve(message);
      } else this.events.push(message);
    }
  }
}

/** 1-based line and offset of a character index, as the protocol counts them. */
export function lineOffset(text: string, index: number): { line: number; offset: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, offset: before[before.length - 1]!.length + 1 };
}
