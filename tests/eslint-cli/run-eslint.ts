import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScratchProject } from '../support/scratch-project';

export const FIXTURE_PROJECT = join(__dirname, 'fixtures', 'project');

/** One ESLint message as the tests compare it: everything the JSON formatter says, paths made relative. */
export interface Finding {
  readonly rule: string | null;
  readonly messageId: string | undefined;
  readonly severity: number;
  readonly at: string;
  readonly message: string;
  readonly fix?: string;
  readonly suggestions?: readonly string[];
}

interface JsonResult {
  filePath: string;
  messages: Array<{
    ruleId: string | null;
    messageId?: string;
    severity: number;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    fix?: { range: [number, number]; text: string };
    suggestions?: Array<{ desc: string }>;
  }>;
}

export type Findings = Record<string, readonly Finding[]>;

export function copyFixture(project: ScratchProject): void {
  cpSync(FIXTURE_PROJECT, project.dir, { recursive: true });
}

/** The installed ESLint's version, from its package.json (no process spawned for `eslint --version`). */
export function eslintVersion(project: ScratchProject): string {
  const pkg = JSON.parse(readFileSync(join(project.dir, 'node_modules', 'eslint', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Runs the real `eslint` CLI (its bin script, with this Node — what `npx eslint` runs, without npm's
 * own start-up per call) with the JSON formatter; findings per file (relative, `/`-separated), files
 * without findings left out.
 */
export function runEslint(
  project: ScratchProject,
  args: readonly string[],
): { status: number; findings: Findings; stderr: string } {
  const bin = join(project.dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const result = project.run(process.execPath, [bin, '--format', 'json', ...args]);
  let parsed: JsonResult[];
  try {
    parsed = JSON.parse(result.stdout) as JsonResult[];
  } catch {
    throw new Error(`eslint did not print JSON (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const findings: Findings = {};
  for (const file of parsed.sort((a, b) => (a.filePath < b.filePath ? -1 : 1))) {
    if (file.messages.length === 0) continue;
    const relative = file.filePath
      .slice(project.dir.length + 1)
      .split('\\')
      .join('/');
    findings[relative] = file.messages.map((m) => ({
      rule: m.ruleId,
      messageId: m.messageId,
      severity: m.severity,
      at: `${m.line}:${m.column}-${m.endLine ?? '?'}:${m.endColumn ?? '?'}`,
      message: m.message.split(project.dir).join('<project>'),
      ...(m.fix ? { fix: m.fix.text } : {}),
      ...(m.suggestions ? { suggestions: m.suggestions.map((s) => s.desc) } : {}),
    }));
  }
  return { status: result.status, findings, stderr: result.stderr };
}
