import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, SHIPPED_CATALOG } from '../../catalog/index';
import { EVENTUALLY_MS } from '../support/hang-guard';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { lineOffset, TsServer } from './tsserver-client';

/**
 * "Add 'x.y.z' to the catalog" through a real tsserver: tsserver turns a code fix's offsets
 * into lines with the ScriptInfo of the changed file and fails on a file it has none for, so
 * the change to the catalog JSON (a file in no program) only works end to end.
 */

const APP = "declare function getError(id: string): Error;\ngetError('security.token.revoked');\n";
const SECURITY = readFileSync(join(SHIPPED_CATALOG, '07-security.json'), 'utf8');

interface Position {
  line: number;
  offset: number;
}
interface CodeFix {
  fixName: string;
  description: string;
  changes: Array<{ fileName: string; textChanges: Array<{ start: Position; end: Position; newText: string }> }>;
}

/** Applies tsserver's line/offset edits (1-based) to a text. */
function applyProtocolEdits(text: string, edits: CodeFix['changes'][number]['textChanges']): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const toIndex = (p: Position): number => starts[p.line - 1]! + p.offset - 1;
  return [...edits]
    .sort((a, b) => toIndex(b.start) - toIndex(a.start))
    .reduce((out, e) => out.slice(0, toIndex(e.start)) + e.newText + out.slice(toIndex(e.end)), text);
}

let scratch: ScratchProject;
let server: TsServer;

beforeAll(() => {
  scratch = createScratchProject(
    'tsserver-add-to-catalog',
    { typescript: '6.0.3' },
    {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, types: [], plugins: [{ name: 'error-catalog/ts-plugin' }] },
        include: ['src'],
      }),
      'error-catalog.config.json': JSON.stringify({ catalog: 'errors' }),
      'errors/07-security.json': SECURITY,
      'src/app.ts': APP,
    },
  );
  server = new TsServer(join(scratch.dir, 'node_modules', 'typescript', 'lib', 'tsserver.js'), scratch.dir);
  server.notify('open', { file: join(scratch.dir, 'src', 'app.ts'), projectRootPath: scratch.dir });
});

afterAll(async () => {
  await server?.close();
});

describe('Add to the catalog through tsserver', () => {
  it('returns a change of the catalog JSON file that, applied, gives a valid catalog with the id', async () => {
    const file = join(scratch.dir, 'src', 'app.ts');
    const [diagnostic] = (
      await server.request<Array<{ start: Position; end: Position; code: number; source?: string }>>(
        'semanticDiagnosticsSync',
        { file },
      )
    ).filter((d) => d.source === 'error-catalog');
    expect(diagnostic!.start).toEqual(lineOffset(APP, APP.indexOf("'security.token.revoked'")));

    const fixes = await server.request<CodeFix[]>('getCodeFixes', {
      file,
      startLine: diagnostic!.start.line,
      startOffset: diagnostic!.start.offset,
      endLine: diagnostic!.end.line,
      endOffset: diagnostic!.end.offset,
      errorCodes: [diagnostic!.code],
    });
    const add = fixes.find((f) => f.fixName === 'error-catalog-add');
    expect(add?.description).toBe("Add 'security.token.revoked' to the catalog");
    const catalogFile = join(scratch.dir, 'errors', '07-security.json');
    expect(add!.changes.map((c) => c.fileName)).toEqual([catalogFile]);

    scratch.write('errors/07-security.json', applyProtocolEdits(SECURITY, add!.changes[0]!.textChanges));
    const { catalog, problems } = loadCatalog(catalogFile);
    expect(problems).toEqual([]);
    expect(catalog.getError('security.token.revoked')).toMatchObject({ code: 8, class: 'InternalError' });

    // tsserver keeps serving (no crash on the JSON change) and sees the catalog edit.
    await expect
      .poll(
        async () =>
          (await server.request<Array<{ source?: string }>>('semanticDiagnosticsSync', { file })).filter(
            (d) => d.source === 'error-catalog',
          ).length,
        { timeout: EVENTUALLY_MS, interval: 300 },
      )
      .toBe(0);
    expect(server.protocolError).toBeUndefined();
  });
});
