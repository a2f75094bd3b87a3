import { isAbsolute, join } from 'node:path';
import type { Dependencies, FolderLike } from './vscode-api';

export const BUILT_IN_TYPESCRIPT = 'vscode.typescript-language-features';
export const NATIVE_PREVIEW = 'TypeScriptTeam.native-preview';

export interface CodeDocumentsDecision {
  /** True when the language server serves JS/TS documents; false when the tsserver plugin does. */
  readonly codeDocuments: boolean;
  readonly reason: string;
}

/**
 * Who gives error-id features in JS/TS files of a folder — never both, so nothing shows twice.
 * The extension contributes the tsserver plugin to VS Code's own JavaScript TypeScript
 * (`typescriptServerPlugins`), which loads it whatever TypeScript the project installs. So the
 * server leaves code documents to the plugin unless that TypeScript is not running:
 *  - VS Code's TypeScript extension is disabled;
 *  - the TypeScript Native Preview replaces it (`typescript.experimental.useTsgo` with the
 *    native-preview extension installed, the condition VS Code itself uses);
 *  - the TypeScript selected for the workspace (`typescript.tsdk`) is 7 or later, which has no
 *    plugin API.
 */
export function decideCodeDocuments(
  folder: FolderLike,
  deps: Pick<Dependencies, 'vscode' | 'readFile'>,
): CodeDocumentsDecision {
  const { vscode } = deps;
  if (vscode.extensions.getExtension(BUILT_IN_TYPESCRIPT) === undefined)
    return { codeDocuments: true, reason: "VS Code's TypeScript extension is disabled" };
  const typescript = vscode.workspace.getConfiguration('typescript', folder.uri);
  if (typescript.get<boolean>('experimental.useTsgo') === true && vscode.extensions.getExtension(NATIVE_PREVIEW))
    return { codeDocuments: true, reason: 'the TypeScript Native Preview serves JS/TS files' };
  const tsdk = typescript.get<string>('tsdk');
  if (tsdk) {
    const version = typescriptVersion(isAbsolute(tsdk) ? tsdk : join(folder.uri.fsPath, tsdk), deps.readFile);
    if (version !== undefined && Number.parseInt(version, 10) >= 7)
      return {
        codeDocuments: true,
        reason: `the workspace TypeScript (${tsdk}) is ${version}, which loads no plugins`,
      };
  }
  return { codeDocuments: false, reason: "VS Code's TypeScript runs the error-catalog tsserver plugin" };
}

/** The version of the TypeScript whose `lib` directory `tsdk` names (`node_modules/typescript/lib`). */
function typescriptVersion(tsdk: string, readFile: (path: string) => string | undefined): string | undefined {
  const text = readFile(join(tsdk, '..', 'package.json'));
  if (text === undefined) return undefined;
  try {
    const version: unknown = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
