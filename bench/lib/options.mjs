// Command-line options shared by the bench scripts: `--name value` (numbers) and `--flag`.
const args = process.argv.slice(2);

/** The number after `--name`, or `fallback`. */
export function numberOption(name, fallback) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
}

/** True when `--name` is given. */
export function flag(name) {
  return args.includes(`--${name}`);
}

/** The value after `--name` as text, or `fallback`. */
export function textOption(name, fallback) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
}
