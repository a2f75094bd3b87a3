// The example app's ESLint config: the two-minute setup from the README.
import errorCatalog from 'error-catalog/eslint';

export default [
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  errorCatalog.configs.recommended,
];
