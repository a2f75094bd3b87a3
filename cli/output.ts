import { isAbsolute, relative } from 'node:path';
import type { CatalogProblem } from '../catalog';

/** A path as shown to people: relative to the current directory when it is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** `file:line:col  message`: the shape editors and CI annotators recognise. */
export function formatProblem(problem: CatalogProblem, cwd = process.cwd()): string {
  return `${displayPath(problem.file, cwd)}:${problem.line}:${problem.column}  ${problem.message}`;
}

/** File order as given (catalog order), then line and column. */
export function sortProblems(problems: readonly CatalogProblem[]): CatalogProblem[] {
  const fileOrder = new Map<string, number>();
  for (const problem of problems) if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  return [...problems].sort(
    (a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column,
  );
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

/** A value as one CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
