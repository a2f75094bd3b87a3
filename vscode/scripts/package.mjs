// Builds the VS Code extension and packs it into vscode/error-catalog-vscode.vsix with @vscode/vsce.
// Run from the repository root through `npm run vscode:package` (which builds the package first):
//  1. packs this repository's package (the extension bundles that copy of error-catalog),
//  2. installs the extension's dependencies in vscode/ exactly as vscode/package-lock.json says
//     (`npm ci`). The lock leaves out the integrity of the bundled tarball, which changes with
//     every build; everything else, this package's own dependencies included, is pinned.
//     `npm run vscode:lock` (this script with `--update-lock`) rewrites the lock after a
//     dependency changes, here or in the root package.json;
//  3. compiles vscode/src, packs the .vsix, and checks that it holds the extension, the bundled
//     server and the tsserver plugin.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(extensionDir, '..');
const vendor = join(extensionDir, 'vendor');
const vsix = join(extensionDir, 'error-catalog-vscode.vsix');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
run(npm, ['pack', '--pack-destination', vendor, '--ignore-scripts', '--silent'], root);
const tarball = readdirSync(vendor).find((name) => name.endsWith('.tgz'));
if (!tarball) throw new Error('npm pack produced no tarball');
renameSync(join(vendor, tarball), join(vendor, 'error-catalog.tgz'));

const lockFile = join(extensionDir, 'package-lock.json');
if (process.argv.includes('--update-lock')) {
  rmSync(join(extensionDir, 'node_modules'), { recursive: true, force: true });
  rmSync(lockFile, { force: true });
  run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], extensionDir);
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  delete lock.packages['node_modules/error-catalog'].integrity;
  writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
} else {
  try {
    run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], extensionDir);
  } catch {
    throw new Error(
      'vscode/package-lock.json does not match vscode/package.json or the dependencies of this package: run `npm run vscode:lock`',
    );
  }
}
run(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(extensionDir, 'tsconfig.json')],
  root,
);
rmSync(vsix, { force: true });
run(
  process.execPath,
  [
    join(extensionDir, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--allow-missing-repository',
    '--out',
    vsix,
  ],
  extensionDir,
);

const listing = execFileSync(process.execPath, [join(extensionDir, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls'], {
  cwd: extensionDir,
  encoding: 'utf8',
});
const required = [
  'dist/extension.js',
  'node_modules/error-catalog/dist/ts-plugin/index.js',
  'node_modules/vscode-languageclient/package.json',
];
// The server (dist/server/main.js) is bundled whenever this build of the package has one.
if (existsSync(join(root, 'dist', 'server', 'main.js')))
  required.push('node_modules/error-catalog/dist/server/main.js');
const files = new Set(listing.split(/\r?\n/).map((line) => line.trim()));
const missing = required.filter((file) => !files.has(file));
if (missing.length > 0 || !existsSync(vsix)) throw new Error(`the .vsix lacks ${missing.join(', ') || 'itself'}`);
if ([...files].some((file) => file.startsWith('node_modules/typescript/')))
  throw new Error('the .vsix bundles TypeScript');
// The compiled extension lives on in the .vsix only: the repository's linters check sources, not builds.
rmSync(join(extensionDir, 'dist'), { recursive: true, force: true });
console.log(`packed ${vsix} (${files.size} files)`);
