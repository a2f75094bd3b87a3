/**
 * Hostile repositories checked in CI: every `error-catalog` command (the built CLI) on
 * repositories that carry FIFOs, devices, symlinks out of the docs folder, 150,000-entry inputs,
 * 150,000 catalog files and names too long for a file. Each run is under a hang guard; each
 * asserts the one-line message, the documented exit code, no file changed outside the output
 * folder and no foreign content printed.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../cli/run-cli';
import {
  bigCatalog,
  catalogWithLongDomain,
  HANG_GUARD_MS,
  link,
  manyCatalogFiles,
  mkfifo,
  runNode,
  SECURITY,
  snapshot,
  write,
  type RunResult,
} from './hostile-repos-support';

/** The CLI runs with stdin a pipe from spawnSync: a socket pair on Linux (Node's pipes), a FIFO elsewhere. */
const STDIN_KIND = process.platform === 'linux' ? 'a socket' : 'a FIFO';
const MARKER = '[//]: # (This documentation is auto-generated)';
let root: string;
/** A folder beside the repositories: nothing any command does may change it. */
let outside: string;
let outsideBefore: Record<string, string>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'error-catalog-hostile-cli-'));
  outside = join(root, 'outside');
  write(join(outside, 'victim.md'), 'victim: not to be overwritten\n');
  write(join(outside, 'marked', 'index.md'), `${MARKER}\n# an outside file that carries the marker\n`);
  write(join(outside, 'secret.txt'), 'SECRET-TOKEN=hunter2\n');
  write(join(outside, 'dir', 'keep.txt'), 'keep\n');
  outsideBefore = snapshot(outside);
});
afterAll(() => {
  expect(snapshot(outside)).toEqual(outsideBefore);
  rmSync(root, { recursive: true, force: true });
});

/** A repository with a config naming `catalog`, and `files` (paths relative to it). */
function repo(name: string, catalog: string | undefined, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  if (catalog !== undefined) write(join(dir, 'error-catalog.config.json'), JSON.stringify({ catalog }));
  for (const [path, content] of Object.entries(files)) write(join(dir, path), content);
  return dir;
}

function cli(cwd: string, ...args: string[]): RunResult {
  return runNode(CLI, args, cwd);
}

/** One line on stderr, no stack trace. */
function expectOneLine(result: RunResult, status: number, message: string): void {
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status, stderr: `${message}\n` });
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('a catalog or config that is not a regular file', () => {
  const cases: Array<{ name: string; make: (dir: string) => void; catalog: string; problems: string[] }> = [
    {
      name: 'a FIFO',
      catalog: 'errors.json',
      make: (dir) => mkfifo(join(dir, 'errors.json')),
      problems: ['errors.json:1:1  cannot read catalog file: not a regular file (a FIFO)'],
    },
    {
      name: 'a symlink to /dev/zero',
      catalog: 'errors.json',
      make: (dir) => link('/dev/zero', join(dir, 'errors.json')),
      problems: ['errors.json:1:1  cannot read catalog file: not a regular file (a character device)'],
    },
    {
      name: '/dev/urandom',
      catalog: '/dev/urandom',
      make: () => undefined,
      problems: ['/dev/urandom:1:1  cannot read catalog file: not a regular file (a character device)'],
    },
    {
      name: '/dev/stdin (a socket or pipe here)',
      catalog: '/dev/stdin',
      make: () => undefined,
      problems: [`/dev/stdin:1:1  cannot read catalog file: not a regular file (${STDIN_KIND})`],
    },
    {
      name: 'a file over the 64 MiB cap',
      catalog: 'huge.json',
      make: (dir) => write(join(dir, 'huge.json'), ' '.repeat(64 * 1024 * 1024 + 1)),
      problems: [
        'huge.json:1:1  cannot read catalog file: too large (64.0 MiB; the limit is 64 MiB, set ERROR_CATALOG_MAX_FILE_BYTES to raise it)',
      ],
    },
    {
      name: 'a catalog directory with a FIFO, a device, /dev/stdin and a folder among its entries',
      catalog: 'errors',
      make: (dir) => {
        write(join(dir, 'errors', '07-security.json'), SECURITY);
        mkfifo(join(dir, 'errors', '02-pipe.json'));
        link('/dev/zero', join(dir, 'errors', '03-zero.json'));
        link('/dev/stdin', join(dir, 'errors', '04-stdin.json'));
        write(join(dir, 'errors', '05-folder.json', 'inside.json'), SECURITY);
      },
      problems: [
        'errors/02-pipe.json:1:1  cannot read catalog file: not a regular file (a FIFO)',
        'errors/03-zero.json:1:1  cannot read catalog file: not a regular file (a character device)',
        `errors/04-stdin.json:1:1  cannot read catalog file: not a regular file (${STDIN_KIND})`,
        'errors/05-folder.json:1:1  cannot read catalog file: is a directory',
      ],
    },
  ];

  for (const { name, make, catalog, problems } of cases) {
    it(
      `${name}: check lists the problem (exit 1); ids, docs and unused refuse (exit 1)`,
      () => {
        const dir = repo(name.replace(/\W+/g, '-'), catalog, { 'src/a.ts': "getError('security.token.invalid');\n" });
        make(dir);
        const before = snapshot(dir);
        const check = cli(dir, 'check');
        expect({ status: check.status, stdout: check.stdout }).toEqual({
          status: 1,
          stdout: `${problems.join('\n')}\n`,
        });
        for (const command of [['ids'], ['docs', '--out', 'out'], ['unused']]) {
          const result = cli(dir, ...command);
          expect(result.status).toBe(1);
          expect(result.stderr).toBe(
            `${problems.join('\n')}\nerror-catalog ${command[0]}: the catalog has problems; fix them first (error-catalog check lists them)\n`,
          );
          expect(result.stdout).toBe('');
        }
        expect(snapshot(dir)).toEqual(before);
      },
      HANG_GUARD_MS * 2,
    );
  }

  it(
    'the config file itself is a FIFO, or links to /dev/zero: every command names it (exit 2)',
    () => {
      const fifo = repo('config-fifo', undefined);
      mkfifo(join(fifo, 'error-catalog.config.json'));
      const zero = repo('config-zero', undefined);
      link('/dev/zero', join(zero, 'error-catalog.config.json'));
      for (const [dir, kind] of [
        [fifo, 'a FIFO'],
        [zero, 'a character device'],
      ] as const) {
        for (const command of [['check'], ['ids'], ['docs', '--out', 'out'], ['unused']]) {
          const result = cli(dir, ...command);
          expectOneLine(result, 2, `error-catalog.config.json:1:1  cannot read config: not a regular file (${kind})`);
        }
      }
    },
    HANG_GUARD_MS * 2,
  );

  it(
    'unused reports a .gitignore that is a FIFO or a device, and goes on',
    () => {
      const dir = repo('gitignore', 'errors', {
        'errors/07-security.json': SECURITY,
        'src/a.ts': "getError('security.token.invalid');\n",
      });
      mkfifo(join(dir, 'src', '.gitignore'));
      link('/dev/zero', join(dir, '.gitignore'));
      const result = cli(dir, 'unused', '--format', 'json');
      expect(result.status).toBe(0); // the command ran to the end
      expect(result.stderr.split('\n').filter((line) => line.includes('.gitignore'))).toEqual([
        `${join(dir, '.gitignore')}:1:1  cannot read .gitignore: not a regular file (a character device)`,
        `${join(dir, 'src', '.gitignore')}:1:1  cannot read .gitignore: not a regular file (a FIFO)`,
      ]);
      expect((JSON.parse(result.stdout) as { used: string[] }).used).toEqual(['security.token.invalid']);
    },
    HANG_GUARD_MS,
  );
});

describe('docs never reads, writes or deletes through a symlink under --out', () => {
  /** A repository with the shipped catalog (one domain: security) and an `out` folder prepared by `prepare`. */
  function docsRepo(name: string, prepare: (out: string) => void): { dir: string; out: string } {
    const dir = repo(name, 'errors', { 'errors/07-security.json': SECURITY });
    const out = join(dir, 'out');
    prepare(out);
    return { dir, out };
  }

  it('refuses a page that links outside (write and --check): the target is neither written nor printed', () => {
    const { dir, out } = docsRepo('docs-page-link', (o) =>
      link(join(outside, 'victim.md'), join(o, 'security', 'index.md')),
    );
    const before = snapshot(out);
    for (const args of [
      ['docs', '--out', 'out'],
      ['docs', '--check', '--out', 'out'],
    ]) {
      const result = cli(dir, ...args);
      expectOneLine(
        result,
        2,
        'error-catalog docs: refusing to follow the symbolic link out/security/index.md in the output folder; remove it',
      );
      expect(result.stdout).toBe('');
    }
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a domain folder that links outside', () => {
    const { dir } = docsRepo('docs-folder-link', (o) => link(join(outside, 'dir'), join(o, 'security')));
    expectOneLine(
      cli(dir, 'docs', '--out', 'out'),
      2,
      'error-catalog docs: refusing to follow the symbolic link out/security in the output folder; remove it',
    );
  });

  it('does not delete an outside file with the generated marker through a stale folder or page link', () => {
    const folder = docsRepo('docs-stale-folder', (o) => link(join(outside, 'marked'), join(o, 'legacy')));
    expectOneLine(
      cli(folder.dir, 'docs', '--out', 'out'),
      2,
      'error-catalog docs: refusing to follow the symbolic link out/legacy in the output folder; remove it',
    );
    const page = docsRepo('docs-stale-page', (o) =>
      link(join(outside, 'marked', 'index.md'), join(o, 'legacy', 'index.md')),
    );
    for (const args of [
      ['docs', '--out', 'out'],
      ['docs', '--check', '--out', 'out'],
    ]) {
      const result = cli(page.dir, ...args);
      expectOneLine(
        result,
        2,
        'error-catalog docs: refusing to follow the symbolic link out/legacy/index.md in the output folder; remove it',
      );
      expect(result.stdout).toBe('');
    }
  });

  it('--check never prints /etc/passwd or /proc/self/environ through a link', () => {
    for (const target of ['/etc/passwd', '/proc/self/environ']) {
      const { dir } = docsRepo(`docs-check-${target.replace(/\W+/g, '-')}`, (o) =>
        link(target, join(o, 'security', 'index.md')),
      );
      const result = cli(dir, 'docs', '--check', '--out', 'out');
      expectOneLine(
        result,
        2,
        'error-catalog docs: refusing to follow the symbolic link out/security/index.md in the output folder; remove it',
      );
      expect(result.stdout).toBe('');
    }
  });

  it('a hard link to an outside file: --check does not print it, docs replaces the link and leaves the file alone', () => {
    const { dir, out } = docsRepo('docs-hard-link', (o) => {
      write(join(o, 'security', 'placeholder'), '');
      linkSync(join(outside, 'secret.txt'), join(o, 'security', 'index.md'));
    });
    const check = cli(dir, 'docs', '--check', '--out', 'out');
    expect(check.status).toBe(1);
    expect(check.stdout).not.toContain('SECRET');
    expect(check.stderr).toBe(
      'out/security/index.md: not a page generated by error-catalog docs (content not shown)\n' +
        "1 page in out is stale; run 'error-catalog docs --out out'\n",
    );
    const written = cli(dir, 'docs', '--out', 'out');
    expect({ status: written.status, stdout: written.stdout }).toEqual({
      status: 0,
      stdout: 'out: wrote 1 page (0 unchanged)\n',
    });
    expect(readFileSync(join(out, 'security', 'index.md'), 'utf8')).toContain(MARKER);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('SECRET-TOKEN=hunter2\n');
  });

  it('writes <out>/<domain>/index.md and nothing else', () => {
    const { dir, out } = docsRepo('docs-only-pages', () => undefined);
    const before = snapshot(dir);
    expect(cli(dir, 'docs', '--out', 'out').status).toBe(0);
    const after = snapshot(dir);
    const added = Object.keys(after).filter((path) => !(path in before));
    expect(added.sort()).toEqual(['out', 'out/security', 'out/security/index.md']);
    expect(Object.keys(before).filter((path) => before[path] !== after[path])).toEqual([]);
    expect(snapshot(out)['security/index.md']).toMatch(/^file:/);
  });

  it('--out naming a file, or a symlink, is refused in one line (exit 2)', () => {
    const dir = repo('docs-out-file', 'errors', { 'errors/07-security.json': SECURITY, 'README.md': '# readme\n' });
    expectOneLine(
      cli(dir, 'docs', '--out', 'README.md'),
      2,
      'error-catalog docs: cannot use README.md as the output folder: it is not a directory',
    );
    link(join(outside, 'dir'), join(dir, 'linked-out'));
    expectOneLine(
      cli(dir, 'docs', '--out', 'linked-out'),
      2,
      'error-catalog docs: refusing to use linked-out: it is a symbolic link (give the real folder)',
    );
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# readme\n');
  });

  it('a domain name too long for a file name ends in one line (exit 2), nothing written', () => {
    const { text, domain } = catalogWithLongDomain();
    const dir = repo('docs-long-domain', 'errors.json', { 'errors.json': text });
    const result = cli(dir, 'docs', '--out', 'out');
    expectOneLine(result, 2, `error-catalog docs: cannot use out/${domain}: the file name is too long`);
    expect(snapshot(dir)['out']).toBeUndefined();
  });
});

describe('150,000-entry inputs', () => {
  it(
    'ids lists 150,000 errors',
    () => {
      const dir = repo('ids-150k', 'errors', { 'errors/09-big.json': bigCatalog(150_000) });
      const result = cli(dir, 'ids');
      expect(result.status).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(150_000);
      expect(lines[0]).toMatch(/^big\.s0\.e1 +0x09010001 +BadRequestError +400 +M1$/);
      expect(lines[149_999]).toMatch(/^big\.s2\.e50000 +0x0903c350 +BadRequestError +400 +M50000$/);
    },
    HANG_GUARD_MS,
  );

  it(
    'check reports 200,000 duplicate keys',
    () => {
      const keys = Array.from({ length: 200_001 }, () => '"message": "m"').join(', ');
      const text = `{ "code": 9, "subDomains": { "s": { "code": 1, "errors": { "e": { "code": 1, ${keys}, "description": "d", "class": "BadRequestError" } } } } }`;
      const dir = repo('check-200k-duplicates', 'errors', { 'errors/09-big.json': text });
      const result = cli(dir, 'check');
      expect(result.status).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(200_000);
      expect(lines[0]).toMatch(
        /^errors\/09-big\.json:1:\d+ {2}duplicate key 'message' \(first defined on line 1\); JSON keeps only the last one$/,
      );
      expect(result.stderr).toBe('200000 problems in the catalog\n');
    },
    HANG_GUARD_MS,
  );

  it(
    'docs --check against a 200,000-line generated page',
    () => {
      const dir = repo('docs-200k-lines', 'errors', { 'errors/07-security.json': SECURITY });
      write(join(dir, 'out', 'security', 'index.md'), `${MARKER}\n${'stale line\n'.repeat(200_000)}`);
      const result = cli(dir, 'docs', '--check', '--out', 'out');
      expect(result.status).toBe(1);
      expect(result.stdout.startsWith('--- a/out/security/index.md\n+++ b/out/security/index.md\n@@ ')).toBe(true);
      expect(result.stdout.split('\n').filter((line) => line === '-stale line')).toHaveLength(200_000);
      expect(result.stderr).toBe("1 page in out is stale; run 'error-catalog docs --out out'\n");
    },
    HANG_GUARD_MS,
  );

  it(
    'check, ids and docs on a catalog directory of 150,000 files',
    () => {
      const dir = repo('many-files', 'errors');
      manyCatalogFiles(join(dir, 'errors'), 150_000);
      const check = cli(dir, 'check');
      expect({ status: check.status, stdout: check.stdout, stderr: check.stderr }).toEqual({
        status: 0,
        stdout: 'no problems: 34 errors (3 deprecated) in 1 domain\n',
        stderr: '',
      });
      const ids = cli(dir, 'ids', '--format', 'json');
      expect(ids.status).toBe(0);
      expect(JSON.parse(ids.stdout)).toHaveLength(31); // deprecated ids are not listed
    },
    HANG_GUARD_MS * 2,
  );
});

describe('clean failures', () => {
  it('a catalog path through a file is a problem line, not a crash', () => {
    // A catalog path that is a file inside a file: ENOTDIR, reported as a problem, never a crash.
    const dir = repo('enotdir', 'errors.json/inner.json', { 'errors.json': SECURITY });
    const result = cli(dir, 'check');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'errors.json/inner.json:1:1  cannot read catalog: a part of the path is not a directory\n',
    );
  });

  it('help for a prototype name is the main help, not a crash', () => {
    const result = cli(root, 'help', 'constructor');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: error-catalog <command> [options]');
    expect(result.stdout).toContain('3 internal error');
  });
});
