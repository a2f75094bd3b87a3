/**
 * What the workspace index keeps of a file (ids and uses, not the references) and how it
 * narrows the files a find-references or a rename reads again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProject } from '../../catalog/project';
import { analyseText } from '../../server/code-analysis';
import { mayNameKey, WorkspaceIndex, type IndexedFile } from '../../server/workspace-index';
import { CATALOG_TEXT, CONFIG, USES } from './fixture';

let dir: string;
let configFile: string;
const entries = new Map<string, IndexedFile>();
let index: WorkspaceIndex;

const DYNAMIC = `const EXPIRED = 'security.token.expired';
getError(EXPIRED);
kerror.get('api', 'user', name);
getError(\`security.\${kind}.x\`);
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'error-catalog-index-'));
  configFile = join(dir, 'error-catalog.config.json');
  writeFileSync(configFile, CONFIG);
  writeFileSync(join(dir, 'catalog.json'), CATALOG_TEXT);
  index = new WorkspaceIndex(
    () => {
      throw new Error('the index reads no file here');
    },
    () => undefined,
  );
  for (const [name, text] of [
    ['uses.js', USES],
    ['dynamic.ts', DYNAMIC],
  ] as const) {
    const file = join(dir, name);
    const project = getProject({ file });
    index.record(file, project.config?.file, analyseText(text, file, project.matcher));
  }
  for (const [file, indexed] of index.filesOf(configFile)) entries.set(file, indexed);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the workspace index', () => {
  it('keeps the static ids, the whole ids used, the other uses and whether a call is indirect', () => {
    expect(entries.get(join(dir, 'uses.js'))).toEqual({
      configFile,
      ids: ['security.token.invalid', 'security.token.invalid', 'api.user.not_found', 'api.user.not_found'],
      usedIds: ['security.token.invalid', 'security.token.invalid', 'api.user.not_found', 'api.user.not_found'],
      otherUses: [
        { kind: 'pattern', parts: ['security', 'token', undefined] },
        { kind: 'pattern', parts: ['api', 'user', undefined] },
      ],
      indirect: false,
    });
    expect(entries.get(join(dir, 'dynamic.ts'))).toEqual({
      configFile,
      ids: ['security.token.expired'],
      usedIds: ['security.token.expired'],
      otherUses: [
        { kind: 'pattern', parts: ['api', 'user', undefined] },
        { kind: 'prefix', prefix: 'security.' },
      ],
      indirect: true,
    });
  });

  it('counts and classifies ids from what it keeps', () => {
    const catalog = getProject({ file: join(dir, 'uses.js') }).catalog!;
    expect(index.countOf('security.token.invalid', configFile)).toBe(2);
    expect(index.countOf('security.token.expired', configFile)).toBe(1);
    expect(index.usageOf('security.token.invalid', catalog, configFile)).toBe('used');
    // Raised by `kerror.get('api', 'user', name)` only through a dynamic name.
    expect(index.usageOf('api.user.not_found', catalog, configFile)).toBe('used');
    expect(index.usageOf('security.token.old_token', catalog, configFile)).toBe('maybe');
  });

  it('keeps the last full analysis of a file being typed, and indexes what parses of one it never had', () => {
    // Its last call (api.user.not_found) loses its closing parenthesis.
    const typed = USES.replace(/\);\n$/, '\n');
    const record = (name: string, text: string) => {
      const file = join(dir, name);
      const project = getProject({ file });
      const analysis = analyseText(text, file, project.matcher);
      expect(analysis).toMatchObject({ ok: true, syntaxError: { offset: typed.length } });
      index.record(file, project.config?.file, analysis);
      return [...index.filesOf(configFile)].find(([indexed]) => indexed === file)![1];
    };
    // uses.js was indexed whole: a keystroke that breaks it changes nothing.
    expect(record('uses.js', typed)).toEqual(entries.get(join(dir, 'uses.js')));
    // A file first seen broken: the lines that parse.
    expect(record('new.js', typed).usedIds).toEqual(entries.get(join(dir, 'uses.js'))!.usedIds.slice(0, -1));
    index.remove(join(dir, 'new.js'));
  });

  it('tells which files may name a key: by a whole id or by the leading parts of a split one', () => {
    const uses = entries.get(join(dir, 'uses.js'))!;
    const dynamic = entries.get(join(dir, 'dynamic.ts'))!;
    const error = { kind: 'error', domain: 'security', subdomain: 'token', name: 'expired' } as const;
    expect(mayNameKey(uses, error)).toBe(false);
    expect(mayNameKey(dynamic, error)).toBe(true);
    expect(mayNameKey(uses, { kind: 'subdomain', domain: 'api', subdomain: 'user' })).toBe(true);
    // Only through the split call with a dynamic name: its leading parts name the subdomain.
    expect(mayNameKey(dynamic, { kind: 'subdomain', domain: 'api', subdomain: 'user' })).toBe(true);
    expect(mayNameKey(uses, { kind: 'domain', domain: 'billing' })).toBe(false);
    expect(mayNameKey(dynamic, { kind: 'error', domain: 'api', subdomain: 'user', name: 'gone' })).toBe(false);
  });
});
