import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index';
import { DOCS_BASE_URL, repositoryWebUrl } from '../../rules/create-rule';
import { packOnce, REPO_ROOT } from '../support/scratch-project';

interface Manifest {
  name: string;
  license: string;
  homepage: string;
  repository: { type: string; url: string };
  bugs: { url: string };
  keywords: string[];
  scripts: Record<string, string>;
  peerDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

/** The package.json inside the tarball users install. */
function packedManifest(): Manifest {
  return JSON.parse(
    execFileSync('tar', ['-xzOf', packOnce(), 'package/package.json'], { encoding: 'utf8' }),
  ) as Manifest;
}

describe('package metadata', () => {
  it('names one repository, and homepage, bugs and the rule docs all point into it', () => {
    const web = repositoryWebUrl(manifest);
    expect(web).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(manifest.repository.type).toBe('git');
    expect(manifest.homepage).toBe(`${web}#readme`);
    expect(manifest.bugs.url).toBe(`${web}/issues`);
    expect(DOCS_BASE_URL).toBe(`${web}/blob/main/docs/rules/`);
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs?.url).toBe(`${web}/blob/main/docs/rules/${name}.md`);
    }
  });

  it('has the keywords users search for', () => {
    expect(manifest.keywords).toEqual(
      expect.arrayContaining(['eslint', 'eslintplugin', 'eslint-plugin', 'typescript', 'tsserver-plugin', 'oxlint']),
    );
  });

  it('ships an MIT LICENSE matching the manifest', () => {
    expect(manifest.license).toBe('MIT');
    const license = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} error-catalog contributors\n/);
    const listing = execFileSync('tar', ['-tzf', packOnce()], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/LICENSE');
  });

  it('runs nothing at install time: the build is a prepack step, absent from install hooks', () => {
    const packed = packedManifest();
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(packed.scripts[hook]).toBeUndefined();
    }
    expect(manifest.scripts['prepack']).toBe('npm run build');
  });

  it('the lockfile installs on a clean Linux machine: the native parser has its linux-x64-gnu build, nothing runs install scripts', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<
        string,
        { version?: string; hasInstallScript?: boolean; optionalDependencies?: Record<string, string> }
      >;
    };
    const parser = lock.packages['node_modules/oxc-parser'];
    expect(parser?.optionalDependencies?.['@oxc-parser/binding-linux-x64-gnu']).toBe(parser?.version);
    expect(lock.packages['node_modules/@oxc-parser/binding-linux-x64-gnu']?.version).toBe(parser?.version);
    expect(Object.keys(lock.packages).filter((name) => lock.packages[name]!.hasInstallScript)).toEqual([]);
  });

  it('depends on no package that needs TypeScript at run time', () => {
    const dependencies = Object.keys(
      (
        JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
          dependencies: Record<string, string>;
        }
      ).dependencies,
    );
    for (const name of [
      'typescript',
      '@typescript-eslint/utils',
      '@typescript-eslint/typescript-estree',
      '@typescript-eslint/parser',
    ])
      expect(dependencies).not.toContain(name);
  });

  it('accepts any TypeScript from 5.0 on as an optional peer (7 included), and ESLint 9 or 10', () => {
    expect(manifest.peerDependencies).toEqual({ eslint: '^9.0.0 || ^10.0.0', typescript: '>=5.0.0' });
  });
});
