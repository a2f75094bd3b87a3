/**
 * Placeholders follow Node's util.format: `%s %d %i %f %j %o %O` take an argument, `%%` is a
 * literal percent sign, and any other `%x` is printed as is.
 */
const PLACEHOLDER = /%([sdifjoO%])/g;

/** Counted by hand, not with a regex: this runs for every message of the catalog on every load. */
export function countPlaceholders(message: string): number {
  let count = 0;
  for (let i = message.indexOf('%'); i >= 0 && i < message.length - 1; i = message.indexOf('%', i + 1)) {
    const next = message.charCodeAt(i + 1);
    if (next === 37 /* % */) i++;
    else if (TAKES_ARGUMENT.has(next)) count++;
  }
  return count;
}

const TAKES_ARGUMENT = new Set([...'sdifjoO'].map((c) => c.charCodeAt(0)));

/** Fills the placeholders of `message` with `args`; missing arguments leave the placeholder as written. */
export function formatMessage(message: string, args: readonly unknown[]): string {
  let next = 0;
  return message.replace(PLACEHOLDER, (whole, kind: string) => {
    if (kind === '%') return '%';
    if (next >= args.length) return whole;
    const value = args[next++];
    switch (kind) {
      case 'd':
      case 'i':
        return typeof value === 'bigint'
          ? `${value}`
          : String(kind === 'i' ? Math.trunc(Number(value)) : Number(value));
      case 'f':
        return String(Number.parseFloat(String(value)));
      case 'j':
      case 'o':
      case 'O':
        return safeJson(value);
      default:
        return String(value);
    }
  });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[Circular]';
  }
}
