import type { CatalogProblem } from '../model';
import { displayText } from './display';
import type { MessageData } from './messages';

/**
 * The `catalogProblem` message data for a config or catalog that cannot be used: the first
 * problem as `file:line:column: message` (the file absolute — tools run from anywhere) and how
 * many more there are, so every tool words a broken catalog alike.
 */
export function describeProblems(problems: readonly CatalogProblem[]): MessageData & { problem: string; more: string } {
  const first = problems[0];
  if (!first) return { problem: 'no catalog.', more: '' };
  const count = problems.length - 1;
  const more = count > 0 ? ` (and ${count} more problem${count > 1 ? 's' : ''}).` : '';
  const problem = displayText(`${first.file}:${first.line}:${first.column}: ${first.message}`);
  return { problem: `${problem}${more === '' ? '.' : ''}`, more };
}
