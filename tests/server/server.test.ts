import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  Location,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { APP, APP_FINDINGS, CATALOG, CATALOG_TEXT, CONFIG, WORKSPACE_FILES } from './fixture';
import { applyEdits, editsByFile, LspClient, uri, type ClientOptions } from './lsp-client';

/** Spawns, npm installs and LSP round trips: generous, never a latency bound. */
const TIMEOUT = 120_000;

let project: ScratchProject;
const clients: LspClient[] = [];

beforeAll(() => {
  // No `typescript` in this install: the server parses with the package's own parser.
  project = createScratchProject('server-no-ts', {});
});

afterEach(() => {
  for (const client of clients.splice(0)) client.kill();
});

/** A fresh workspace folder inside the scratch project (the server is the project's installed bin). */
function workspace(name: string, files: Record<string, string> = WORKSPACE_FILES): string {
  const dir = join(project.dir, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function start(folders: string[], options: Partial<ClientOptions> = {}) {
  const started = await LspClient.start(project.dir, { folders, ...options });
  clients.push(started.client);
  return started;
}

const at = (file: string, line: number, character: number) => ({
  textDocument: { uri: uri(file) },
  position: { line, character },
});

const summary = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`);

/**
 * Applies a WorkspaceEdit as an editor does and saves every file: open documents (`open`: file →
 * buffer text) change in the buffer too; the server is told of the files written.
 */
async function applyEverywhere(
  client: LspClient,
  edit: WorkspaceEdit,
  open: Map<string, string> = new Map(),
): Promise<void> {
  const files = [...editsByFile(edit)];
  for (const [file, edits] of files) {
    const next = applyEdits(open.get(file) ?? readFileSync(file, 'utf8'), edits);
    writeFileSync(file, next);
    if (open.has(file)) {
      open.set(file, next);
      await client.change(file, next);
    }
  }
  await client.filesChanged(files.map(([file]) => ({ file, type: 2 })));
}

describe('the language server over stdio, installed without TypeScript', () => {
  it(
    'initializes, reports indexing progress, pushes the ESLint rules’ findings and exits cleanly',
    async () => {
      const dir = workspace('ws-push');
      const { client, result } = await start([dir]);
      expect(result.capabilities).toMatchObject({
        completionProvider: { resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      });
      await client.indexed();
      const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
      expect(kinds[0]).toBe('begin');
      expect(kinds[kinds.length - 1]).toBe('end');
      // The watchers were registered dynamically, as the client allows.
      expect(JSON.stringify(client.registrations)).toContain('workspace/didChangeWatchedFiles');

      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pushed(app, (d) => d.length > 0)).toEqual(APP_FINDINGS);

      // An edit is re-checked from the unsaved buffer.
      await client.change(app, `${APP}getError('api.user.nope', 1);\n`);
      const edited = await client.pushed(app, (d) => d.length === 4);
      expect(edited[3]).toMatchObject({
        range: { start: { line: 4, character: 9 }, end: { line: 4, character: 24 } },
        message: "Unknown error 'nope' in 'api.user' ('api.user.nope').",
      });
      expect(await client.shutdown()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'keeps the findings of the rest of a document, and completes, while lines of it do not parse',
    async () => {
      const dir = workspace('ws-typing');
      const { client } = await start([dir]);
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pushed(app, (d) => d.length > 0)).toEqual(APP_FINDINGS);
      // A call left open after the first line, a literal being typed on the last.
      const lines = APP.trimEnd().split('\n');
      const typed = [
        lines[0],
        "const b = getError('security.token.expired'",
        ...lines.slice(1),
        "getError('security.to",
      ];
      await client.change(app, typed.join('\n'));
      // The findings below the first line move down by the line inserted.
      const shifted = APP_FINDINGS.map((d) =>
        d.range.start.line > 0
          ? {
              ...d,
              range: {
                start: { ...d.range.start, line: d.range.start.line + 1 },
                end: { ...d.range.end, line: d.range.end.line + 1 },
              },
            }
          : d,
      );
      // The first push after the change (the server pushes once per version).
      const changed = (d: Diagnostic[]) => JSON.stringify(d) !== JSON.stringify(APP_FINDINGS);
      expect(await client.pushed(app, changed)).toEqual(shifted);
      const completion = await client.request<CompletionList>(
        'textDocument/completion',
        at(app, typed.length - 1, typed[typed.length - 1]!.length),
      );
      expect(completion.items.map((item) => item.label)).toEqual([
        'security.token.invalid',
        'security.token.expired',
        'security.token.old_token',
      ]);
      // A rename would miss the uses on the lines that do not parse: refused, naming the first.
      await expect(
        client.request('textDocument/rename', { ...at(app, 2, 20), newName: 'former_token' }),
      ).rejects.toThrow(
        `Cannot rename: ${app}:3:1: the file does not parse (Expected \`,\` or \`)\` but found \`Identifier\`)`,
      );
    },
    TIMEOUT,
  );

  it(
    'answers pulled diagnostics with the same findings and asks for a refresh when the catalog changes',
    async () => {
      const dir = workspace('ws-pull');
      const { client } = await start([dir], { pull: true });
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pulled(app)).toEqual(APP_FINDINGS);
      await client.indexed();
      const refreshes = client.refreshCount;
      const catalog = structuredClone(CATALOG) as unknown as {
        security: { subDomains: { token: { errors: Record<string, unknown> } } };
      };
      catalog.security.subDomains.token.errors['missing'] = {
        code: 9,
        message: 'Missing',
        description: 'Missing token',
        class: 'UnauthorizedError',
      };
      writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog, null, 2));
      await client.filesChanged([{ file: join(dir, 'catalog.json'), type: 2 }]);
      await client.refreshedAfter(refreshes);
      expect(summary(await client.pulled(app))).toEqual(['0:9-34 unknownError', '1:9-35 deprecatedError']);
      // Pull clients get nothing pushed.
      expect(client.diagnostics.has(uri(app))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'completes ids segment by segment (deprecated last and tagged), also in a literal still being typed, and resolves their documentation',
    async () => {
      const big: Record<string, unknown> = {};
      for (let s = 1; s <= 4; s++) {
        const errors: Record<string, unknown> = {};
        for (let e = 1; e <= 100; e++)
          errors[`e${e}`] = { code: e, message: `M${e}`, description: `D${e}`, class: 'BadRequestError' };
        big[`s${s}`] = { code: s, errors };
      }
      const catalog = { ...CATALOG, big: { code: 9, subDomains: big } };
      const dir = workspace('ws-complete', {
        'error-catalog.config.json': CONFIG,
        'catalog.json': JSON.stringify(catalog, null, 2),
        'src/a.ts': `getError('');\n`,
      });
      const { client } = await start([dir]);
      const file = join(dir, 'src/a.ts');
      await client.open(file);
      const complete = (line: number, character: number) =>
        client.request<CompletionList>('textDocument/completion', at(file, line, character));

      // 403 ids are more than one answer holds: domains first.
      const top = await complete(0, 10);
      expect(top.isIncomplete).toBe(true);
      expect(top.items.map((i) => i.label)).toEqual(['security.', 'api.', 'big.']);
      expect(top.items[0]!.textEdit).toEqual({
        range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } },
        newText: 'security.',
      });

      await client.change(file, `getError('big.');\n`);
      expect((await complete(0, 14)).items.map((i) => i.label)).toEqual(['big.s1.', 'big.s2.', 'big.s3.', 'big.s4.']);

      // Being typed: no closing quote, no closing parenthesis.
      await client.change(file, `const x = 1;\ngetError('security.token.`);
      const ids = await complete(1, 25);
      expect(ids.items.map((i) => [i.label, i.tags ?? []])).toEqual([
        ['security.token.invalid', []],
        ['security.token.expired', []],
        ['security.token.old_token', [1]],
      ]);
      expect(ids.items[0]!.textEdit).toEqual({
        range: { start: { line: 1, character: 10 }, end: { line: 1, character: 25 } },
        newText: 'security.token.invalid',
      });

      // Split form: the part under the cursor.
      await client.change(file, `kerror.get('security', 't', 'invalid');\n`);
      const subdomains = await complete(0, 25);
      expect(subdomains.items.map((i) => i.label)).toEqual(['token']);

      const resolved = await client.request<CompletionItem>('completionItem/resolve', ids.items[0]);
      expect(resolved.detail).toBe('(error) security.token.invalid: 0x07010001');
      expect(resolved.documentation).toEqual({
        kind: 'markdown',
        value:
          '`0x07010001` · UnauthorizedError · HTTP 401\n\n**Message:** Invalid token `%s` _(1 placeholder)_\n\nInvalid token %s (description)',
      });
    },
    TIMEOUT,
  );

  it(
    'hovers an id and goes to its definition in the catalog JSON',
    async () => {
      const dir = workspace('ws-hover');
      const { client } = await start([dir]);
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      // On the split form's 'invalid' (line 3).
      const hover = await client.request<Hover>('textDocument/hover', at(app, 3, 34));
      expect(hover.range).toEqual({ start: { line: 3, character: 32 }, end: { line: 3, character: 41 } });
      expect((hover.contents as { value: string }).value).toContain('(error) security.token.invalid: 0x07010001');
      expect((hover.contents as { value: string }).value).toContain('UnauthorizedError · HTTP 401');

      const definition = await client.request<Location>('textDocument/definition', at(app, 3, 34));
      const catalogLines = CATALOG_TEXT.split('\n');
      const line = catalogLines.findIndex((l) => l.includes('"invalid": {'));
      const character = catalogLines[line]!.indexOf('"invalid"');
      expect(definition).toEqual({
        uri: uri(join(dir, 'catalog.json')),
        range: { start: { line, character }, end: { line, character: character + '"invalid"'.length } },
      });
      // The domain part goes to the domain.
      const domain = await client.request<Location>('textDocument/definition', at(app, 3, 14));
      expect(domain.range.start).toEqual({ line: 1, character: 2 });
      // Outside any id: nothing.
      expect(await client.request('textDocument/hover', at(app, 3, 2))).toBeNull();
    },
    TIMEOUT,
  );

  it(
    'offers a fix for every finding; applied, they leave no finding and a valid catalog',
    async () => {
      const dir = workspace('ws-fix');
      const { client } = await start([dir]);
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      const findings = await client.pushed(app, (d) => d.length === 3);
      const actionsFor = (diagnostic: Diagnostic) =>
        client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: uri(app) },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        });

      const typo = await actionsFor(findings[0]!);
      expect(typo.map((a) => a.title)).toEqual([
        "Replace with 'security.token.invalid'.",
        "Add 'security.token.invalidd' to the catalog",
      ]);
      const deprecated = await actionsFor(findings[1]!);
      expect(deprecated.map((a) => [a.title, a.isPreferred])).toEqual([
        ["Replace with 'security.token.expired'.", true],
      ]);
      const missing = await actionsFor(findings[2]!);
      expect(missing.map((a) => a.title)).toEqual(["Add 'security.token.missing' to the catalog"]);
      expect([...editsByFile(missing[0]!.edit!).keys()]).toEqual([join(dir, 'catalog.json')]);

      // The code edits go to the open buffer; the catalog edit to disk.
      let text = APP;
      for (const action of [typo[0]!, deprecated[0]!]) text = applyEdits(text, action.edit!.changes![uri(app)]!);
      expect(text.split('\n').slice(0, 2)).toEqual([
        "getError('security.token.invalid', 'x');",
        "getError('security.token.expired');",
      ]);
      await client.change(app, text);
      await client.pushed(app, (d) => d.length === 1);
      await applyEverywhere(client, missing[0]!.edit!);
      expect(await client.pushed(app, (d) => d.length === 0)).toEqual([]);

      const check = project.run('npx', ['error-catalog', 'check', '--config', join(dir, 'error-catalog.config.json')]);
      expect(check.stdout + check.stderr).toContain('no problems: 5 errors (1 deprecated) in 2 domains');
      expect(check.status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'finds the references of an id across the workspace, honouring .gitignore',
    async () => {
      const dir = workspace('ws-refs');
      const { client } = await start([dir]);
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      await client.indexed();
      const found = await client.request<Location[]>('textDocument/references', {
        ...at(app, 3, 34),
        context: { includeDeclaration: false },
      });
      const rel = (l: Location) =>
        `${l.uri.slice(uri(dir).length + 1)}:${l.range.start.line}:${l.range.start.character}`;
      // The split name in app.ts, the wrapped get('invalid') and the dotted id in uses.js; not ignored/skip.ts.
      expect(found.map(rel)).toEqual(['src/app.ts:3:32', 'src/uses.js:1:11', 'src/uses.js:2:9']);
      const withDeclaration = await client.request<Location[]>('textDocument/references', {
        ...at(app, 3, 34),
        context: { includeDeclaration: true },
      });
      expect(withDeclaration.map(rel)[0]).toBe('catalog.json:7:10');
    },
    TIMEOUT,
  );

  it(
    'renames an error, a subdomain and a domain across the catalog and every static use, or refuses naming the use',
    async () => {
      const dir = workspace('ws-rename', {
        ...WORKSPACE_FILES,
        'src/app.ts': `getError('security.token.invalid', 'x');\nkerror.get('api', 'user', 'not_found', 'q');\n`,
      });
      const { client } = await start([dir]);
      const app = join(dir, 'src/app.ts');
      const uses = join(dir, 'src/uses.js');
      await client.open(app);
      await client.indexed();

      // The error name: the segment under the cursor in a dotted id.
      expect(await client.request('textDocument/prepareRename', at(app, 0, 30))).toEqual({
        range: { start: { line: 0, character: 25 }, end: { line: 0, character: 32 } },
        placeholder: 'invalid',
      });
      const renamed = await client.request<WorkspaceEdit>('textDocument/rename', {
        ...at(app, 0, 30),
        newName: 'bad_token',
      });
      expect([...editsByFile(renamed).keys()].sort()).toEqual([join(dir, 'catalog.json'), app, uses].sort());
      const open = new Map([[app, readFileSync(app, 'utf8')]]);
      await applyEverywhere(client, renamed, open);
      expect(readFileSync(uses, 'utf8').split('\n').slice(0, 3)).toEqual([
        "const tokens = kerror.wrap('security', 'token');",
        "tokens.get('bad_token', 'a');",
        'getError("security.token.bad_token", \'b\');',
      ]);

      // The domain, from a split part: wrap() arguments and dotted ids follow.
      const domain = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(app, 1, 13), newName: 'web' });
      await applyEverywhere(client, domain, open);
      expect(open.get(app)).toBe(
        `getError('security.token.bad_token', 'x');\nkerror.get('web', 'user', 'not_found', 'q');\n`,
      );
      expect(readFileSync(uses, 'utf8').split('\n').slice(3, 6)).toEqual([
        "const users = kerror.wrap('web', 'user');",
        "users.get('not_found', 'c');",
        "getError('web.user.not_found', 'd');",
      ]);
      expect(await client.pushed(app, (d) => d.length === 0)).toEqual([]);
      const check = project.run('npx', ['error-catalog', 'check', '--config', join(dir, 'error-catalog.config.json')]);
      expect(check.status).toBe(0);

      // The subdomain 'token' is also named by a constant in constant.ts: refused, naming it.
      await expect(client.request('textDocument/rename', { ...at(app, 0, 20), newName: 'tokens' })).rejects.toThrow(
        `Cannot rename: ${join(dir, 'src/constant.ts')}:2:10: the id is built from constants, not written as a literal here`,
      );
    },
    TIMEOUT,
  );

  it(
    'follows catalog edits on disk; a broken catalog gives one diagnostic naming file:line and the last good one keeps serving',
    async () => {
      const dir = workspace('ws-broken', {
        ...WORKSPACE_FILES,
        'src/app.ts': `getError('security.token.invalid', 'x');\ngetError('security.token.expired');\n`,
      });
      const { client } = await start([dir]);
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pushed(app, () => true)).toEqual([]);

      // A catalog whose line 3 has a syntax error.
      const broken = CATALOG_TEXT.replace('"code": 7,', '"code": 7,,');
      writeFileSync(join(dir, 'catalog.json'), broken);
      await client.filesChanged([{ file: join(dir, 'catalog.json'), type: 2 }]);
      const diagnostics = await client.pushed(app, (d) => d.length > 0);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.code).toBe('catalogProblem');
      expect(diagnostics[0]!.message).toMatch(
        new RegExp(`^The error catalog cannot be used: ${join(dir, 'catalog.json')}:3:\\d+: `),
      );
      // Completion still serves the last good catalog.
      await client.change(app, `getError('security.token.');\n`);
      const list = await client.request<CompletionList>('textDocument/completion', at(app, 0, 25));
      expect(list.items.map((i) => i.label)).toContain('security.token.expired');
    },
    TIMEOUT,
  );

  it(
    'serves the catalog JSON itself: unsaved problems, hover with usage, references, completion, unused hints, rename',
    async () => {
      // 'security.token.expired' is used nowhere (no constant.ts, no wrap() scope that may raise it).
      const { 'src/constant.ts': _constant, ...files } = WORKSPACE_FILES;
      const dir = workspace('ws-catalog', {
        ...files,
        'src/uses.js': `getError("security.token.invalid", 'b');\nkerror.get('security', 'token', 'invalid', 'c');\ngetError('api.user.not_found', 'd');\n`,
      });
      const { client } = await start([dir]);
      const catalog = join(dir, 'catalog.json');
      await client.indexed();
      await client.open(catalog);
      const lines = CATALOG_TEXT.split('\n');
      const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));
      const expired = lineOf('"expired"');
      expect(await client.pushed(catalog, (d) => d.length > 0)).toEqual([
        {
          range: {
            start: { line: expired, character: 10 },
            end: { line: expired, character: 19 },
          },
          severity: 4,
          tags: [1],
          source: 'error-catalog',
          message: "'security.token.expired' is not used in the workspace",
        },
      ]);

      // An unsaved edit that reuses a code: diagnosed from the buffer, at the code.
      await client.change(catalog, CATALOG_TEXT.replace('"code": 2,', '"code": 1,'));
      const problems = await client.pushed(catalog, (d) => d.some((x) => x.severity === 1));
      expect(problems[0]).toMatchObject({
        range: { start: { line: expired + 1, character: 20 }, end: { line: expired + 1, character: 21 } },
        severity: 1,
        message: "duplicate error code 1 in 'security.token': already used by 'invalid'",
      });
      await client.change(catalog, CATALOG_TEXT);

      const invalid = lineOf('"invalid"');
      const onKey = at(catalog, invalid, lines[invalid]!.indexOf('invalid') + 2);
      const hover = await client.request<Hover>('textDocument/hover', onKey);
      expect((hover.contents as { value: string }).value).toContain('used in 3 places in the workspace');
      const refs = await client.request<Location[]>('textDocument/references', {
        ...onKey,
        context: { includeDeclaration: false },
      });
      expect(refs.map((l) => `${l.uri.slice(uri(dir).length + 1)}:${l.range.start.line}`)).toEqual([
        'src/app.ts:3',
        'src/uses.js:0',
        'src/uses.js:1',
      ]);
      const classLine = lineOf('"class"');
      const classes = await client.request<CompletionItem[]>(
        'textDocument/completion',
        at(catalog, classLine, lines[classLine]!.indexOf('Unauth') + 1),
      );
      expect(classes.map((c) => c.label)).toContain('UnauthorizedError');

      // Rename from the catalog key: the code follows.
      expect(await client.request('textDocument/prepareRename', onKey)).toEqual({
        range: {
          start: { line: invalid, character: lines[invalid]!.indexOf('invalid') },
          end: { line: invalid, character: lines[invalid]!.indexOf('invalid') + 'invalid'.length },
        },
        placeholder: 'invalid',
      });
      const renamed = await client.request<WorkspaceEdit>('textDocument/rename', { ...onKey, newName: 'bad' });
      expect([...editsByFile(renamed).keys()].sort()).toEqual(
        [catalog, join(dir, 'src/app.ts'), join(dir, 'src/uses.js')].sort(),
      );
    },
    TIMEOUT,
  );

  it(
    'serves a multi-root workspace, each folder with its own config and catalog',
    async () => {
      const one = workspace('ws-multi-one', {
        'error-catalog.config.json': CONFIG,
        'catalog.json': CATALOG_TEXT,
        'src/a.ts': `getError('security.token.invalid', 'x');\ngetError('shop.cart.empty');\n`,
      });
      const shop = {
        shop: {
          code: 3,
          subDomains: {
            cart: {
              code: 1,
              errors: { empty: { code: 1, message: 'Empty', description: 'E', class: 'BadRequestError' } },
            },
          },
        },
      };
      const two = workspace('ws-multi-two', {
        'error-catalog.config.json': CONFIG,
        'catalog.json': JSON.stringify(shop, null, 2),
        'src/b.ts': `getError('security.token.invalid', 'x');\ngetError('shop.cart.empty');\n`,
      });
      const { client } = await start([one, two]);
      const a = join(one, 'src/a.ts');
      const b = join(two, 'src/b.ts');
      await client.open(a);
      await client.open(b);
      expect((await client.pushed(a, (d) => d.length > 0)).map((d) => [d.range.start.line, d.code])).toEqual([
        [1, 'unknownDomain'],
      ]);
      expect((await client.pushed(b, (d) => d.length > 0)).map((d) => [d.range.start.line, d.code])).toEqual([
        [0, 'unknownDomain'],
      ]);
      await client.indexed();
      const refs = await client.request<Location[]>('textDocument/references', {
        ...at(b, 1, 14),
        context: { includeDeclaration: true },
      });
      expect(refs.map((l) => l.uri)).toEqual([uri(join(two, 'catalog.json')), uri(b)]);
    },
    TIMEOUT,
  );

  it(
    'answers nothing, and never fails, for unparsable code, untitled buffers and JSON outside any catalog',
    async () => {
      const dir = workspace('ws-odd', {
        ...WORKSPACE_FILES,
        'src/broken.ts': `getError('security.token.nope'\nconst = ;\n`,
        'data.json': '{ "not": "a catalog" }\n',
      });
      const { client } = await start([dir], { pull: true });
      const broken = join(dir, 'src/broken.ts');
      await client.open(broken);
      expect(await client.pulled(broken)).toEqual([]);
      expect(await client.request('textDocument/hover', at(broken, 0, 14))).toBeNull();
      const data = join(dir, 'data.json');
      await client.open(data);
      expect(await client.pulled(data)).toEqual([]);
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'untitled:Untitled-1', languageId: 'typescript', version: 1, text: "getError('x.y.z');" },
      });
      const untitled = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri: 'untitled:Untitled-1' },
      });
      expect(untitled.items).toEqual([]);
      // Still serving.
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pulled(app)).toEqual(APP_FINDINGS);
      expect(client.logs.filter((line) => line.includes('failed'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'shows each kind of finding at the severity the settings give, or not at all',
    async () => {
      const dir = workspace('ws-severity');
      const { client } = await start([dir], {
        pull: true,
        initializationOptions: { errorCatalog: { severity: { unknown: 'warning', deprecated: 'off' } } },
      });
      await client.indexed();
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect((await client.pulled(app)).map((d) => [d.range.start.line, d.code, d.severity])).toEqual([
        [0, 'unknownError', 2],
        [2, 'unknownError', 2],
      ]);
    },
    TIMEOUT,
  );

  it.each([
    ['initializationOptions', { initializationOptions: { errorCatalog: { codeDocuments: false } } }],
    ['workspace/configuration', { configuration: { codeDocuments: false } }],
  ])(
    'leaves code documents alone when codeDocuments is off (%s), and still serves catalog documents',
    async (_how, settings) => {
      const dir = workspace('ws-off');
      const { client } = await start([dir], { pull: true, ...settings });
      // The settings are read before the index is built.
      await client.indexed();
      const app = join(dir, 'src/app.ts');
      await client.open(app);
      expect(await client.pulled(app)).toEqual([]);
      expect(await client.request('textDocument/completion', at(app, 0, 12))).toBeNull();
      expect(await client.request('textDocument/hover', at(app, 3, 34))).toBeNull();
      const catalog = join(dir, 'catalog.json');
      await client.open(catalog, CATALOG_TEXT.replace('"code": 2,', '"code": 1,'));
      expect((await client.pulled(catalog)).map((d) => d.message)).toContain(
        "duplicate error code 1 in 'security.token': already used by 'invalid'",
      );
    },
    TIMEOUT,
  );
});
