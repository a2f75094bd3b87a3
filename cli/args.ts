import { parseArgs } from 'node:util';

/** A mistake in the command line or in the config: exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What `parseArgs` gives back for a set of specs: strings, string lists or booleans. */
export type ParsedValues<S extends OptionSpecs> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : S[K]['multiple'] extends true ? string[] : string;
};

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string' },
  catalog: { type: 'string', multiple: true },
} as const satisfies OptionSpecs;

/**
 * `util.parseArgs` in strict mode; its errors (unknown option, missing value…) become usage
 * errors with its own wording, which already names the option.
 */
export function parseCommandArgs<S extends OptionSpecs>(
  args: readonly string[],
  options: S,
  allowPositionals: boolean,
): { values: ParsedValues<S>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      allowPositionals,
      strict: true,
    });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Checks `--format` against the formats a command supports; the first is the default. */
export function parseFormat<F extends string>(value: string | undefined, formats: readonly [F, ...F[]]): F {
  if (value === undefined) return formats[0];
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`unknown --format '${value}' (expected ${formats.map((f) => `'${f}'`).join(', ')})`);
}
