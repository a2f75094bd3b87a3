import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** A JSON-RPC message of the Language Server Protocol, as far as these tests read it. */
interface Message {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
}

/**
 * A minimal LSP client over stdio (Content-Length framing), enough to drive a real wrapper of
 * tsserver (typescript-language-server, vtsls) as an editor does: requests, notifications, and
 * answers to the server's own requests (`workspace/configuration` from the given settings,
 * `null` for the rest).
 */
export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Everything the server wrote on stderr, for failure messages. */
  stderr = '';

  constructor(
    command: string,
    args: readonly string[],
    cwd: string,
    private readonly settings: Record<string, unknown> = {},
  ) {
    this.child = spawn(command, args, { cwd, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** initialize + initialized, with the capabilities an editor announces for completion. */
  async initialize(rootDir: string, initializationOptions: Record<string, unknown>): Promise<void> {
    const rootUri = pathToFileURL(rootDir).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'scratch' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: {
            completionItem: {
              commitCharactersSupport: true,
              labelDetailsSupport: true,
              insertReplaceSupport: true,
              snippetSupport: false,
            },
            completionList: { itemDefaults: ['commitCharacters', 'editRange'] },
          },
        },
      },
    });
    this.notify('initialized', {});
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      this.notify('exit', null);
    } finally {
      this.child.kill();
    }
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params) });
      return;
    }
    if (message.method !== undefined) return; // a notification: logs, diagnostics, progress
    const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!waiting) return;
    this.pending.delete(message.id as number);
    if (message.error) waiting.reject(new Error(`${message.error.code}: ${message.error.message}`));
    else waiting.resolve(message.result);
  }

  /** The server's own requests: settings by section ('' is all of them), null for everything else. */
  private answer(method: string, params: unknown): unknown {
    if (method !== 'workspace/configuration') return null;
    const items = (params as { items?: Array<{ section?: string }> }).items ?? [];
    return items.map(({ section }) => {
      if (!section) return this.settings;
      let value: unknown = this.settings;
      for (const key of section.split('.')) {
        value =
          typeof value === 'object' && value !== null && Object.hasOwn(value, key)
            ? (value as Record<string, unknown>)[key]
            : undefined;
      }
      return value ?? null;
    });
  }
}
