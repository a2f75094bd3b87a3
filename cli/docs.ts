import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from './args';
import { unifiedDiff } from './diff';
import { readDocsOptions } from './docs/options';
import { GENERATED_MARKER, renderDocs, type DocsPage } from './docs/render';
import { displayPath, err, out, plural } from './output';
import { ConfigError, loadSoundCatalog, resolveConfig } from './setup';

export const DOCS_HELP = `Usage: error-catalog docs [--out <dir>] [--check] [options]

Generates one Markdown page per domain, <dir>/<domain>/index.md, listing every error that is
not deprecated (deprecated errors, subdomains and domains are left out), in catalog order.
Titles, descriptions and class links come from the "docs" section of the project config.

Options:
  --out <dir>         output directory (default: "out" in the config's "docs" section)
  --check             compare the pages in <dir> with what would be generated instead of
                      writing them; print a unified diff and exit 1 when they are stale (for CI)
  --config <file>     the project config (default: the nearest error-catalog.config.json,
                      walking up from the current directory)
  --catalog <path>    document this catalog file or directory instead, without a config
                      (repeatable; default docs options)
  -h, --help          show this help

Generated pages that no longer match a documented domain (a domain that was removed or
deprecated) are deleted by docs and reported as stale by docs --check; docs only ever deletes
index.md files that carry the "auto-generated" comment.

Exit codes: 0 written or up to date, 1 stale pages (--check) or catalog problems,
2 usage or config error.
`;

const OPTIONS = { ...COMMON_OPTIONS, out: { type: 'string' }, check: { type: 'boolean' } } as const;

export function runDocs(args: readonly string[]): number {
  const { values } = parseCommandArgs(args, OPTIONS, false);
  if (values.help) {
    out(DOCS_HELP);
    return 0;
  }
  const config = resolveConfig(values);
  const { options, problems } = readDocsOptions(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const outDir = values.out !== undefined ? resolve(values.out) : options.out;
  if (outDir === undefined) throw new UsageError('give --out <dir>, or "out" in the "docs" section of the config');
  const catalog = loadSoundCatalog(config);
  const pages = renderDocs(catalog, options);
  const stale = stalePages(outDir, pages);
  return values.check ? checkPages(outDir, pages, stale) : writePages(outDir, pages, stale);
}

function writePages(outDir: string, pages: readonly DocsPage[], stale: readonly string[]): number {
  let written = 0;
  for (const page of pages) {
    const file = join(outDir, page.path);
    if (readOrEmpty(file) === page.content) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page.content);
    written++;
  }
  for (const file of stale) rmSync(file);
  const removed = stale.length > 0 ? `, removed ${plural(stale.length, 'stale page')}` : '';
  out(`${displayPath(outDir)}: wrote ${plural(written, 'page')} (${pages.length - written} unchanged)${removed}`);
  return 0;
}

function checkPages(outDir: string, pages: readonly DocsPage[], stale: readonly string[]): number {
  let diffs = '';
  let count = 0;
  for (const page of pages) {
    const file = join(outDir, page.path);
    const label = displayPath(file);
    const current = existsSync(file) ? readOrEmpty(file) : undefined;
    if (current === page.content) continue;
    count++;
    diffs += unifiedDiff(current ?? '', page.content, current === undefined ? '/dev/null' : `a/${label}`, `b/${label}`);
  }
  for (const file of stale) {
    count++;
    diffs += unifiedDiff(readOrEmpty(file), '', `a/${displayPath(file)}`, '/dev/null');
  }
  if (count === 0) {
    out(`${displayPath(outDir)}: ${plural(pages.length, 'page')} up to date`);
    return 0;
  }
  out(diffs);
  err(
    `${plural(count, 'page')} in ${displayPath(outDir)} ${count === 1 ? 'is' : 'are'} stale; run 'error-catalog docs --out ${displayPath(outDir)}'`,
  );
  return 1;
}

/** Generated pages in `outDir` for domains that are no longer documented. */
function stalePages(outDir: string, pages: readonly DocsPage[]): string[] {
  const expected = new Set(pages.map((page) => page.domain));
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return [];
  }
  return entries
    .filter((name) => !expected.has(name))
    .map((name) => join(outDir, name, 'index.md'))
    .filter((file) => readOrEmpty(file).includes(GENERATED_MARKER))
    .sort();
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
