import { COMMON_OPTIONS, parseCommandArgs, parseFormat, UsageError } from './args';
import { displayPath, err, out, plural } from './output';
import { loadSoundCatalog, resolveConfig } from './setup';
import { defaultJobs, scanFiles } from './unused/pool';
import { Progress } from './unused/progress';
import { UsageCollector, type SourceLocation, type UsageReport } from '../catalog/usage';
import { findSourceFiles } from '../analysis/source-files';

export const UNUSED_HELP = `Usage: error-catalog unused [paths...] [options]

Lists the catalog ids that no code references. Scans the JS/TS files under the given paths
(default: the current directory), skipping node_modules, .git, dist and whatever .gitignore
files exclude, and recognises references exactly as the ESLint rules do (the "calls" section
of the config). An id referenced only dynamically is "maybe used": a wrap('domain', 'subdomain')
scope, split parts that are not all static, or a dotted id whose start is known
(\`security.token.\${name}\`). Deprecated ids are left out unless --deprecated is given.

Output (text): one line per id, "unused  <id>" or "maybe-used  <id>  <first reference>",
then "dynamic  <file:line:col>" for references of which nothing is known.
A summary and files that could not be parsed go to stderr; on a terminal, so does a progress
indicator.

Options:
  --fail-on-unused    exit 1 when an id is unused (for CI)
  --deprecated        report deprecated ids too
  --format <format>   text (default) or json
  --jobs <n>          threads to parse with, the main thread included; 1 starts no worker
                      (default: half the CPUs, at most 8; 1 under 300 files)
  --config <file>     the project config (default: the nearest error-catalog.config.json,
                      walking up from the current directory)
  --catalog <path>    use this catalog file or directory instead, without a config
                      (repeatable; default calls)
  -h, --help          show this help

Exit codes: 0 done (or nothing unused), 1 unused ids with --fail-on-unused, or catalog
problems, 2 usage, config or file error, 3 internal error.
`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string' },
  'fail-on-unused': { type: 'boolean' },
  deprecated: { type: 'boolean' },
  jobs: { type: 'string' },
} as const;

interface SkippedFile extends SourceLocation {
  readonly message: string;
}

export async function runUnused(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
  if (values.help) {
    out(UNUSED_HELP);
    return 0;
  }
  const format = parseFormat(values.format, ['text', 'json']);
  const config = resolveConfig(values);
  const catalog = loadSoundCatalog(config);

  let files: string[];
  try {
    files = findSourceFiles(positionals.length > 0 ? positionals : ['.'], (message) => err(message));
  } catch (error) {
    throw new UsageError(
      `cannot scan ${(error as { path?: string }).path ?? 'the given paths'}: ${(error as Error).message}`,
    );
  }

  const jobs = values.jobs === undefined ? defaultJobs(files.length) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs must be a positive integer, not '${values.jobs}'`);

  const progress = new Progress(process.stderr, files.length);
  const results = await scanFiles(files, config.calls, jobs, () => progress.tick());
  const collector = new UsageCollector(catalog, values.deprecated === true);
  const skipped: SkippedFile[] = [];
  let parsed = 0;
  results.forEach((result, index) => {
    const file = files[index]!;
    if (result.kind === 'skipped') {
      skipped.push({ file, line: result.line, column: result.column, message: result.message });
      return;
    }
    if (result.parsed) parsed++;
    for (const found of result.uses) collector.add(found.use, { file, line: found.line, column: found.column });
  });
  progress.done();

  const report = collector.report();
  if (format === 'json') {
    out(JSON.stringify({ files: files.length, parsed, skipped, ...report }, null, 2));
  } else {
    printText(report);
    for (const skip of skipped) err(`${where(skip)}  skipped: ${skip.message}`);
    const total = report.used.length + report.maybeUsed.length + report.unused.length;
    err(
      `scanned ${plural(files.length, 'file')} (${parsed} parsed): ${report.used.length} used, ` +
        `${report.maybeUsed.length} maybe used, ${report.unused.length} unused, of ${plural(total, 'id')}`,
    );
  }
  return values['fail-on-unused'] && report.unused.length > 0 ? 1 : 0;
}

function printText(report: UsageReport): void {
  const lines: string[] = [];
  for (const id of report.unused) lines.push(`unused      ${id}`);
  for (const { id, references } of report.maybeUsed) {
    const more = references.length > 1 ? ` (+${references.length - 1} more)` : '';
    lines.push(`maybe-used  ${id}  ${where(references[0]!)}${more}`);
  }
  for (const at of report.unresolved) lines.push(`dynamic     ${where(at)}`);
  if (lines.length > 0) out(lines.join('\n'));
}

function where(at: SourceLocation): string {
  return `${displayPath(at.file)}:${at.line}:${at.column}`;
}
