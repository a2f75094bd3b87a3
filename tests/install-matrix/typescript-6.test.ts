import { OXLINT_VERSION } from '../oxlint/run-oxlint';
import { describeMatrixRow } from './matrix';

/** TypeScript 6 (the last JavaScript TypeScript) with ESLint 9 for JS and oxlint for TS. */
describeMatrixRow({
  name: 'matrix-typescript-6',
  dependencies: { typescript: '^6.0.3', eslint: '^9.39.0', oxlint: OXLINT_VERSION },
  typescriptMajor: 6,
  oxlint: true,
});
