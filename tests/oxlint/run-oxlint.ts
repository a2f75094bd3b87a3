import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Findings } from '../eslint-cli/run-eslint';
import { REPO_ROOT, type ScratchProject } from '../support/scratch-project';

/** The oxlint version the tests install: JS plugins are outside oxlint's semver, so it is pinned. */
export const OXLINT_VERSION = '1.94.0';

/** What oxlint can say of a finding: ESLint's Finding without messageId, fix and suggestions (its JSON has none). */
export type OxlintFinding = Pick<Finding, 'rule' | 'severity' | 'at' | 'message'>;

interface OxlintJson {
  diagnostics: Array<{
    message: string;
    code: string;
    severity: 'error' | 'warning' | 'advice';
    filename: string;
    labels: Array<{ span: { offset: number; length: number } }>;
  }>;
}

/**
 * Makes the scratch project a repository of its own. It lives under tests/.scratch, which this
 * repository's .gitignore ignores, and oxlint honours the ignore files up to the enclosing
 * repository's root (even with --no-ignore): without this it finds no files in a directory.
 */
export function isolateFromRepository(project: ScratchProject): void {
  const init = project.run('git', ['init', '--quiet']);
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);
}

/** The `.oxlintrc.json` given in the README's oxlint section, as users copy it. */
export function readmeOxlintConfig(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = /<!-- section:oxlint -->([\s\S]*?)<!-- \/section:oxlint -->/.exec(readme)?.[1] ?? '';
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no .oxlintrc.json block in its oxlint section');
  return block;
}

/**
 * Runs the real `oxlint` CLI (only our rules: `-A all` silences oxlint's own) with the JSON format;
 * findings per file (relative, `/`-separated), in ESLint's shape, sorted as ESLint sorts them.
 */
export function runOxlint(
  project: ScratchProject,
  args: readonly string[],
): { status: number; findings: Record<string, OxlintFinding[]>; stderr: string } {
  const result = project.run('npx', ['--no-install', 'oxlint', '-A', 'all', '--format', 'json', ...args]);
  let parsed: OxlintJson;
  try {
    parsed = JSON.parse(result.stdout) as OxlintJson;
  } catch {
    throw new Error(`oxlint did not print JSON (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const findings: Record<string, OxlintFinding[]> = {};
  const sorted: Array<{ file: string; offset: number; finding: OxlintFinding }> = [];
  for (const diagnostic of parsed.diagnostics) {
    const rule = /^([\w-]+)\((.+)\)$/.exec(diagnostic.code);
    const span = diagnostic.labels[0]?.span;
    if (!rule || !span) throw new Error(`unexpected oxlint diagnostic: ${JSON.stringify(diagnostic)}`);
    const file = diagnostic.filename.split('\\').join('/');
    const text = readFileSync(join(project.dir, file), 'utf8');
    const start = lineColumn(text, span.offset);
    const end = lineColumn(text, span.offset + span.length);
    sorted.push({
      file,
      offset: span.offset,
      finding: {
        rule: `${rule[1]}/${rule[2]}`,
        severity: diagnostic.severity === 'error' ? 2 : 1,
        at: `${start}-${end}`,
        message: diagnostic.message.split(project.dir).join('<project>'),
      },
    });
  }
  sorted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  for (const { file, finding } of sorted) (findings[file] ??= []).push(finding);
  return { status: result.status, findings, stderr: result.stderr };
}

/** ESLint's `line:column` (1-based column) of a UTF-16 offset: the fixtures are ASCII, where oxlint's byte offsets agree. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** ESLint findings cut down to what oxlint reports, for comparing the two. */
export function comparable(findings: Findings): Record<string, OxlintFinding[]> {
  const out: Record<string, OxlintFinding[]> = {};
  for (const [file, list] of Object.entries(findings)) {
    out[file] = list.map(({ rule, severity, at, message }) => ({ rule, severity, at, message }));
  }
  return out;
}
