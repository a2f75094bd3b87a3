import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUEST_HANG_MS } from '../support/hang-guard';
import { lineOffset, TsServer } from '../ts-plugin/tsserver-client';

/** Shared by the real-tsserver hardening suites: hang-guarded requests and the plugin's view of a file. */

export interface ProtocolDiagnostic {
  readonly start: { line: number; offset: number };
  readonly end: { line: number; offset: number };
  readonly text: string;
  readonly code: number;
  readonly category: string;
  readonly source?: string;
}

export function tsconfigWithPlugin(): string {
  return JSON.stringify(
    {
      compilerOptions: { strict: true, noEmit: true, types: [], plugins: [{ name: 'error-catalog/ts-plugin' }] },
      include: ['src'],
    },
    null,
    2,
  );
}

/**
 * A client of one tsserver whose every request must answer before REQUEST_HANG_MS: a plugin that
 * hangs on a hostile catalog fails here, naming the request, rather than at the test's timeout.
 * A hang guard, not a latency bound (see tests/support/hang-guard.ts).
 */
export class BoundedServer {
  readonly server: TsServer;

  constructor(
    scratchDir: string,
    readonly logFile: string,
  ) {
    this.server = new TsServer(join(scratchDir, 'node_modules', 'typescript', 'lib', 'tsserver.js'), scratchDir, [
      '--logVerbosity',
      'normal',
      '--logFile',
      logFile,
    ]);
  }

  async request<T>(command: string, args: unknown): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${command} did not answer within ${REQUEST_HANG_MS} ms: tsserver hangs`)),
        REQUEST_HANG_MS,
      );
    });
    try {
      return await Promise.race([this.server.request<T>(command, args), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  open(file: string, projectRootPath: string): void {
    this.server.notify('open', { file, projectRootPath });
  }

  async ours(file: string): Promise<ProtocolDiagnostic[]> {
    return (await this.request<ProtocolDiagnostic[]>('semanticDiagnosticsSync', { file })).filter(
      (d) => d.source === 'error-catalog',
    );
  }

  async completionNames(file: string, text: string, index: number): Promise<string[]> {
    const body = await this.request<{ entries: Array<{ name: string }> } | undefined>('completionInfo', {
      file,
      ...lineOffset(text, index),
    });
    return body?.entries.map((e) => e.name) ?? [];
  }

  async quickInfo(file: string, text: string, index: number): Promise<string | undefined> {
    // tsserver answers a position without quick info with success: false ("No content available").
    try {
      return (await this.request<{ displayString: string }>('quickinfo', { file, ...lineOffset(text, index) }))
        .displayString;
    } catch (error) {
      if (/No content available/.test(String(error))) return undefined;
      throw error;
    }
  }

  /**
   * The plugin's caught failures, watches it could not set up, and exceptions tsserver caught
   * (in a watcher callback, say) from the tsserver log: a caught exception is still a bug.
   */
  caughtFailures(): string[] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => /\[error-catalog\] .* failed: |\[error-catalog\] cannot watch |^Err .*Exception/.test(line));
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
