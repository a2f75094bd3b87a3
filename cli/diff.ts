/** Unified diffs (`diff -u` style) of generated pages against the committed ones, for `docs --check`. */

interface Op {
  readonly type: ' ' | '-' | '+';
  readonly line: string;
}

const CONTEXT = 3;
/** Above this many cells the LCS table is not worth it: the changed middle is shown as replaced. */
const MAX_TABLE = 16_000_000;

/** Lines with their `\n`, so that a missing final newline is a difference too. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ type: ' ', line }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_TABLE) {
    for (const line of midA) ops.push({ type: '-', line });
    for (const line of midB) ops.push({ type: '+', line });
  } else {
    for (const op of lcsOps(midA, midB)) ops.push(op);
  }
  for (const line of a.slice(endA)) ops.push({ type: ' ', line });
  return ops;
}

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i:] and b[j:]
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ type: ' ', line: a[i++]! });
      j++;
    } else if (j < b.length && (i >= a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      ops.push({ type: '+', line: b[j++]! });
    } else {
      ops.push({ type: '-', line: a[i++]! });
    }
  }
  // Show removals before additions within a run of changes, as diff -u does.
  return normalizeRuns(ops);
}

function normalizeRuns(ops: Op[]): Op[] {
  const result: Op[] = [];
  let removed: Op[] = [];
  let added: Op[] = [];
  const flush = (): void => {
    // No spread: a 200,000-line page is one run of changes, too many arguments for push(...).
    for (const op of removed) result.push(op);
    for (const op of added) result.push(op);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.type === '-') removed.push(op);
    else if (op.type === '+') added.push(op);
    else {
      flush();
      result.push(op);
    }
  }
  flush();
  return result;
}

/** The unified diff turning `before` into `after`, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, fromLabel: string, toLabel: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changes = ops.map((op, index) => (op.type === ' ' ? -1 : index)).filter((index) => index >= 0);
  let text = `--- ${fromLabel}\n+++ ${toLabel}\n`;
  // Line numbers before ops[counted], advanced as hunks go (hunks come in order): linear, not per hunk.
  let counted = 0;
  let oldLine = 1;
  let newLine = 1;
  let k = 0;
  while (k < changes.length) {
    const first = changes[k]!;
    let last = first;
    while (k + 1 < changes.length && changes[k + 1]! - last <= 2 * CONTEXT + 1) last = changes[++k]!;
    k++;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    for (; counted < from; counted++) {
      if (ops[counted]!.type !== '+') oldLine++;
      if (ops[counted]!.type !== '-') newLine++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.type !== '+').length;
    const newCount = hunk.filter((op) => op.type !== '-').length;
    text += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
    for (const op of hunk) {
      text += op.type + op.line;
      if (!op.line.endsWith('\n')) text += '\n\\ No newline at end of file\n';
    }
  }
  return text;
}

function range(start: number, count: number): string {
  // diff -u names the line before an empty range (0 for the start of the file).
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
