/**
 * Parsing a file while it is being typed. The package's parser recovers from no syntax error, so
 * an editor surface repairs the text around the error and parses again: it blanks a broken span
 * (spaces, line ends kept) or appends what closes it at the end — never moving an offset, so every
 * finding and position of the repaired text holds in the text as typed. The surfaces differ only
 * in how they find what to repair: the tsserver plugin by TypeScript's statements, the language
 * server by lines (server/code-analysis.ts).
 */
import { parseSource, type ParseOutcome } from './parse';

/** `[start, end)` offsets in a text. */
export type Span = readonly [start: number, end: number];

/** A text is repaired at most this many times (one broken span each) before it is given up. */
export const MAX_REPAIRS = 8;

/**
 * Longer texts (UTF-16 code units) are parsed as typed only. Each repair parses the whole text
 * again: 1 MiB of code costs at most about 100 ms more per version, a hostile 64 MiB file would
 * cost seconds per keystroke.
 */
export const MAX_REPAIRED_LENGTH = 1024 * 1024;

export type ParseFailure = Extract<ParseOutcome, { ok: false }>;

export interface RepairedParse {
  /** The outcome of the last parse: of the text as typed when it parsed, else of the last repair. */
  readonly outcome: ParseOutcome;
  /** The text that was parsed last. */
  readonly text: string;
  /** How many repairs it took (0: the text parsed as typed). */
  readonly repairs: number;
  /** Why the text as typed did not parse (undefined: it did). */
  readonly failure: ParseFailure | undefined;
}

/**
 * Parses `text`; while it fails, asks `repair` for the text repaired around the failure (undefined
 * when it can do nothing more) and parses that, at most MAX_REPAIRS times (none beyond
 * MAX_REPAIRED_LENGTH).
 */
export function parseRepairing(
  text: string,
  fileName: string,
  repair: (text: string, failure: ParseFailure) => string | undefined,
): RepairedParse {
  let current = text;
  let failure: ParseFailure | undefined;
  for (let repairs = 0; ; repairs++) {
    const outcome = parseSource(current, fileName);
    if (!outcome.ok) failure ??= outcome;
    if (outcome.ok || repairs === MAX_REPAIRS || text.length > MAX_REPAIRED_LENGTH)
      return { outcome, text: current, repairs, failure };
    const repaired = repair(current, outcome);
    if (repaired === undefined || repaired === current) return { outcome, text: current, repairs, failure };
    current = repaired;
  }
}

/** `text` with `[start, end)` turned to spaces, line ends kept: every offset and line stays where it was. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
