import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveCalls, type ArgumentRole, type CallsConfig } from './calls';
import { JsonLocator } from './locate';
import type { CatalogProblem, JsonPath } from './model';
import { describeErrno, readTextFile } from './read-file';

export const CONFIG_FILE_NAME = 'error-catalog.config.json';

/** The project config as written: in error-catalog.config.json, ESLint `settings`, or tsconfig plugin options. */
export interface ConfigInput {
  /** A catalog file, a directory of domain files, or a list of them, relative to the config file. */
  catalog?: string | string[];
  /** Extra or overridden error classes: class name → HTTP status. */
  classes?: Record<string, number>;
  /** How the code names errors; each key given replaces its default. */
  calls?: Partial<CallsConfig>;
  /** Options of the docs generator. */
  docs?: Record<string, unknown>;
}

export interface ProjectConfig {
  /** The config file, or undefined for an inline config. */
  readonly file: string | undefined;
  /** Directory relative paths are resolved against. */
  readonly baseDir: string;
  readonly catalog: readonly string[];
  readonly classes: Readonly<Record<string, number>>;
  readonly calls: CallsConfig;
  readonly docs: Readonly<Record<string, unknown>>;
}

export interface ConfigResult {
  readonly config: ProjectConfig | undefined;
  readonly problems: CatalogProblem[];
}

const ROLES: ReadonlySet<string> = new Set<ArgumentRole>(['id', 'domain', 'subdomain', 'name', 'any']);

/** Walks up from `startDir` to the nearest error-catalog.config.json. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function readConfigFile(file: string): ConfigResult {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    return {
      config: undefined,
      problems: [{ file, line: 1, column: 1, message: `cannot read config: ${describeErrno(error)}` }],
    };
  }
  const locator = new JsonLocator(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      config: undefined,
      problems: [{ file, line: 1, column: 1, message: `invalid JSON: ${(error as Error).message}` }],
    };
  }
  return normalizeConfig(value, dirname(file), file, locator);
}

/**
 * Checks a config object and resolves its paths. Inline configs (no file) report problems
 * against `where`, a label such as "ESLint settings['error-catalog']".
 */
export function normalizeConfig(
  value: unknown,
  baseDir: string,
  file: string | undefined,
  locator?: JsonLocator,
  where = file ?? 'inline error-catalog config',
): ConfigResult {
  const problems: CatalogProblem[] = [];
  const report = (path: JsonPath, message: string): void => {
    const position = locator ? locator.locate(path, path.length ? 'value' : 'key') : { line: 1, column: 1 };
    problems.push({ file: where, line: position.line, column: position.column, message });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report([], 'the error-catalog config must be an object');
    return { config: undefined, problems };
  }
  const input = value as Record<string, unknown>;

  const catalog = typeof input['catalog'] === 'string' ? [input['catalog']] : input['catalog'];
  const catalogPaths: string[] = [];
  if (catalog === undefined) report([], "missing 'catalog': the catalog file or directory, relative to the config");
  else if (
    !Array.isArray(catalog) ||
    catalog.length === 0 ||
    catalog.some((entry) => typeof entry !== 'string' || entry === '')
  ) {
    report(['catalog'], "'catalog' must be a path or a non-empty list of paths");
  } else for (const entry of catalog as string[]) catalogPaths.push(resolve(baseDir, entry));

  const classes: Record<string, number> = Object.create(null) as Record<string, number>;
  if (input['classes'] !== undefined) {
    const raw = input['classes'];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      report(['classes'], "'classes' must map class names to HTTP statuses");
    else
      for (const [name, status] of Object.entries(raw)) {
        if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599)
          classes[name] = status;
        else report(['classes', name], `class '${name}' must map to an HTTP status (100–599)`);
      }
  }

  const calls = checkCalls(input['calls'], report);
  const docs = input['docs'];
  if (docs !== undefined && (docs === null || typeof docs !== 'object' || Array.isArray(docs)))
    report(['docs'], "'docs' must be an object");

  if (problems.length > 0) return { config: undefined, problems };
  return {
    config: {
      file,
      baseDir,
      catalog: catalogPaths,
      classes,
      calls,
      docs: (docs as Record<string, unknown> | undefined) ?? {},
    },
    problems,
  };
}

function checkCalls(raw: unknown, report: (path: JsonPath, message: string) => void): CallsConfig {
  if (raw === undefined) return resolveCalls(undefined);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report(['calls'], "'calls' must be an object with 'functions', 'modules' and/or 'throwNew'");
    return resolveCalls(undefined);
  }
  const calls = raw as Record<string, unknown>;
  const checkRoles = (path: JsonPath, roles: unknown): boolean => {
    if (Array.isArray(roles) && roles.every((role) => typeof role === 'string' && ROLES.has(role))) return true;
    report(path, `argument roles must be a list of ${[...ROLES].map((r) => `"${r}"`).join(', ')}`);
    return false;
  };
  const checkMethods = (path: JsonPath, methods: unknown): void => {
    if (methods === null || typeof methods !== 'object' || Array.isArray(methods))
      report(path, 'methods must map method names to argument roles');
    else for (const [name, roles] of Object.entries(methods)) checkRoles([...path, name], roles);
  };
  if (calls['functions'] !== undefined) {
    const functions = calls['functions'];
    if (!Array.isArray(functions)) report(['calls', 'functions'], "'functions' must be a list");
    else
      functions.forEach((form: unknown, index) => {
        const entry = form as Record<string, unknown> | null;
        if (!entry || typeof entry['callee'] !== 'string' || entry['callee'] === '')
          report(
            ['calls', 'functions', index],
            'each function needs a \'callee\' such as "getError" or "AppError.from"',
          );
        else checkRoles(['calls', 'functions', index, 'args'], entry['args']);
      });
  }
  if (calls['modules'] !== undefined) {
    const modules = calls['modules'];
    if (!Array.isArray(modules)) report(['calls', 'modules'], "'modules' must be a list");
    else
      modules.forEach((form: unknown, index) => {
        const entry = form as Record<string, unknown> | null;
        if (!entry || typeof entry['module'] !== 'string' || entry['module'] === '')
          report(['calls', 'modules', index], 'each module needs a \'module\' name such as "kerror"');
        else {
          checkMethods(['calls', 'modules', index, 'methods'], entry['methods']);
          const wrap = entry['wrap'] as Record<string, unknown> | undefined;
          if (wrap !== undefined) {
            if (wrap === null || typeof wrap['method'] !== 'string')
              report(['calls', 'modules', index, 'wrap'], "'wrap' needs a 'method' name");
            else {
              checkRoles(['calls', 'modules', index, 'wrap', 'args'], wrap['args']);
              checkMethods(['calls', 'modules', index, 'wrap', 'methods'], wrap['methods']);
            }
          }
        }
      });
  }
  const throwNew = calls['throwNew'];
  if (throwNew !== undefined && throwNew !== false) {
    if (throwNew === null || typeof throwNew !== 'object')
      report(['calls', 'throwNew'], '\'throwNew\' must be false or { "args": [...] }');
    else checkRoles(['calls', 'throwNew', 'args'], (throwNew as Record<string, unknown>)['args']);
  }
  return resolveCalls(calls);
}
