import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { activateWith, type ErrorCatalogExtension } from './activation';
import type { ClientOptionsLike } from './vscode-api';

/**
 * vscode-languageclient's client behind the activation's narrower constructor type. The folder in
 * the options is one of `vscode.workspace.workspaceFolders` (the activation only passes those on),
 * so the options are the library's own at run time.
 */
class Client extends LanguageClient {
  constructor(id: string, name: string, server: ServerOptions, options: ClientOptionsLike) {
    super(id, name, server, options as unknown as LanguageClientOptions);
  }
}

let extension: ErrorCatalogExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = await activateWith({
    vscode,
    LanguageClient: Client,
    stdioTransport: TransportKind.stdio,
    extensionPath: context.extensionPath,
    fileExists: existsSync,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  context.subscriptions.push({ dispose: () => void extension?.dispose() });
}

export async function deactivate(): Promise<void> {
  await extension?.dispose();
  extension = undefined;
}
