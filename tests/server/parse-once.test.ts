/**
 * The language server parses a document once per version, whatever asks for it: the check that
 * follows an edit (which also updates the workspace index), pulled diagnostics, hover, completion
 * and code actions all share that parse. Counted with `parseCount()`, never timed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { callNodes, parseCount, parseSource } from '../../analysis/parse';
import { MAX_NESTING } from '../../analysis/nesting';
import { startServer } from '../../server/server';
import { APP, CATALOG_TEXT, CONFIG } from './fixture';

let dir: string;
let client: ProtocolConnection;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'error-catalog-parse-once-'));
  writeFileSync(join(dir, 'error-catalog.config.json'), CONFIG);
  writeFileSync(join(dir, 'catalog.json'), CATALOG_TEXT);
  file = join(dir, 'app.ts');
  writeFileSync(file, APP);
  // The server and its client in this process, joined by two pipes.
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(toServer, toClient));
  client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/configuration', ({ items }: { items: unknown[] }) => items.map(() => null));
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    // No workspace folder: no index build parses files meanwhile.
    workspaceFolders: [],
    capabilities: { textDocument: { diagnostic: {} } },
  });
  await client.sendNotification('initialized', {});
});

afterAll(() => {
  client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const textDocument = () => ({ uri: pathToFileURL(file).href });
const pull = async () =>
  (await client.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: textDocument() }))
    .items;

describe('one parse per document version', () => {
  it('shares the parse of a version between the check after an edit, diagnostics, hover, completion and code actions', async () => {
    const before = parseCount();
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { ...textDocument(), languageId: 'typescript', version: 1, text: APP },
    });
    expect((await pull()).map((d) => d.code)).toEqual(['unknownError', 'deprecatedError', 'unknownError']);
    expect(parseCount() - before).toBe(1);

    for (let version = 2; version <= 4; version++) {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { ...textDocument(), version },
        contentChanges: [{ text: `${APP}const edit${version} = ${version};\n` }],
      });
      const position = { line: 0, character: 12 };
      expect(await pull()).toHaveLength(3);
      await client.sendRequest('textDocument/hover', { textDocument: textDocument(), position });
      await client.sendRequest('textDocument/completion', { textDocument: textDocument(), position });
      await client.sendRequest('textDocument/codeAction', {
        textDocument: textDocument(),
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      expect(await pull()).toHaveLength(3);
      expect(parseCount() - before).toBe(version);
    }
  });
});

describe('calls collected with the parent links', () => {
  it('lists calls and `new` expressions in source order, outer before inner, each with its parent set', () => {
    const outcome = parseSource(`a(b(), new C(d()));\nfunction f() { return e?.(g); }\n`, 'file.ts');
    if (!outcome.ok) throw new Error(outcome.message);
    const { program, calls } = outcome.parsed;
    const names = calls.map((call) =>
      call.callee.type === AST_NODE_TYPES.Identifier ? call.callee.name : call.callee.type,
    );
    expect(names).toEqual(['a', 'b', 'C', 'd', 'e']);
    expect(calls.map((call) => call.parent?.type)).toEqual([
      'ExpressionStatement',
      'CallExpression',
      'CallExpression',
      'NewExpression',
      'ChainExpression',
    ]);
    // Callers that hold only the program get the same list, not a second walk's copy.
    expect(callNodes(program)).toBe(calls);
  });

  it('parses a deeply nested file without overflowing the stack', () => {
    // The deepest file the package's parser accepts (deeper ones are refused before the native
    // parser, which would crash: tests/hardening/deep-nesting.test.ts).
    const depth = MAX_NESTING;
    const outcome = parseSource(`${'f('.repeat(depth)}${')'.repeat(depth)};`, 'deep.js');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.parsed.calls).toHaveLength(depth);
    expect(outcome.parsed.calls[depth - 1]!.parent).toBe(outcome.parsed.calls[depth - 2]);
  });
});
