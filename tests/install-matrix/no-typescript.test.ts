import { describeMatrixRow } from './matrix';

/** A JavaScript-only project: no `typescript` anywhere (the optional peer is not installed). */
describeMatrixRow({
  name: 'matrix-no-typescript',
  dependencies: { eslint: '^10.15.0' },
  typescriptMajor: null,
  oxlint: false,
});
