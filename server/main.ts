#!/usr/bin/env node
/**
 * `error-catalog-language-server --stdio` (or `--node-ipc`, `--socket=<port>`, `--pipe=<name>`:
 * vscode-languageserver reads the transport from the command line).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneHeapForLongRun } from './heap';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.stdout.write(`${(require('../../package.json') as { version: string }).version}\n`);
} else if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  process.stderr.write(
    'Usage: error-catalog-language-server --stdio\n\nThe error-catalog language server; an editor starts it (see docs/language-server.md).\n',
  );
  process.exitCode = 2;
} else {
  tuneHeapForLongRun();
  startServer(createConnection(ProposedFeatures.all));
}
