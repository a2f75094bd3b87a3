import { resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  findConfigFile,
  loadCatalog,
  normalizeConfig,
  readConfigFile,
  type Catalog,
  type CatalogProblem,
  type ProjectConfig,
} from '../catalog';
import { UsageError } from './args';

/** The config file cannot be used: its problems are printed and the command exits 2. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(`${problems.length} config problem(s)`);
  }
}

/**
 * The catalog has problems, so a command that needs a sound one refuses to go on: exit 1.
 * (Not `CatalogError`: that name is the catalog's entry type, an error of the catalog.)
 */
export class CatalogProblemsError extends Error {
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(`${problems.length} catalog problem(s)`);
  }
}

export interface ConfigChoice {
  readonly config?: string | undefined;
  readonly catalog?: string[] | undefined;
}

/**
 * The project config, found as the plugins find it: `--config <file>`, else the nearest
 * error-catalog.config.json walking up from the current directory. `--catalog <path>` stands
 * in for a config that only names the catalog (standard classes, default calls).
 */
export function resolveConfig(choice: ConfigChoice, cwd = process.cwd()): ProjectConfig {
  if (choice.config !== undefined && choice.catalog !== undefined)
    throw new UsageError('give either --config or --catalog, not both');
  let result;
  if (choice.catalog !== undefined) {
    result = normalizeConfig({ catalog: choice.catalog }, cwd, undefined, undefined, '--catalog');
  } else {
    const file = choice.config !== undefined ? resolve(cwd, choice.config) : findConfigFile(cwd);
    if (file === undefined) {
      throw new UsageError(
        `no ${CONFIG_FILE_NAME} found in ${cwd} or its parents; give --config <file> or --catalog <path>`,
      );
    }
    result = readConfigFile(file);
  }
  if (!result.config) throw new ConfigError(result.problems);
  return result.config;
}

/** Loads the project's catalog for a command that needs a sound one (docs, ids, unused). */
export function loadSoundCatalog(config: ProjectConfig): Catalog {
  const { catalog, problems } = loadCatalog(config.catalog, config.classes);
  if (problems.length > 0) throw new CatalogProblemsError(problems);
  return catalog;
}
