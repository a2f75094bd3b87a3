#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args';
import { CHECK_HELP, runCheck } from './check';
import { DOCS_HELP, runDocs } from './docs';
import { IDS_HELP, runIds } from './ids';
import { err, formatProblem, out } from './output';
import { runUnused, UNUSED_HELP } from './unused';
import { OutputError } from './docs/out-folder';
import { CatalogProblemsError, ConfigError } from './setup';
import { FileReadError } from '../catalog/read-file';

/** Exit codes, as documented in every command's --help and in docs/cli.md. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
/** A bug of ours, not something the user can fix: distinct so that CI can tell them apart. */
export const EXIT_INTERNAL = 3;

interface Command {
  readonly summary: string;
  readonly help: string;
  run(args: readonly string[]): number | Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  check: { summary: 'validate the catalog (and the config)', help: CHECK_HELP, run: runCheck },
  docs: { summary: 'generate, or check, one Markdown page per domain', help: DOCS_HELP, run: runDocs },
  ids: { summary: 'list the ids with code, class, status and message', help: IDS_HELP, run: runIds },
  unused: { summary: 'list the ids that no code references', help: UNUSED_HELP, run: runUnused },
};

const MAIN_HELP = `Usage: error-catalog <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)}${command.summary}`)
  .join('\n')}

Run 'error-catalog <command> --help' for the options of a command.

Every command reads the project config: --config <file>, else the nearest
error-catalog.config.json walking up from the current directory; without a config,
--catalog <path> names the catalog. 'error-catalog --version' prints the version.

Exit codes: 0 ok, 1 problems found, 2 usage, config or file error (one line says
which), 3 internal error (a bug: please report it).
`;

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    err(MAIN_HELP);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
    out(topic?.help ?? MAIN_HELP);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    out(version());
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    err(`error-catalog: unknown command '${name}'\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`error-catalog ${name}: ${error.message}\nRun 'error-catalog ${name} --help' for usage.`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      err(error.problems.map((problem) => formatProblem(problem)).join('\n'));
      return EXIT_USAGE;
    }
    if (error instanceof OutputError || error instanceof FileReadError) {
      err(`error-catalog ${name}: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof CatalogProblemsError) {
      err(error.problems.map((problem) => formatProblem(problem)).join('\n'));
      err(`error-catalog ${name}: the catalog has problems; fix them first (error-catalog check lists them)`);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

// `error-catalog ids | head`: the reader went away, which is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode rather than exit(): lets piped stdout drain before the process ends.
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line by default; the stack is for a bug report, on request.
    const message = error instanceof Error ? error.message : String(error);
    const debug = process.env['ERROR_CATALOG_DEBUG'] !== undefined && error instanceof Error && error.stack;
    err(
      debug
        ? `error-catalog: internal error: ${error.stack}`
        : `error-catalog: internal error: ${firstLine(message)} (a bug: please report it; ERROR_CATALOG_DEBUG=1 shows the stack)`,
    );
    process.exitCode = EXIT_INTERNAL;
  },
);
