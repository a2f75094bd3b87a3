import { readFileSync, statSync } from 'node:fs';
import { checkCatalog, findDuplicateKeys, type Catalog, type CatalogProblem } from '../catalog';
import { COMMON_OPTIONS, parseCommandArgs, parseFormat } from './args';
import { readDocsOptions } from './docs/options';
import { ConfigError, resolveConfig } from './setup';
import { err, formatProblem, out, plural, sortProblems } from './output';

export const CHECK_HELP = `Usage: error-catalog check [options]

Validates the project's error catalog: JSON syntax, duplicate keys, names, codes, classes,
messages, deprecations and replacements. Also reports what the plugins tolerate but ignore or
misread (the catalog stays usable): unknown or misspelled fields, a 'deprecated' string that is
not a version, a 'replacedBy' on an error that is not deprecated. Prints one line per problem:

  file:line:col  message

Options:
  --config <file>     the project config (default: the nearest error-catalog.config.json,
                      walking up from the current directory)
  --catalog <path>    check this catalog file or directory instead, without a config
                      (repeatable; standard classes only)
  --format <format>   text (default) or json
  -h, --help          show this help

Exit codes: 0 no problems, 1 problems found, 2 usage or config error.
`;

const OPTIONS = { ...COMMON_OPTIONS, format: { type: 'string' } } as const;

export function runCheck(args: readonly string[]): number {
  const { values } = parseCommandArgs(args, OPTIONS, false);
  if (values.help) {
    out(CHECK_HELP);
    return 0;
  }
  const format = parseFormat(values.format, ['text', 'json']);
  const config = resolveConfig(values);
  const docs = readDocsOptions(config);
  if (docs.problems.length > 0) throw new ConfigError(docs.problems);

  // Duplicate keys and the lint's warnings do not stop the plugins from using the catalog, but
  // they lose meaning silently, so they count as problems here.
  const { catalog, problems: loadProblems, warnings, files } = checkCatalog(config.catalog, config.classes);
  const problems = sortProblems([...loadProblems, ...warnings, ...duplicateKeys(files)]);

  if (format === 'json') {
    out(JSON.stringify({ problems, ...counts(catalog) }, null, 2));
  } else if (problems.length > 0) {
    out(problems.map((problem) => formatProblem(problem)).join('\n'));
    err(`${plural(problems.length, 'problem')} in the catalog`);
  } else {
    const c = counts(catalog);
    out(`no problems: ${plural(c.errors, 'error')} (${c.deprecated} deprecated) in ${plural(c.domains, 'domain')}`);
  }
  return problems.length > 0 ? 1 : 0;
}

/** Duplicate keys in every catalog file read (the loader's `files` also lists directories). */
function duplicateKeys(files: readonly string[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const file of files) {
    let text: string;
    try {
      if (!statSync(file).isFile()) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // the loader has already reported an unreadable file
    }
    problems.push(...findDuplicateKeys(file, text));
  }
  return problems;
}

function counts(catalog: Catalog): { errors: number; deprecated: number; domains: number } {
  let deprecated = 0;
  for (const error of catalog.errors()) if (catalog.isDeprecated(error)) deprecated++;
  return { errors: catalog.size, deprecated, domains: catalog.domains.size };
}
