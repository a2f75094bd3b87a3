import { describeEslintCli } from './eslint-cli-suite';

describeEslintCli('eslint10', '^10.15.0', true);
