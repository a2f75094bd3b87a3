import { OXLINT_VERSION } from '../oxlint/run-oxlint';
import { describeMatrixRow } from './matrix';

/** TypeScript 7 (the native compiler: no JavaScript API, no tsserver) with ESLint for JS and oxlint for TS. */
describeMatrixRow({
  name: 'matrix-typescript-7',
  dependencies: { typescript: '~7.0.2', eslint: '^10.15.0', oxlint: OXLINT_VERSION },
  typescriptMajor: 7,
  oxlint: true,
});
