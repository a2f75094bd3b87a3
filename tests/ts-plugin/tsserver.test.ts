import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import { EVENTUALLY_MS } from '../support/hang-guard';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { lineOffset, TsServer } from './tsserver-client';

/**
 * The plugin as users get it: the packed package installed in a scratch project, enabled
 * through tsconfig `plugins` exactly as the README says, driven through real tsserver
 * processes of each supported TypeScript line over the stdio protocol.
 */

const APP = [
  "getError('security.token.invalidd');",
  "getError('security.role.invalid_controller', 'x');",
  "getError('api.request.missing_field');",
  "getError('');",
  "kerror.get('security', '', 'invalid');",
  "getError('api.request.brand_new');",
  '',
].join('\n');
/** The call forms of issue 9 section 2, each with a mistake the linter reports too. */
const FORMS = [
  "import { get as g } from './kerror';",
  'const em = kerror;',
  "em.get('security', 'tokn', 'invalid');",
  'class Service {',
  "  errors = kerror.wrap('security', 'token');",
  '  run(c: boolean) {',
  "    this.errors.get('invalidd');",
  "    getError(c ? 'security.token.invalid' : 'security.token.expird');",
  "    const id = 'security.token.nope';",
  '    const ERR = { id };',
  '    getError(ERR.id);',
  '  }',
  '}',
  "let LET_ID = 'security.tokn.invalid';",
  'getError(LET_ID);',
  "getError('security.'.concat('token.gone'));",
  "g('security', 'token', 'nope2');",
  '',
].join('\n');
const VIEW = "export const View = () => <p>{String(getError('security.token.nope'))}</p>;\n";
const GLOBALS =
  'declare function getError(id: string, ...args: unknown[]): Error;\ndeclare const kerror: { get(domain: string, subdomain: string, name: string, ...args: unknown[]): Error };\n';
const API_CATALOG = readFileSync(resolve(__dirname, 'fixtures', 'catalog', '08-api.json'), 'utf8');

let scratch: ScratchProject;

/**
 * tsserver before 5.5 refuses plugin names with a subpath (TypeScript #57047); the README tells
 * users of 5.0–5.4 to add this one-line package and name it instead.
 */
const LEGACY_NAME = 'error-catalog-ts-plugin';
const tsconfig = (pluginName: string): string =>
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        allowJs: true,
        jsx: 'preserve',
        noEmit: true,
        types: [],
        plugins: [{ name: pluginName }],
      },
      include: ['src'],
    },
    null,
    2,
  );

beforeAll(() => {
  scratch = createScratchProject(
    'tsserver',
    { typescript: '6.0.3', 'typescript-5.9': 'npm:typescript@5.9.3', 'typescript-5.0': 'npm:typescript@5.0.4' },
    {
      'tsconfig.json': tsconfig('error-catalog/ts-plugin'),
      [`node_modules/${LEGACY_NAME}/package.json`]: JSON.stringify({
        name: LEGACY_NAME,
        version: '0.0.0',
        main: 'index.js',
      }),
      [`node_modules/${LEGACY_NAME}/index.js`]: "module.exports = require('error-catalog/ts-plugin');\n",
      'error-catalog.config.json': JSON.stringify({ catalog: 'errors' }),
      'errors/07-security.json': readFileSync(join(SHIPPED_CATALOG, '07-security.json'), 'utf8'),
      'errors/08-api.json': API_CATALOG,
      'src/globals.d.ts': GLOBALS,
      'src/app.ts': APP,
      'src/forms.ts': FORMS,
      'src/view.jsx': VIEW,
      // A JavaScript project: jsconfig.json takes plugins the same way.
      'jsproject/jsconfig.json': JSON.stringify({
        compilerOptions: { checkJs: false, plugins: [{ name: 'error-catalog/ts-plugin' }] },
        include: ['.'],
      }),
      'jsproject/app.js': "const kerror = require('./kerror');\nkerror.get('security', 'token', 'expird');\n",
    },
  );
});

interface ProtocolDiagnostic {
  start: { line: number; offset: number };
  end: { line: number; offset: number };
  text: string;
  code: number;
  category: string;
  source?: string;
}

describe.each(['typescript', 'typescript-5.9', 'typescript-5.0'])('tsserver of %s', (pkg) => {
  let server: TsServer;
  const app = (): string => join(scratch.dir, 'src', 'app.ts');
  const at = (needle: string, delta = 0): { line: number; offset: number } =>
    lineOffset(APP, APP.indexOf(needle) + delta);
  const ours = async (file: string): Promise<ProtocolDiagnostic[]> =>
    (await server.request<ProtocolDiagnostic[]>('semanticDiagnosticsSync', { file })).filter(
      (d) => d.source === 'error-catalog',
    );

  beforeAll(() => {
    scratch.write('errors/08-api.json', API_CATALOG);
    const pluginName = pkg === 'typescript-5.0' ? LEGACY_NAME : 'error-catalog/ts-plugin';
    scratch.write('tsconfig.json', tsconfig(pluginName));
    scratch.write(
      'jsproject/jsconfig.json',
      JSON.stringify({ compilerOptions: { checkJs: false, plugins: [{ name: pluginName }] }, include: ['.'] }),
    );
    server = new TsServer(join(scratch.dir, 'node_modules', pkg, 'lib', 'tsserver.js'), scratch.dir, [
      '--logVerbosity',
      'normal',
      '--logFile',
      join(scratch.dir, `tsserver-${pkg}.log`),
    ]);
    server.notify('open', { file: app(), projectRootPath: scratch.dir });
    server.notify('open', { file: join(scratch.dir, 'src', 'view.jsx'), projectRootPath: scratch.dir });
  });
  afterAll(async () => {
    await server.close();
    expect(server.protocolError).toBeUndefined();
  });

  it('loads the plugin and adds its diagnostics to the semantic diagnostics, in .ts and .jsx', async () => {
    const diagnostics = await ours(app());
    expect(diagnostics.map((d) => [d.code, d.category, d.start])).toEqual([
      [93001, 'error', at("'security.token.invalidd'")],
      [93002, 'warning', at("'security.role.invalid_controller'")],
      [93003, 'error', at("'api.request.missing_field'")],
      [93001, 'error', at("''")],
      [93001, 'error', at("kerror.get('security', ''", 23)],
      [93001, 'error', at("'api.request.brand_new'")],
    ]);
    expect(diagnostics[0]!.text).toContain("Did you mean 'security.token.invalid'");
    const view = await ours(join(scratch.dir, 'src', 'view.jsx'));
    expect(view.map((d) => d.text)).toEqual([expect.stringContaining("Unknown error 'nope'")]);
    expect(readFileSync(join(scratch.dir, `tsserver-${pkg}.log`), 'utf8')).toContain('[error-catalog] plugin created');
  });

  it('recognises aliases, this-wrappers, conditionals, shorthand, let, concat and renamed imports', async () => {
    const file = join(scratch.dir, 'src', 'forms.ts');
    server.notify('open', { file, projectRootPath: scratch.dir });
    const where = (needle: string): { line: number; offset: number } => lineOffset(FORMS, FORMS.indexOf(needle));
    const diagnostics = await ours(file);
    expect(diagnostics.map((d) => [d.code, d.start])).toEqual([
      [93001, where("'tokn'")],
      [93001, where("'invalidd'")],
      // Only the wrong branch of the conditional.
      [93001, where("'security.token.expird'")],
      [93001, where('ERR.id)')],
      [93001, where('LET_ID)')],
      [93001, where("'security.'.concat")],
      [93001, where("'nope2'")],
    ]);
    expect(diagnostics[2]!.text).toBe(
      "Unknown error 'expird' in 'security.token' ('security.token.expird'). Did you mean 'security.token.expired'?",
    );
    const branch = where("'security.token.invalid'");
    const completion = await server.request<{ entries: Array<{ name: string }> }>('completionInfo', {
      file,
      line: branch.line,
      offset: branch.offset + 1,
    });
    expect(completion.entries.map((e) => e.name)).toContain('security.token.invalid');
    const hover = await server.request<{ displayString: string }>('quickinfo', {
      file,
      line: branch.line,
      offset: branch.offset + 3,
    });
    expect(hover.displayString).toBe('(error) security.token.invalid: 0x07010001');
  });

  it('works the same in a jsconfig.json project', async () => {
    const file = join(scratch.dir, 'jsproject', 'app.js');
    server.notify('open', { file, projectRootPath: scratch.dir });
    const diagnostics = await ours(file);
    expect(diagnostics.map((d) => [d.code, d.start])).toEqual([[93001, { line: 2, offset: 33 }]]);
  });

  it('completes ids and split parts, replacing the literal text', async () => {
    const dotted = await server.request<{
      entries: Array<{ name: string; kindModifiers?: string; replacementSpan?: { start: unknown; end: unknown } }>;
    }>('completionInfo', { file: app(), ...at("getError('')", 10) });
    expect(dotted.entries.map((e) => e.name)).toContain('security.token.invalid');
    expect(dotted.entries.find((e) => e.name === 'security.role.invalid_controller')?.kindModifiers).toBe('deprecated');
    expect(dotted.entries[0]!.replacementSpan).toEqual({ start: at("getError('')", 10), end: at("getError('')", 10) });
    const [details] = await server.request<
      Array<{ displayParts: Array<{ text: string }>; documentation: Array<{ text: string }> }>
    >('completionEntryDetails', {
      file: app(),
      ...at("getError('')", 10),
      entryNames: ['security.token.invalid'],
    });
    expect(details!.displayParts.map((p) => p.text).join('')).toBe('(error) security.token.invalid: 0x07010001');
    expect(details!.documentation.map((p) => p.text).join('')).toContain('UnauthorizedError · HTTP 401');
    const split = await server.request<{ entries: Array<{ name: string }> }>('completionInfo', {
      file: app(),
      ...at("kerror.get('security', ''", 24),
    });
    expect(split.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['token', 'role', 'user']));
  });

  it('shows the error on hover', async () => {
    const info = await server.request<{ displayString: string; documentation: string }>('quickinfo', {
      file: app(),
      ...at('invalid_controller'),
    });
    expect(info.displayString).toBe('(error) security.role.invalid_controller: 0x07050006');
    expect(info.documentation).toContain('BadRequestError · HTTP 400');
  });

  it('offers quick fixes, and registers their codes for editors that ask first', async () => {
    const supported = await server.request<string[]>('getSupportedCodeFixes', null);
    expect(supported).toEqual(expect.arrayContaining(['93001', '93002']));
    const start = at("'security.role.invalid_controller'");
    const fixes = await server.request<
      Array<{ description: string; changes: Array<{ textChanges: Array<{ newText: string }> }> }>
    >('getCodeFixes', {
      file: app(),
      startLine: start.line,
      startOffset: start.offset,
      endLine: start.line,
      endOffset: start.offset + 10,
      errorCodes: [93002],
    });
    expect(fixes.map((f) => [f.description, f.changes[0]!.textChanges[0]!.newText])).toEqual([
      [
        "Replace with 'security.role.unknown_controller', then adjust the arguments: its message takes 0 placeholder(s), not 1.",
        'security.role.unknown_controller',
      ],
    ]);
  });

  it('goes to the definition in the catalog JSON', async () => {
    const result = await server.request<{
      definitions: Array<{
        file: string;
        start: { line: number; offset: number };
        end: { line: number; offset: number };
      }>;
    }>('definitionAndBoundSpan', {
      file: app(),
      ...at('missing_field'),
    });
    const [definition] = result.definitions;
    expect(definition!.file).toBe(join(scratch.dir, 'errors', '08-api.json'));
    const line = API_CATALOG.split('\n')[definition!.start.line - 1]!;
    expect(line.slice(definition!.start.offset - 1, definition!.end.offset - 1)).toBe('"missing_field"');
  });

  it('finds the references of an id', async () => {
    const body = await server.request<{ refs: Array<{ file: string; start: { line: number; offset: number } }> }>(
      'references',
      { file: app(), ...at('invalid_controller') },
    );
    expect(body.refs.map((r) => [r.file, r.start])).toEqual([[app(), at("'security.role.invalid_controller'")]]);
  });

  it('takes a catalog edit without a restart, and keeps the last good catalog while it is broken', async () => {
    const catalog = JSON.parse(API_CATALOG) as { subDomains: { request: { errors: Record<string, unknown> } } };
    catalog.subDomains.request.errors['brand_new'] = {
      code: 3,
      message: 'Brand new',
      description: 'Brand new',
      class: 'BadRequestError',
    };
    scratch.write('errors/08-api.json', JSON.stringify(catalog, null, 2));
    await expect
      .poll(async () => (await ours(app())).some((d) => d.text.includes('brand_new')), {
        timeout: EVENTUALLY_MS,
        interval: 300,
      })
      .toBe(false);

    scratch.write('errors/08-api.json', '{ "code": 8, ');
    await expect
      .poll(async () => (await ours(app())).map((d) => d.code), { timeout: EVENTUALLY_MS, interval: 300 })
      .toEqual([93004, 93001, 93002, 93003, 93001, 93001]);
    expect((await ours(app()))[0]!.text).toMatch(
      /^The error catalog cannot be used: \/.*\/errors\/08-api\.json:1:\d+: invalid JSON/,
    );
    scratch.write('errors/08-api.json', API_CATALOG);
  });
});
