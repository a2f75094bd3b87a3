import { describeEslintCli } from './eslint-cli-suite';

describeEslintCli('eslint9', '^9.39.0', false);
