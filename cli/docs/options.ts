import { readTextFile } from '../../catalog/read-file';
import { resolve } from 'node:path';
import type { CatalogProblem, ProjectConfig } from '../../catalog';
import { JsonLocator } from '../../catalog/locate';

/** The `docs` section of error-catalog.config.json, with the reference page's values as defaults. */
export interface DocsOptions {
  /** Page title and heading; `{code}` is the domain code as `0x07`, `{domain}` its name. */
  readonly title: string;
  /** The front matter's description; same placeholders as `title`. */
  readonly description: string;
  /** Link target of an error class; `{class}` is the lower-cased class name, `{Class}` as written. */
  readonly classLink: string;
  /** The command named in the "auto-generated" comment, to regenerate the pages. */
  readonly updateCommand: string;
  /** Default output directory (absolute; `out` in the config is relative to the config file). */
  readonly out: string | undefined;
}

export const DEFAULT_DOCS_OPTIONS: DocsOptions = {
  title: '{code}: {domain}',
  description: 'error codes definitions',
  classLink: '/core/2/api/essentials/error-handling#{class}',
  updateCommand: 'npm run doc-error-codes',
  out: undefined,
};

/** Placeholders each template may use; anything else in braces is most likely a typo. */
const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  title: ['code', 'domain'],
  description: ['code', 'domain'],
  classLink: ['class', 'Class'],
  updateCommand: [],
  out: [],
};

/** Reads and checks the config's `docs` section; problems point at the config file's line. */
export function readDocsOptions(config: ProjectConfig): { options: DocsOptions; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  let locator: JsonLocator | undefined;
  const report = (key: string, target: 'key' | 'value', message: string): void => {
    if (config.file !== undefined && locator === undefined) {
      try {
        locator = new JsonLocator(config.file, readTextFile(config.file));
      } catch {
        // Read a moment ago by readConfigFile; if it vanished since, report at 1:1.
      }
    }
    const position = locator?.locate(['docs', key], target) ?? { line: 1, column: 1 };
    problems.push({ file: config.file ?? 'config', line: position.line, column: position.column, message });
  };

  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(config.docs)) {
    const allowed = TEMPLATES[key];
    if (!Object.hasOwn(TEMPLATES, key) || allowed === undefined) {
      report(
        key,
        'key',
        `unknown docs option '${key}' (expected ${Object.keys(TEMPLATES)
          .map((k) => `'${k}'`)
          .join(', ')})`,
      );
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      report(key, 'value', `docs option '${key}' must be a non-empty string`);
      continue;
    }
    if (key !== 'out') {
      const unknown = [...value.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !allowed.includes(name));
      if (unknown.length > 0) {
        const expected = allowed.length > 0 ? `; it may use ${allowed.map((n) => `{${n}}`).join(', ')}` : '';
        report(
          key,
          'value',
          `docs option '${key}' uses unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}${expected}`,
        );
        continue;
      }
    }
    values[key] = value;
  }
  const options: DocsOptions = {
    title: values['title'] ?? DEFAULT_DOCS_OPTIONS.title,
    description: values['description'] ?? DEFAULT_DOCS_OPTIONS.description,
    classLink: values['classLink'] ?? DEFAULT_DOCS_OPTIONS.classLink,
    updateCommand: values['updateCommand'] ?? DEFAULT_DOCS_OPTIONS.updateCommand,
    out: values['out'] === undefined ? undefined : resolve(config.baseDir, values['out']),
  };
  return { options, problems };
}

/** Replaces `{name}` placeholders (already validated) by their values. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
}
