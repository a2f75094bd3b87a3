import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { createScratchProject } from '../support/scratch-project';
import { APP_FINDINGS, WORKSPACE_FILES } from './fixture';
import { LspClient, uri } from './lsp-client';

/**
 * The server never loads the project's TypeScript: the same answers next to TypeScript 6 (which
 * the tsserver plugin also serves) and TypeScript 7 (which has no plugin API at all).
 */
describe.each([
  ['server-ts6', '~6.0.3', /^6\.0\./],
  ['server-ts7', '7.0.x', /^7\.0\./],
])('the language server installed next to TypeScript (%s)', (name, range, version) => {
  it('initializes, pushes diagnostics and completes', async () => {
    const project = createScratchProject(name, { typescript: range }, WORKSPACE_FILES);
    const installed = JSON.parse(
      readFileSync(join(project.dir, 'node_modules', 'typescript', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toMatch(version);
    const { client } = await LspClient.start(project.dir, { folders: [project.dir] });
    try {
      const app = join(project.dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pushed(app, (d) => d.length > 0)).toEqual(APP_FINDINGS);
      await client.change(app, `getError('security.token.');\n`);
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: uri(app) },
        position: { line: 0, character: 25 },
      });
      expect(list.items.map((i) => i.label)).toEqual([
        'security.token.invalid',
        'security.token.expired',
        'security.token.old_token',
      ]);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  }, 240_000);
});
