/**
 * `getStaticValue` and `findVariable` from @eslint-community/eslint-utils (the implementation
 * ESLint itself uses), typed for TS-ESTree as @typescript-eslint/utils types them. The package
 * does not depend on @typescript-eslint/utils at run time: its non-optional `typescript` peer
 * (<6.1) made npm install TypeScript 6 into JavaScript-only projects and warn next to TypeScript 7.
 */
import * as communityUtils from '@eslint-community/eslint-utils';
import type { ASTUtils } from '@typescript-eslint/utils';

export const getStaticValue = communityUtils.getStaticValue as unknown as typeof ASTUtils.getStaticValue;
export const findVariable = communityUtils.findVariable as unknown as typeof ASTUtils.findVariable;
