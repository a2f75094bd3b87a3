// A minimal tsserver stdio client for the benchmark: requests are JSON lines on stdin, answers
// come back framed as `Content-Length: N\r\n\r\n<json>` on stdout.
import { spawn } from 'node:child_process';

export class TsServer {
  #child;
  #buffer = Buffer.alloc(0);
  #seq = 0;
  #pending = new Map();
  stderr = '';

  constructor(tsserverPath, cwd, extraArgs = [], nodeArgs = []) {
    this.#child = spawn(
      process.execPath,
      [
        '--max-old-space-size=4096',
        ...nodeArgs,
        tsserverPath,
        '--disableAutomaticTypingAcquisition',
        '--locale',
        'en',
        ...extraArgs,
      ],
      { cwd, stdio: 'pipe' },
    );
    this.#child.stdout.on('data', (chunk) => this.#receive(chunk));
    this.#child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.#child.on('exit', (code) => {
      for (const { reject } of this.#pending.values()) reject(new Error(`tsserver exited (${code}): ${this.stderr}`));
      this.#pending.clear();
    });
  }

  get pid() {
    return this.#child.pid;
  }

  /** Resolves with the response message and the size of its JSON body in bytes. */
  requestRaw(command, args) {
    const seq = this.#send(command, args);
    return new Promise((resolve, reject) => this.#pending.set(seq, { resolve, reject })).then((answer) => {
      // "No content available" is tsserver's empty answer (e.g. no completions), not a failure.
      if (!answer.message.success && answer.message.message !== 'No content available.')
        throw new Error(`${command} failed: ${answer.message.message}`);
      return answer;
    });
  }

  notify(command, args) {
    this.#send(command, args);
  }

  close() {
    return new Promise((resolve) => {
      if (this.#child.exitCode !== null) return resolve();
      this.#child.once('exit', () => resolve());
      this.notify('exit');
      setTimeout(() => this.#child.kill(), 2000).unref();
    });
  }

  #send(command, args) {
    const seq = ++this.#seq;
    this.#child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return seq;
  }

  #receive(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/.exec(this.#buffer.subarray(0, headerEnd).toString('utf8'))?.[1] ?? Number.NaN,
      );
      if (Number.isNaN(length))
        throw new Error(
          `tsserver wrote something unframed to stdout: ${this.#buffer.subarray(0, 200).toString('utf8')}`,
        );
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const body = this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length);
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body.toString('utf8'));
      if (message.type !== 'response') continue;
      const waiter = this.#pending.get(message.request_seq);
      this.#pending.delete(message.request_seq);
      waiter?.resolve({ message, bytes: body.length });
    }
  }
}
