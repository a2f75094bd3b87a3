/**
 * How a rule page (docs/rules/<rule>.md) is written, so that a test can check it against the rule:
 *
 * - `# error-catalog/<rule>`, then `> <meta.docs.description>.`, then one status line:
 *   `✅ In \`configs.recommended\` (error|warn)` or `Not in \`configs.recommended\``, followed by
 *   ` · 🔧 Fixable` when the rule fixes and ` · 💡 Has suggestions` when it suggests.
 * - `## Options`: `None.` for a rule without options, else a `### \`<option>\`` section per option.
 * - Code samples: a fence whose info string is `ts incorrect` or `ts correct` (also `js`, `tsx`, `jsx`),
 *   optionally followed by ` options=<JSON array of the rule's options>`, is linted with the real rule.
 *   Every sample under a `### ❌ Incorrect` / `### ✅ Correct` heading carries the matching marker.
 * - A report is shown by the comment line(s) right under the reported line: carets under the reported
 *   columns then the message, then `🔧 <fix text>` if the report has a fix and one `💡 <suggestion>`
 *   line per suggestion, aligned with the carets:
 *
 *       throw getError('security.token.expird');
 *       //             ^^^^^^^^^^^^^^^^^^^^^^^ Unknown error 'expird' in … Did you mean 'security.token.expired'?
 *       //             💡 Replace with 'security.token.expired'.
 *
 *   The test strips these lines, lints the rest and renders the reports the same way: the sample
 *   must come out unchanged.
 */

export interface Sample {
  readonly kind: 'correct' | 'incorrect';
  readonly language: 'ts' | 'tsx' | 'js' | 'jsx';
  readonly options: readonly unknown[];
  /** The sample as written, annotations included. */
  readonly text: string;
  /** 1-based line of the fence in the page, for failure messages. */
  readonly line: number;
  /** The `###` heading the sample sits under. */
  readonly heading: string;
}

export interface Section {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** A reported problem as the page shows it (1-based line and column, end exclusive, as ESLint gives them). */
export interface ShownReport {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly fix?: string;
  readonly suggestions: readonly string[];
}

const FENCE = /^```(\S*)\s*(.*)$/;
const MARKED = /^(ts|tsx|js|jsx)\s+(correct|incorrect)(?:\s+options=(.*))?$/;

/** The page's `##` sections, by heading text (`## Options` → `Options`). */
export function sections(markdown: string): Map<string, Section> {
  const result = new Map<string, Section>();
  let current: { heading: string; lines: string[] } | undefined;
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence && line.startsWith('## ')) {
      current = { heading: line.slice(3).trim(), lines: [] };
      result.set(current.heading, current);
    } else current?.lines.push(line);
  }
  return result;
}

/** Every fenced code block of the page with its info string, the heading above it and its position. */
export function fences(markdown: string): Array<{ info: string; text: string; line: number; heading: string }> {
  const blocks: Array<{ info: string; text: string; line: number; heading: string }> = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{2,3} /.test(line)) heading = line.replace(/^#+ /, '').trim();
    const open = FENCE.exec(line);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    blocks.push({ info: `${open[1]} ${open[2]}`.trim(), text: body.join('\n'), line: start + 1, heading });
  }
  return blocks;
}

/** The linted samples of a page (fences marked `correct` / `incorrect`). */
export function samples(markdown: string): Sample[] {
  const result: Sample[] = [];
  for (const block of fences(markdown)) {
    const marked = MARKED.exec(block.info);
    if (!marked) continue;
    let options: unknown = [];
    if (marked[3] !== undefined) {
      try {
        options = JSON.parse(marked[3]);
      } catch {
        throw new Error(`line ${block.line}: options= must be a JSON array: ${marked[3]}`);
      }
      if (!Array.isArray(options)) throw new Error(`line ${block.line}: options= must be a JSON array`);
    }
    result.push({
      kind: marked[2] as Sample['kind'],
      language: marked[1] as Sample['language'],
      options: options as unknown[],
      text: block.text,
      line: block.line,
      heading: block.heading,
    });
  }
  return result;
}

/** An annotation line: `//`, spaces, then carets, a fix or a suggestion. */
const ANNOTATION = /^\/\/ *(?:\^+ |🔧 |💡 )/;

/** The sample's code without its annotation lines. */
export function stripAnnotations(text: string): string {
  return text
    .split('\n')
    .filter((line) => !ANNOTATION.test(line))
    .join('\n');
}

/** `code` with `reports` drawn under their lines (the page's convention above). */
export function annotate(code: string, reports: readonly ShownReport[]): string {
  const out: string[] = [];
  const sorted = [...reports].sort((a, b) => a.line - b.line || a.column - b.column);
  code.split('\n').forEach((text, index) => {
    out.push(text);
    for (const report of sorted.filter((r) => r.line === index + 1)) {
      if (report.endLine !== report.line)
        throw new Error(`line ${report.line}: a report over several lines cannot be drawn: ${report.message}`);
      const indent = report.column - 1 - 2;
      if (indent < 0) throw new Error(`line ${report.line}: a report in the first two columns cannot be drawn`);
      const prefix = `//${' '.repeat(indent)}`;
      out.push(`${prefix}${'^'.repeat(Math.max(1, report.endColumn - report.column))} ${report.message}`);
      if (report.fix !== undefined) out.push(`${prefix}🔧 ${report.fix}`);
      for (const suggestion of report.suggestions) out.push(`${prefix}💡 ${suggestion}`);
    }
  });
  return out.join('\n');
}
