import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScratchProject } from '../support/scratch-project';

/** Scratch projects share one install per key, and nothing a test writes leaks to another. */
describe('createScratchProject', () => {
  // The same dependencies as tests/package/pack.test.ts and tests/cli/package.test.ts: their shared install.
  const first = createScratchProject('package', {}, { 'src/a.js': 'module.exports = 1;\n' });
  const second = createScratchProject('package', {});

  it('gives each call its own directory over one shared install', () => {
    expect(first.dir).not.toBe(second.dir);
    const installed = (dir: string): string => realpathSync(join(dir, 'node_modules', 'error-catalog'));
    expect(installed(first.dir)).toBe(installed(second.dir));
    expect(existsSync(join(installed(first.dir), 'package.json'))).toBe(true);
  });

  it("keeps one project's files out of the other", () => {
    second.write('src/b.js', 'module.exports = 2;\n');
    expect(existsSync(join(first.dir, 'src', 'a.js'))).toBe(true);
    expect(existsSync(join(second.dir, 'src', 'a.js'))).toBe(false);
    expect(existsSync(join(first.dir, 'src', 'b.js'))).toBe(false);
  });

  it('refuses to write through node_modules into the shared install', () => {
    expect(() => first.write('node_modules/error-catalog/package.json', '{}')).toThrow(
      "scratch project 'package': node_modules/error-catalog/package.json is inside the shared install",
    );
  });

  it('runs commands in the project directory, with the installed package resolvable', () => {
    const result = second.run('node', [
      '-p',
      "require('./src/b.js') + ':' + require('error-catalog/package.json').name",
    ]);
    expect(result).toEqual({ status: 0, stdout: '2:error-catalog\n', stderr: '' });
  });
});
