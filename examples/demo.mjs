// `npm run demo`: the main job on the shipped example. Checks the example's catalog, runs the
// example app to show what it raises, then lints it (when the ESLint plugin is built).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

// The ESLint plugin on the same app (examples/app/eslint.config.mjs): the planted mistakes are
// reported — an unknown id with a did-you-mean, a deprecated id whose replacement is offered as a
// suggestion (it takes another number of placeholder arguments), a missing placeholder argument. ESLint exits 1 because of them; that is the point of the demo.
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
if (existsSync(join(root, 'dist', 'rules', 'index.js')) && existsSync(eslintBin)) {
  step('lint the example app with error-catalog/eslint', 'node', ['../../node_modules/eslint/bin/eslint.js', '.'], app);

  // What the editor offers on the same findings: the autofix and the suggestions.
  console.log('\n# fixes and suggestions offered (ESLint API, same config)');
  const { ESLint } = createRequire(import.meta.url)('eslint');
  const results = await new ESLint({ cwd: app }).lintFiles(['.']);
  for (const result of results) {
    const source = readFileSync(result.filePath, 'utf8');
    for (const m of result.messages) {
      console.log(`${relative(root, result.filePath)}:${m.line}:${m.column}  ${m.ruleId}`);
      if (m.fix) console.log(`  autofix (--fix): ${JSON.stringify(source.slice(...m.fix.range))} → ${JSON.stringify(m.fix.text)}`);
      for (const s of m.suggestions ?? []) console.log(`  suggestion: ${s.desc}`);
      if (!m.fix && !m.suggestions) console.log('  (nothing to fix automatically)');
    }
  }
}
