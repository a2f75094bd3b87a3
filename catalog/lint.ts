import { classTable } from './classes';
import { boundedDistance } from './distance';
import { isVersion, KNOWN_FIELDS, readDeprecated, type EntryLevel } from './fields';
import type { LoadResult } from './load';
import type { CatalogProblem, JsonPath } from './model';
import { readCatalogSources, type DomainSource } from './sources';
import { buildCatalog } from './validate';

type Fields = Record<string, unknown>;

export interface CheckResult extends LoadResult {
  /** What `lintCatalogSources` finds: problems the tools tolerate (the catalog stays usable). */
  readonly warnings: CatalogProblem[];
}

/** `loadCatalog` plus the lint only `error-catalog check` runs. */
export function checkCatalog(paths: readonly string[], classes?: Readonly<Record<string, number>>): CheckResult {
  const read = readCatalogSources(paths);
  const { catalog, problems } = buildCatalog(read.domains, classTable(classes));
  return {
    catalog,
    problems: [...read.problems, ...problems],
    warnings: lintCatalogSources(read.domains),
    files: read.watched.map((w) => w.path),
  };
}

/**
 * What a catalog says that the tools silently ignore or read differently than meant: unknown or
 * misspelled fields, a `deprecated` string that is not a version, a `replacedBy` that nothing
 * uses. None of these makes the catalog unusable — an older catalog with an extra field must keep
 * working in the linter and the editor — so the loader does not look for them (it runs on every
 * lint); `error-catalog check` does, and exits 1 when it finds any.
 */
export function lintCatalogSources(sources: readonly DomainSource[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const source of sources) {
    const at = (path: JsonPath, target: 'key' | 'value', message: string): void => {
      const location = source.locator.locate([...source.path, ...path], target);
      problems.push({ file: location.file, line: location.line, column: location.column, message });
    };
    const domain = asObject(source.value);
    if (!domain) continue;
    lintEntry(domain, [], 'domain', `domain '${source.name}'`, at);
    // The same choice as the loader: `subDomains` when given, else the older `subdomains`.
    const subdomainsKey = Object.hasOwn(domain, 'subDomains') ? 'subDomains' : 'subdomains';
    const subdomains = asObject(domain[subdomainsKey]);
    if (!subdomains) continue;
    for (const subdomainName of Object.keys(subdomains)) {
      const subdomain = asObject(subdomains[subdomainName]);
      if (!subdomain) continue;
      const subdomainPath = [subdomainsKey, subdomainName];
      lintEntry(subdomain, subdomainPath, 'subdomain', `subdomain '${source.name}.${subdomainName}'`, at);
      const errors = asObject(subdomain['errors']);
      if (!errors) continue;
      for (const errorName of Object.keys(errors)) {
        const error = asObject(errors[errorName]);
        if (!error) continue;
        const id = `${source.name}.${subdomainName}.${errorName}`;
        const errorPath = [...subdomainPath, 'errors', errorName];
        lintEntry(error, errorPath, 'error', `error '${id}'`, at);
        if (Object.hasOwn(error, 'replacedBy') && readDeprecated(error['deprecated']) === undefined) {
          at(
            [...errorPath, 'replacedBy'],
            'key',
            `'replacedBy' is ignored: error '${id}' is not deprecated itself (add "deprecated": a version or true)`,
          );
        }
      }
    }
  }
  return problems;
}

type Report = (path: JsonPath, target: 'key' | 'value', message: string) => void;

function lintEntry(fields: Fields, path: JsonPath, level: EntryLevel, what: string, at: Report): void {
  const known: readonly string[] = KNOWN_FIELDS[level];
  for (const key of Object.keys(fields)) {
    if (known.includes(key) || (level === 'domain' && key.startsWith('$'))) continue;
    const guess = closestField(key, known);
    const hint = guess === undefined ? '' : `; did you mean '${guess}'?`;
    at([...path, key], 'key', `unknown field '${key}' on ${what} (ignored)${hint}`);
  }
  const deprecated = fields['deprecated'];
  if (typeof deprecated === 'string' && readDeprecated(deprecated) !== 'invalid' && !isVersion(deprecated)) {
    at(
      [...path, 'deprecated'],
      'value',
      `'deprecated' is not a version: ${JSON.stringify(deprecated)} (expected 1, 1.2 or 1.2.3, a pre-release such as 2.0.0-beta.1, or true); read as deprecated, version unknown`,
    );
  }
}

/**
 * The known field an unknown one was probably meant to be: the same once case, `_` and `-` are
 * ignored (`replaced_by`, `Deprecated`, `sub_domains`), else within two edits (`deprecatd`).
 */
function closestField(key: string, known: readonly string[]): string | undefined {
  const folded = fold(key);
  const same = known.find((field) => fold(field) === folded);
  if (same !== undefined) return same;
  const allowed = Math.min(2, Math.max(1, Math.floor(folded.length / 4)));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const field of known) {
    const distance = boundedDistance(folded, fold(field), allowed);
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

function asObject(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}
