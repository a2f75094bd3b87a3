import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/scratch-project';

/**
 * Dog-food: examples/app linted with its own eslint.config.mjs (the README's two-minute setup:
 * this package's `configs.recommended`, loaded by its name from the build) reports exactly the
 * mistakes planted in the app, which `npm run demo` shows.
 */
describe('examples/app through ESLint with its own config', () => {
  it('reports exactly the planted mistakes', async () => {
    const app = join(REPO_ROOT, 'examples', 'app');
    const results = await new ESLint({ cwd: app }).lintFiles(['.']);
    const found = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(app.length + 1)}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'}`),
    );
    expect(found.sort()).toEqual([
      'src/api.js:7:20 error-catalog/placeholder-count',
      'src/auth.js:8:20 error-catalog/no-unknown-id',
      'src/roles.js:15:42 error-catalog/no-deprecated-id',
    ]);
  });
});
