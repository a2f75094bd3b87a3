import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { clearProjectCache, setFreshnessInterval } from '../../catalog';
import plugin from '../../rules/index';
import { REPO_ROOT } from '../support/scratch-project';

const RULES = ['no-unknown-id', 'no-deprecated-id', 'placeholder-count', 'no-dynamic-id'];

function catalogFile(message: string): string {
  return JSON.stringify({
    code: 7,
    subDomains: {
      token: { code: 1, errors: { invalid: { code: 1, message, description: 'x', class: 'UnauthorizedError' } } },
    },
  });
}

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-plugin-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'errors'));
  writeFileSync(join(dir, 'error-catalog.config.json'), '{ "catalog": "./errors" }');
  writeFileSync(join(dir, 'errors', '07-security.json'), catalogFile('Invalid token.'));
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
  setFreshnessInterval(500);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the plugin object', () => {
  it('has meta, rules and configs', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(plugin.meta).toEqual({ name: 'error-catalog', version: pkg.version });
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULES].sort());
    expect(Object.keys(plugin.configs)).toEqual(['recommended']);
  });

  it.each(RULES)('%s links to its doc page, which exists', (name) => {
    const rule = plugin.rules[name as keyof typeof plugin.rules];
    expect(rule.meta.docs?.url).toBe(`https://github.com/error-catalog/error-catalog/blob/main/docs/rules/${name}.md`);
    expect(existsSync(join(REPO_ROOT, 'docs', 'rules', `${name}.md`))).toBe(true);
  });

  it('recommended registers the plugin under its namespace and turns the rules on (no-dynamic-id off)', () => {
    const recommended = plugin.configs.recommended;
    expect(recommended.name).toBe('error-catalog/recommended');
    expect(recommended.plugins?.['error-catalog']).toBe(plugin);
    expect(recommended.rules).toEqual({
      'error-catalog/no-unknown-id': 'error',
      'error-catalog/no-deprecated-id': 'warn',
      'error-catalog/placeholder-count': 'error',
      'error-catalog/no-dynamic-id': 'off',
    });
  });
});

describe('catalog edits', () => {
  it("recommended's settings carry a fingerprint that changes when the catalog changes (for eslint --cache)", () => {
    const dir = scratch();
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    setFreshnessInterval(0);
    const fingerprint = (): unknown =>
      (plugin.configs.recommended.settings?.['error-catalog'] as { fingerprint: string }).fingerprint;
    const before = fingerprint();
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint()).toBe(before);
    writeFileSync(join(dir, 'errors', '07-security.json'), catalogFile('Invalid token (edited, longer).'));
    expect(fingerprint()).not.toBe(before);
  });

  it('a long-running linter sees a catalog edit on the next lint, without a restart', () => {
    const dir = scratch();
    clearProjectCache();
    setFreshnessInterval(0);
    const linter = new Linter({ cwd: dir });
    // typescript-eslint's FlatConfig type and ESLint's own differ in detail; the object is the same.
    const config = [plugin.configs.recommended, { files: ['**/*.js'] }] as Linter.Config[];
    const code = "getError('security.token.invalid', name);\n";
    const lint = () =>
      linter.verify(code, config, { filename: join(dir, 'src', 'a.js') }).map((m) => `${m.ruleId}:${m.messageId}`);
    expect(lint()).toEqual([]);
    // the message gains a placeholder: the call now passes too few… no, one: fine; then two
    writeFileSync(join(dir, 'errors', '07-security.json'), catalogFile('Invalid token %s for %s.'));
    expect(lint()).toEqual(['error-catalog/placeholder-count:missingPlaceholders']);
    // the error disappears from the catalog
    writeFileSync(join(dir, 'errors', '07-security.json'), catalogFile('x').replace('"invalid"', '"invalid_token"'));
    expect(lint()).toEqual(['error-catalog/no-unknown-id:unknownError']);
    // the same SourceCode linted again (Linter.verify accepts one) sees the catalog as it is now
    const sourceCode = linter.getSourceCode();
    writeFileSync(join(dir, 'errors', '07-security.json'), catalogFile('Invalid token.'));
    expect(linter.verify(sourceCode, config, { filename: join(dir, 'src', 'a.js') }).map((m) => m.messageId)).toEqual(
      [],
    );
    // the catalog breaks: one clear problem, not a crash
    writeFileSync(join(dir, 'errors', '07-security.json'), '{ "code": 7, ');
    expect(lint()).toEqual(['error-catalog/no-unknown-id:catalogProblem']);
  });
});
