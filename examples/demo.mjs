// `npm run demo`: the main job on the shipped example. Checks the example's catalog, runs the
// example app to show what it raises, then lints it (when the ESLint plugin is built).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'examples', 'app');

function step(title, command, args, cwd = root) {
  console.log(`\n$ ${[command, ...args].join(' ')}    # ${title}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return result.status ?? 1;
}

const cli = join(root, 'dist', 'cli', 'main.js');
if (existsSync(cli)) step("validate the example's catalog", 'node', [cli, 'check', '--config', 'examples/app/error-catalog.config.json']);
step('run the example app: what it raises', 'node', ['examples/app/index.js']);
