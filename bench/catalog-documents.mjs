// Catalog documents in the language server, on a generated 50,000-error catalog: diagnostics of
// an edited (unsaved) catalog file, hover, completion and unused hints on it, and the catalog
// edits (add an error, rename a subdomain) — against a baseline measured in the same run: what
// `error-catalog check` does for the whole catalog (load, validate, lint, duplicate keys).
// Two layouts: a directory of 50 domain files (~240 KB each), and one 12 MB single-file catalog.
// Run: npm run bench:catalog-documents  (builds first). Prints medians and p95; asserts nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './lib/generate-catalog.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { checkCatalog, findDuplicateKeys, getProject } = require(join(root, 'dist', 'catalog', 'index.js'));
const docs = require(join(root, 'dist', 'server', 'catalog-documents', 'index.js'));
const { planAddError, planCatalogRename } = require(join(root, 'dist', 'catalog', 'edit', 'index.js'));

const ROUNDS = Number(process.env.ROUNDS ?? 21);
const base = join(root, 'bench', '.generated', 'catalog-documents');

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
  };
};
const time = (fn) => {
  const start = process.hrtime.bigint();
  const result = fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
};
const measure = (fn) => {
  const times = [];
  for (let round = 0; round < ROUNDS; round++) times.push(time(() => fn(round))[0]);
  return stats(times);
};
const fmt = ({ p50, p95 }) => `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`;

function layouts() {
  const dirCatalog = join(base, 'directory', 'errors');
  generateCatalog(dirCatalog, { errors: 50_000 });
  writeFileSync(join(base, 'directory', 'error-catalog.config.json'), JSON.stringify({ catalog: 'errors' }));
  const files = readdirSync(dirCatalog).map((f) => join(dirCatalog, f));
  // The same errors as one file: { "<domain>": { code, subDomains } … }.
  const single = {};
  for (const file of files)
    single[/^(?:\d+-)?(.+)\.json$/.exec(file.split(/[\\/]/).pop())[1]] = JSON.parse(readFileSync(file, 'utf8'));
  const singleFile = join(base, 'single', 'errors.json');
  writeFileSync(join(base, 'single', 'error-catalog.config.json'), JSON.stringify({ catalog: 'errors.json' }));
  writeFileSync(singleFile, JSON.stringify(single, null, 2));
  return [
    { name: 'directory (50 files)', dir: join(base, 'directory'), catalogPaths: dirCatalog, file: files[25] },
    { name: 'single file (12 MB)', dir: join(base, 'single'), catalogPaths: singleFile, file: singleFile },
  ];
}

generateCatalog(join(base, 'single'), { errors: 0 }); // creates and empties the folder
for (const layout of layouts()) {
  const project = getProject({ file: join(layout.dir, 'src', 'app.ts') });
  if (project.problems.length) throw new Error(`generated catalog has problems: ${project.problems[0].message}`);
  const text = readFileSync(layout.file, 'utf8');
  const firstError = /"([a-z_0-9]+_failed_1)": \{/.exec(text);
  const keyOffset = firstError.index + 2;
  const classOffset = text.indexOf('"class": "', keyOffset) + 11;
  // An edit per round (a message letter), so no round reuses the previous round's parse.
  const messageAt = text.indexOf('"message": "', keyOffset) + 12;
  const edited = (round) =>
    text.slice(0, messageAt) + String.fromCharCode(65 + (round % 26)) + text.slice(messageAt + 1);

  const check = measure(() => {
    const { files } = checkCatalog([layout.catalogPaths]);
    for (const file of files) if (file.endsWith('.json')) findDuplicateKeys(file, readFileSync(file, 'utf8'));
  });
  const diagnostics = measure((round) => {
    const found = docs.catalogDocumentDiagnostics(edited(round), layout.file, project);
    if (found.length) throw new Error(found[0].message);
  });
  const hoverAfterEdit = measure((round) =>
    docs.catalogDocumentHover(edited(round + 100), layout.file, keyOffset, project, () => 3),
  );
  const hover = measure(() => docs.catalogDocumentHover(text, layout.file, keyOffset, project, () => 3));
  const completion = measure(() => docs.catalogDocumentCompletion(text, layout.file, classOffset, project));
  const unused = measure(() => docs.unusedErrorHints(text, layout.file, project, () => 'unused'));
  const readText = () => text;
  const domain = project.catalog.domains.values().next().value;
  const add = measure((round) => planAddError(project.catalog, `${domain.name}.fresh_sub.e${round}`, readText));
  const subdomain = domain.subdomains.values().next().value.name;
  const rename = measure(() =>
    planCatalogRename(project.catalog, { kind: 'subdomain', domain: domain.name, subdomain }, 'renamed_sub'),
  );

  console.log(
    `\n${layout.name}: ${project.catalog.size} errors; edited document ${(text.length / 1024).toFixed(0)} KB`,
  );
  console.log(`  baseline: error-catalog check of the whole catalog   ${fmt(check)}`);
  console.log(
    `  diagnostics of the edited document                   ${fmt(diagnostics)}  (${(diagnostics.p50 / check.p50).toFixed(2)}× baseline)`,
  );
  console.log(`  hover, first after an edit (parses the text)         ${fmt(hoverAfterEdit)}`);
  console.log(`  hover, same text                                     ${fmt(hover)}`);
  console.log(`  class completion                                     ${fmt(completion)}`);
  console.log(`  unused hints (every error unused)                    ${fmt(unused)}`);
  console.log(`  plan "add an error" (new subdomain)                  ${fmt(add)}`);
  console.log(`  plan "rename a subdomain" (+ replacedBy everywhere)   ${fmt(rename)}`);
}
console.log(`\nmemory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
