/**
 * The ESLint plugin: `import errorCatalog from 'error-catalog/eslint'`. `export =` makes the
 * CommonJS export the plugin object itself, so a default import from eslint.config.mjs gets it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { getProject } from '../catalog/project';
import { FINGERPRINT_KEY, SETTINGS_KEY } from './analysis/lint-pass';
import noDeprecatedId from './no-deprecated-id';
import noDynamicId from './no-dynamic-id';
import noUnknownId from './no-unknown-id';
import placeholderCount from './placeholder-count';

const NAMESPACE = 'error-catalog';

function packageVersion(): string {
  // dist/rules/index.js (built) or rules/index.ts (tests): the package root is two or one levels up.
  for (const root of [join(__dirname, '..', '..'), join(__dirname, '..')]) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === NAMESPACE && pkg.version) return pkg.version;
    } catch {
      // not this one
    }
  }
  return '0.0.0';
}

const rules = {
  'no-unknown-id': noUnknownId,
  'no-deprecated-id': noDeprecatedId,
  'placeholder-count': placeholderCount,
  'no-dynamic-id': noDynamicId,
};

/** `configs.recommended`'s rules, from each rule's `meta.docs.recommended` (the one source; see create-rule.ts). */
function recommendedRules(): Record<string, TSESLint.SharedConfig.RuleLevel> {
  return Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [`${NAMESPACE}/${name}`, rule.meta.docs?.recommended || 'off']),
  );
}

/**
 * The catalog's fingerprint as seen from the current directory. ESLint's `--cache` hashes the
 * config (settings included) but knows nothing of the catalog files the rules read; putting
 * this in the settings makes a catalog edit invalidate cached results.
 */
function catalogFingerprint(): string {
  try {
    return getProject({ file: join(process.cwd(), 'eslint.config.js') }).fingerprint;
  } catch {
    return 'unavailable';
  }
}

interface Plugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: typeof rules;
  readonly configs: { readonly recommended: TSESLint.FlatConfig.Config };
}

const configs = {} as { recommended: TSESLint.FlatConfig.Config };

const plugin: Plugin = {
  meta: { name: NAMESPACE, version: packageVersion() },
  rules,
  configs,
};

// A getter, so the fingerprint is computed when eslint.config loads (each run, each worker).
Object.defineProperty(configs, 'recommended', {
  enumerable: true,
  get(): TSESLint.FlatConfig.Config {
    return {
      name: `${NAMESPACE}/recommended`,
      plugins: { [NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin },
      rules: recommendedRules(),
      settings: { [SETTINGS_KEY]: { [FINGERPRINT_KEY]: catalogFingerprint() } },
    };
  },
});

export = plugin;
