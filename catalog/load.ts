import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from './catalog';
import { classTable } from './classes';
import type { CatalogProblem } from './model';
import { readCatalogSources } from './sources';
import { buildCatalog } from './validate';

/**
 * The catalog shipped with the package (the `security` domain of the reference documentation).
 * Compiled code runs from dist/catalog/, the sources (tests) from catalog/.
 */
export const SHIPPED_CATALOG = existsSync(join(__dirname, 'data'))
  ? join(__dirname, 'data')
  : join(__dirname, '..', '..', 'catalog', 'data');

export interface LoadResult {
  readonly catalog: Catalog;
  /** Every problem found; the catalog holds only the valid entries when there are any. */
  readonly problems: CatalogProblem[];
  /** Files and directories read. */
  readonly files: string[];
}

/**
 * Loads and validates a catalog from files or directories (absolute, or relative to the
 * current directory): the uncached building block under the project cache.
 */
export function loadCatalog(
  paths: string | readonly string[] = SHIPPED_CATALOG,
  classes?: Readonly<Record<string, number>>,
): LoadResult {
  const read = readCatalogSources(typeof paths === 'string' ? [paths] : paths);
  const { catalog, problems } = buildCatalog(read.domains, classTable(classes));
  return { catalog, problems: [...read.problems, ...problems], files: read.watched.map((w) => w.path) };
}
