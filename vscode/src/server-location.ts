import { dirname, join } from 'node:path';
import type { Dependencies } from './vscode-api';

const SERVER_IN_PACKAGE = join('node_modules', 'error-catalog', 'dist', 'server', 'main.js');

export interface ServerLocation {
  readonly module: string;
  /** The project's own error-catalog (same version as its CLI and ESLint rules), or the extension's copy. */
  readonly source: 'workspace' | 'bundled';
}

/**
 * The language server for a workspace folder: the error-catalog installed in the folder (or in a
 * parent directory: a package of a monorepo), else the copy bundled with the extension.
 */
export function locateServer(
  folderPath: string,
  deps: Pick<Dependencies, 'extensionPath' | 'fileExists'>,
): ServerLocation | undefined {
  for (let dir = folderPath; ; dir = dirname(dir)) {
    const candidate = join(dir, SERVER_IN_PACKAGE);
    if (deps.fileExists(candidate)) return { module: candidate, source: 'workspace' };
    if (dirname(dir) === dir) break;
  }
  const bundled = join(deps.extensionPath, SERVER_IN_PACKAGE);
  return deps.fileExists(bundled) ? { module: bundled, source: 'bundled' } : undefined;
}
