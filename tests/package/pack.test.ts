import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject, packOnce, type ScratchProject } from '../support/scratch-project';

/** The package as users get it: `npm pack`, installed into another project. */
describe('the packed package', () => {
  let scratch: ScratchProject;
  beforeAll(() => {
    scratch = createScratchProject('package', {});
  });

  it('ships the build, the catalog data, the schemas and the ts-plugin entry, and nothing of the sources or tests', () => {
    const listing = execFileSync('tar', ['-tzf', packOnce()], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/catalog/index.js');
    expect(listing).toContain('package/dist/catalog/index.d.ts');
    expect(listing).toContain('package/catalog/data/07-security.json');
    expect(listing).toContain('package/catalog/schema/config.schema.json');
    expect(listing).toContain('package/ts-plugin/package.json');
    expect(
      listing.filter(
        (f) => /^package\/(tests|bench|examples|node_modules)\//.test(f) || (/\.ts$/.test(f) && !f.endsWith('.d.ts')),
      ),
    ).toEqual([]);
  });

  it("require('error-catalog') loads the shipped catalog and raises errors from it", () => {
    const script = `
      const { loadCatalog, createErrors } = require('error-catalog');
      const { catalog, problems } = loadCatalog();
      const error = createErrors(catalog).getError('security.token.invalid');
      console.log(JSON.stringify({ problems: problems.length, size: catalog.size, name: error.name, hex: error.hexCode, status: error.status }));
    `;
    const result = scratch.run('node', ['-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      problems: 0,
      size: 34,
      name: 'UnauthorizedError',
      hex: '0x07010001',
      status: 401,
    });
  });

  it('is importable from ESM with its types', () => {
    const result = scratch.run('node', [
      '--input-type=module',
      '-e',
      "import { loadCatalog } from 'error-catalog'; console.log(loadCatalog().catalog.size);",
    ]);
    expect(result.stdout.trim()).toBe('34');
  });
});
