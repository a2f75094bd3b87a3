import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_CATALOG } from '../../catalog/index';
import { createHarness, type Harness } from '../ts-plugin/harness';
import { EVENTUALLY_MS } from '../support/hang-guard';
import { tempDir } from '../support/temp-dir';

/**
 * Regression tests for bugs the hardening suites found in the plugin, in process with
 * TypeScript's own node system as the server host (the host tsserver gives plugins).
 */

const SECURITY = readFileSync(join(SHIPPED_CATALOG, '07-security.json'), 'utf8');
const dirs: Array<ReturnType<typeof tempDir>> = [];
const harnesses: Harness[] = [];
afterEach(() => {
  // Closing the project lets the plugin drop its watchers on the next create (see prune in plugin.ts).
  for (const h of harnesses.splice(0)) (h.project as unknown as { isClosed: () => boolean }).isClosed = () => true;
  createHarness(tempDir().dir);
  dirs.splice(0).forEach((d) => d.dispose());
});

function harnessWatching(
  catalogFile: string,
  files: Record<string, string>,
): { h: Harness; dir: ReturnType<typeof tempDir> } {
  const dir = tempDir(files);
  dirs.push(dir);
  const h = createHarness(dir.dir, { catalog: catalogFile }, { 'a.ts': "getError('security.token.nope');\n" }, ts.sys);
  harnesses.push(h);
  return { h, dir };
}

describe('bug: the catalog watcher threw on a missing path (fs.watchFile needs a polling interval)', () => {
  it('a catalog that does not exist yet is watched, and its appearance refreshes diagnostics', async () => {
    const { h, dir } = harnessWatching('07-security.json', {});
    h.service.getSemanticDiagnostics(h.path('a.ts'));
    expect(h.logs.filter((line) => line.includes('cannot watch'))).toEqual([]);
    dir.write('07-security.json', SECURITY);
    await expect
      .poll(() => h.logs.some((line) => line.includes(`catalog changed: ${dir.path('07-security.json')}`)), {
        timeout: EVENTUALLY_MS,
        interval: 100,
      })
      .toBe(true);
    expect(h.logs).toContain('refreshDiagnostics');
  });

  it("deleting a watched catalog file does not throw inside TypeScript's watcher, and the file stays watched", async () => {
    const { h, dir } = harnessWatching('07-security.json', { '07-security.json': SECURITY });
    h.service.getSemanticDiagnostics(h.path('a.ts'));
    const changes = (): number => h.logs.filter((line) => line.includes('catalog changed:')).length;
    // Before the fix, TypeScript's fs.watch callback switched to polling the missing file without an interval and threw (an uncaught exception here).
    rmSync(dir.path('07-security.json'));
    await expect.poll(changes, { timeout: EVENTUALLY_MS, interval: 100 }).toBeGreaterThan(0);
    const afterDelete = changes();
    dir.write('07-security.json', SECURITY);
    await expect.poll(changes, { timeout: EVENTUALLY_MS, interval: 100 }).toBeGreaterThan(afterDelete);
    expect(h.logs.filter((line) => line.includes('cannot watch') || line.includes(' failed: '))).toEqual([]);
  });
});
