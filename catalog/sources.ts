import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { JsonLocator } from './locate';
import type { CatalogProblem, JsonPath } from './model';
import { describeErrno, describeFileType, readTextFile } from './read-file';

/** One domain object as found in a catalog file, before validation. */
export interface DomainSource {
  readonly name: string;
  readonly file: string;
  /** Path of the domain object inside the file. */
  readonly path: JsonPath;
  readonly value: unknown;
  /** Code given by a `<code>-<domain>.json` file name. */
  readonly codeFromFileName: number | undefined;
  readonly locator: JsonLocator;
}

/** A file or directory the catalog was read from, with what it looked like, to notice edits. */
export interface WatchedPath {
  readonly path: string;
  readonly signature: string;
}

export interface ReadResult {
  readonly domains: DomainSource[];
  readonly problems: CatalogProblem[];
  readonly watched: WatchedPath[];
}

const DOMAIN_FILE = /^(?:(\d+)-)?(.+)\.json$/;

/** Reads every catalog path (file or directory) of a project, in order. */
export function readCatalogSources(paths: readonly string[]): ReadResult {
  const result: ReadResult = { domains: [], problems: [], watched: [] };
  for (const path of paths) readPath(path, result);
  return result;
}

/** What a path looks like now (kind, mtime, size, inode), or why it cannot be stat'ed. */
export function signatureOf(path: string, failure?: unknown): string {
  if (failure !== undefined) return `missing:${(failure as NodeJS.ErrnoException).code ?? ''}`;
  try {
    return signatureOfStats(statSync(path));
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

export function signatureOfStats(stat: Stats): string {
  return `${stat.isDirectory() ? 'd' : 'f'}:${stat.mtimeMs}:${stat.size}:${stat.ino}`;
}

function readPath(path: string, result: ReadResult): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    result.watched.push({ path, signature: signatureOf(path) });
    result.problems.push({ file: path, line: 1, column: 1, message: `cannot read catalog: ${describeErrno(error)}` });
    return;
  }
  if (!isDirectory) return readFile(path, undefined, result);

  result.watched.push({ path, signature: signatureOf(path) });
  let entries: string[];
  try {
    // Sorted: problems come in the same order on every file system.
    entries = readdirSync(path)
      .filter((name) => DOMAIN_FILE.test(name))
      .sort();
  } catch (error) {
    result.problems.push({
      file: path,
      line: 1,
      column: 1,
      message: `cannot read catalog directory: ${describeErrno(error)}`,
    });
    return;
  }
  const files: Array<{ name: string; match: RegExpExecArray }> = [];
  const problemsBefore = result.problems.length;
  for (const name of entries) {
    const kind = entryKind(join(path, name));
    if (kind === 'file') files.push({ name, match: DOMAIN_FILE.exec(name)! });
    else {
      // A FIFO, a device, a broken link: reported, so that a catalog is never silently partial.
      result.watched.push({ path: join(path, name), signature: signatureOf(join(path, name)) });
      result.problems.push({
        file: join(path, name),
        line: 1,
        column: 1,
        message: `cannot read catalog file: ${kind}`,
      });
    }
  }
  files.sort((a, b) => orderKey(a.match) - orderKey(b.match) || (a.name < b.name ? -1 : 1));
  if (files.length === 0 && result.problems.length === problemsBefore) {
    result.problems.push({ file: path, line: 1, column: 1, message: 'no catalog files (*.json) in this directory' });
    return;
  }
  for (const { name, match } of files) readFile(join(path, name), match, result);
}

/**
 * A regular file, or why the entry cannot be read: a directory named `x.json`, not a regular
 * file (a FIFO, a device), a broken or looping symlink.
 */
function entryKind(path: string): string {
  try {
    const stat = statSync(path);
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return 'is a directory';
    return `not a regular file (${describeFileType(stat)})`;
  } catch (error) {
    return describeErrno(error);
  }
}

function orderKey(match: RegExpExecArray): number {
  return match[1] === undefined ? Number.MAX_SAFE_INTEGER : Number(match[1]);
}

function readFile(file: string, nameMatch: RegExpExecArray | undefined, result: ReadResult): void {
  result.watched.push({ path: file, signature: signatureOf(file) });
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    result.problems.push({ file, line: 1, column: 1, message: `cannot read catalog file: ${describeErrno(error)}` });
    return;
  }
  const locator = new JsonLocator(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    for (const problem of syntaxProblems(file, text, locator)) result.problems.push(problem);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    result.problems.push({ file, ...locator.position(0), message: 'a catalog file must contain a JSON object' });
    return;
  }
  for (const domain of catalogFileDomains(file, value as Record<string, unknown>, nameMatch))
    result.domains.push({ ...domain, file, locator });
}

/** A domain file holds one domain (`code` + `subDomains`); a single-file catalog maps names to domains. */
function isDomainObject(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, 'subDomains') || Object.hasOwn(value, 'subdomains') || typeof value['code'] === 'number';
}

/**
 * Reads one catalog file from `text` (an editor's unsaved buffer) as `readCatalogSources` reads
 * it from disk, for hosts that check a document while it is edited.
 */
// The steps of readFile after its read (the read itself and its error handling are being changed
// on another branch, so they are not shared yet); which domains a file holds is catalogFileDomains, shared.
export function readCatalogText(file: string, text: string, parsed?: { readonly value: unknown }): ReadResult {
  const result: ReadResult = { domains: [], problems: [], watched: [] };
  const locator = new JsonLocator(file, text);
  let value: unknown;
  try {
    // A host that has parsed the text already passes `JSON.parse(text)`'s value.
    value = parsed ? parsed.value : JSON.parse(text);
  } catch {
    for (const problem of syntaxProblems(file, text, locator)) result.problems.push(problem);
    return result;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    result.problems.push({ file, ...locator.position(0), message: 'a catalog file must contain a JSON object' });
    return result;
  }
  for (const domain of catalogFileDomains(file, value as Record<string, unknown>))
    result.domains.push({ ...domain, file, locator });
  return result;
}

/** The domains a catalog file's top-level object holds: itself (a domain file, named by the file) or its keys. */
export function catalogFileDomains(
  file: string,
  record: Record<string, unknown>,
  match: RegExpExecArray | null = DOMAIN_FILE.exec(basename(file)),
): Array<Pick<DomainSource, 'name' | 'path' | 'value' | 'codeFromFileName'>> {
  if (isDomainObject(record)) {
    const codeFromFileName = match?.[1] === undefined ? undefined : Number(match[1]);
    return [{ name: match?.[2] ?? basename(file), path: [], value: record, codeFromFileName }];
  }
  return Object.keys(record)
    .filter((name) => !name.startsWith('$')) // `$schema` and similar editor keys
    .map((name) => ({ name, path: [name], value: record[name], codeFromFileName: undefined }));
}

function syntaxProblems(file: string, text: string, locator: JsonLocator): CatalogProblem[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length === 0) {
    // JSON.parse refused what jsonc-parser accepts (e.g. a lone surrogate escape); keep the runtime's wording.
    try {
      JSON.parse(text);
    } catch (error) {
      return [{ file, line: 1, column: 1, message: `invalid JSON: ${(error as Error).message}` }];
    }
  }
  // Only the first: the parser recovers and goes on, and what it reports after a syntax error
  // (a truncated file, a missing quote) is mostly the same mistake seen again.
  return errors.slice(0, 1).map((error) => ({
    file,
    ...locator.position(error.offset),
    message: `invalid JSON: ${describeParseError(error)}`,
  }));
}

function describeParseError(error: ParseError): string {
  const words = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words;
}
