import type { Catalog, CatalogError } from '../catalog';
import { COMMON_OPTIONS, parseCommandArgs, parseFormat } from './args';
import { csvField, out } from './output';
import { loadSoundCatalog, resolveConfig } from './setup';

export const IDS_HELP = `Usage: error-catalog ids [prefix...] [--deprecated] [--format text|json|csv] [options]

Lists the catalog's error ids, one per line, in catalog order, with their code, class, HTTP
status and message. Deprecated ids (deprecated themselves, or in a deprecated subdomain or
domain) are left out unless --deprecated is given.

Arguments:
  prefix              only ids equal to, or under, one of these (security, security.token)

Options:
  --deprecated        include deprecated ids, with the version and the replacement
                      (a deprecation without a version: "deprecated" in text, true in
                      the json and csv "deprecated" field)
  --format <format>   text (default; aligned columns), json or csv (with a header row)
  --config <file>     the project config (default: the nearest error-catalog.config.json,
                      walking up from the current directory)
  --catalog <path>    list this catalog file or directory instead, without a config
                      (repeatable; standard classes only)
  -h, --help          show this help

Exit codes: 0 listed, 1 catalog problems (run error-catalog check), 2 usage or config error.
`;

const OPTIONS = { ...COMMON_OPTIONS, format: { type: 'string' }, deprecated: { type: 'boolean' } } as const;

interface Row {
  readonly id: string;
  readonly code: string;
  readonly class: string;
  readonly status: number | null;
  readonly message: string;
  /** The version since which the id is deprecated, `true` when the catalog gives none, `null` when it is not. */
  readonly deprecated: string | true | null;
  readonly replacedBy: string | null;
}

export function runIds(args: readonly string[]): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
  if (values.help) {
    out(IDS_HELP);
    return 0;
  }
  const format = parseFormat(values.format, ['text', 'json', 'csv']);
  const catalog = loadSoundCatalog(resolveConfig(values));
  const rows: Row[] = [];
  for (const error of catalog.errors()) {
    if (
      positionals.length > 0 &&
      !positionals.some((prefix) => error.id === prefix || error.id.startsWith(`${prefix}.`))
    )
      continue;
    const row = toRow(catalog, error);
    if (row.deprecated !== null && !values.deprecated) continue;
    rows.push(row);
  }
  if (format === 'json') out(JSON.stringify(rows, null, 2));
  else if (format === 'csv') out(toCsv(rows));
  else if (rows.length > 0) out(toText(rows));
  return 0;
}

function toRow(catalog: Catalog, error: CatalogError): Row {
  const deprecation = catalog.deprecationOf(error);
  return {
    id: error.id,
    code: catalog.hexCode(error),
    class: error.class,
    status: catalog.statusOf(error) ?? null,
    message: error.message,
    deprecated: deprecation === undefined ? null : (deprecation.since ?? true),
    replacedBy: deprecation?.replacedBy ?? null,
  };
}

function toCsv(rows: readonly Row[]): string {
  const header = 'id,code,class,status,message,deprecated,replacedBy';
  const lines = rows.map((row) =>
    [
      row.id,
      row.code,
      row.class,
      row.status ?? undefined,
      row.message,
      row.deprecated === null ? undefined : String(row.deprecated),
      row.replacedBy ?? undefined,
    ]
      .map(csvField)
      .join(','),
  );
  return [header, ...lines].join('\n');
}

/** Aligned columns, one id per line, so that `grep` finds a whole entry. */
function toText(rows: readonly Row[]): string {
  const cells = rows.map((row) => [row.id, row.code, row.class, String(row.status ?? '?')]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...cells.map((cell) => cell[column]!.length)));
  return rows
    .map((row, index) => {
      const columns = cells[index]!.map((cell, column) =>
        column === 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      );
      let line = `${columns.join('  ')}  ${row.message.replace(/\r?\n/g, '\\n')}`;
      if (row.deprecated !== null) {
        const since = row.deprecated === true ? '' : ` since ${row.deprecated}`;
        line += `  (deprecated${since}${row.replacedBy ? `, use ${row.replacedBy}` : ''})`;
      }
      return line;
    })
    .join('\n');
}
