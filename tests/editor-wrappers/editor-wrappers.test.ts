import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject, REPO_ROOT, type ScratchProject } from '../support/scratch-project';
import { LspClient } from './lsp-client';

/**
 * The tsserver plugin through the LSP wrappers editors really run — typescript-language-server
 * and vtsls (VS Code's own TypeScript extension code) — on the packed package: our completion
 * entries carry empty commit characters (the wrappers' defaults `. , ;` would make typing the `.`
 * of a dotted id accept the highlighted entry), and a project whose `typescript` is 7 still gets
 * the plugin from a wrapper that runs a JavaScript TypeScript, given the plugin's location.
 */
const TSLS_VERSION = '6.0.2';
const VTSLS_VERSION = '0.3.0';

const SOURCE = `declare function getError(id: string, ...placeholders: unknown[]): Error;
export const failure = getError('security.token.');
export const max = Mat;
`;
/** Inside the literal, right after `security.token.`; and after `Mat` (TypeScript's own completions). */
const IN_ID = { line: 1, character: SOURCE.split('\n')[1]!.indexOf("token.'") + 'token.'.length };
const IN_CODE = { line: 2, character: SOURCE.split('\n')[2]!.indexOf('Mat') + 3 };

const FILES = {
  'error-catalog.config.json': JSON.stringify({ catalog: 'node_modules/error-catalog/catalog/data' }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, plugins: [{ name: 'error-catalog/ts-plugin' }] },
    include: ['src'],
  }),
  'src/app.ts': SOURCE,
};

interface CompletionItem {
  label: string;
  commitCharacters?: string[];
}
interface CompletionList {
  items: CompletionItem[];
  itemDefaults?: { commitCharacters?: string[] };
}

/** The commit characters an editor applies to each item: its own, else the list's default. */
function commitCharactersOf(result: CompletionList | CompletionItem[] | null): Map<string, string[] | undefined> {
  const list = Array.isArray(result) ? { items: result } : (result ?? { items: [] });
  const defaults = 'itemDefaults' in list ? list.itemDefaults?.commitCharacters : undefined;
  return new Map(list.items.map((item) => [item.label, item.commitCharacters ?? defaults]));
}

/**
 * Opens src/app.ts and asks for completions inside the id until the catalog's entries appear:
 * before the project has loaded, the wrappers answer from a syntax-only server that loads no
 * plugins (the hang guard is far above any machine's load time).
 */
async function completeInId(client: LspClient, dir: string): Promise<Map<string, string[] | undefined>> {
  const uri = pathToFileURL(join(dir, 'src', 'app.ts')).href;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: SOURCE } });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: IN_ID,
    });
    const items = commitCharactersOf(result);
    if ([...items.keys()].some((label) => /^security\.token\.\w+/.test(label) || label === 'invalid')) return items;
    if (Date.now() > deadline)
      throw new Error(`no catalog completions; got ${[...items.keys()].join(', ')}\n${client.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function completeInCode(client: LspClient, dir: string): Promise<Map<string, string[] | undefined>> {
  const uri = pathToFileURL(join(dir, 'src', 'app.ts')).href;
  return commitCharactersOf(
    await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: IN_CODE,
    }),
  );
}

function expectEmptyCommitCharacters(items: Map<string, string[] | undefined>): void {
  const ours = [...items].filter(([label]) => label.startsWith('security.token.') || label === 'invalid');
  expect(ours.length).toBeGreaterThan(0);
  for (const [label, commit] of ours) expect({ label, commit }).toEqual({ label, commit: [] });
}

/** The control: TypeScript's own entries keep the wrapper's defaults, so the assertion above can fail. */
function expectDefaultCommitCharacters(items: Map<string, string[] | undefined>): void {
  expect(items.get('Math')).toEqual(expect.arrayContaining(['.', ',', ';']));
}

const tsls = (dir: string) =>
  new LspClient(
    process.execPath,
    [join(dir, 'node_modules', 'typescript-language-server', 'lib', 'cli.mjs'), '--stdio'],
    dir,
  );
const vtsls = (dir: string, settings: Record<string, unknown>) =>
  new LspClient(
    process.execPath,
    [join(dir, 'node_modules', '@vtsls', 'language-server', 'bin', 'vtsls.js'), '--stdio'],
    dir,
    settings,
  );

let running: LspClient | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('a TypeScript 6 project, plugin from tsconfig.json', { timeout: 180_000 }, () => {
  let project: ScratchProject;
  beforeAll(() => {
    project = createScratchProject(
      'editor-wrappers-ts6',
      { typescript: '^6.0.3', 'typescript-language-server': TSLS_VERSION, '@vtsls/language-server': VTSLS_VERSION },
      FILES,
    );
  }, 300_000);

  it(`typescript-language-server ${TSLS_VERSION}: catalog entries have empty commit characters`, async () => {
    running = tsls(project.dir);
    await running.initialize(project.dir, {});
    expectEmptyCommitCharacters(await completeInId(running, project.dir));
    expectDefaultCommitCharacters(await completeInCode(running, project.dir));
  });

  it(`vtsls ${VTSLS_VERSION} (workspace TypeScript): catalog entries have empty commit characters`, async () => {
    running = vtsls(project.dir, { vtsls: { autoUseWorkspaceTsdk: true } });
    await running.initialize(project.dir, {});
    expectEmptyCommitCharacters(await completeInId(running, project.dir));
    expectDefaultCommitCharacters(await completeInCode(running, project.dir));
  });
});

describe('a TypeScript 7 project, plugin given to a wrapper that runs its own TypeScript', { timeout: 180_000 }, () => {
  let project: ScratchProject;
  beforeAll(() => {
    project = createScratchProject(
      'editor-wrappers-ts7',
      { typescript: '~7.0.2', 'typescript-language-server': TSLS_VERSION, '@vtsls/language-server': VTSLS_VERSION },
      FILES,
    );
  }, 300_000);

  it('typescript-language-server: `plugins` with a `location`, tsserver of a TypeScript 6 elsewhere', async () => {
    running = tsls(project.dir);
    await running.initialize(project.dir, {
      // The editor's own TypeScript: this repository's TypeScript 6, outside the project, so the
      // plugin can only come from the location given here.
      tsserver: { path: join(REPO_ROOT, 'node_modules', 'typescript', 'lib', 'tsserver.js') },
      plugins: [{ name: 'error-catalog/ts-plugin', location: project.dir }],
    });
    expectEmptyCommitCharacters(await completeInId(running, project.dir));
  });

  it('vtsls: its bundled TypeScript with `typescript.tsserver.pluginPaths`', async () => {
    running = vtsls(project.dir, { typescript: { tsserver: { pluginPaths: ['.'] } } });
    await running.initialize(project.dir, {});
    expectEmptyCommitCharacters(await completeInId(running, project.dir));
  });
});
