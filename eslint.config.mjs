// ESLint for the repository's own code: `npm run lint` (with `prettier --check .`; it builds first,
// since the dog-food below loads this package's plugin from dist/ by its own name).
// ESLint 10 looks a config up from each file's directory: examples/app has its own config (this
// package's `configs.recommended` on an app with planted mistakes, shown by `npm run demo` and
// checked by tests/meta/dogfood.test.ts), so it is left out here, as are the test fixtures, which
// carry planted mistakes on purpose.
import errorCatalog from 'error-catalog/eslint';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'bench/.generated/', 'tests/.scratch/', '**/fixtures/**', 'examples/app/']),
  {
    name: 'error-catalog/typescript',
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { omitted, ...rest } = object` is how the code drops keys from an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    name: 'error-catalog/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.recommended],
  },
  {
    // Dog-food: the package's sources against the shipped catalog. Their error-id calls are lookups
    // by a variable id (the catalog's own API), which the recommended rules leave alone.
    name: 'error-catalog/dog-food',
    files: ['catalog/**/*.ts', 'analysis/**/*.ts', 'rules/**/*.ts', 'ts-plugin/**/*.ts', 'cli/**/*.ts'],
    extends: [errorCatalog.configs.recommended],
    settings: { 'error-catalog': { catalog: 'catalog/data' } },
  },
);
