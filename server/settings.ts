/** How a kind of finding is shown, as the tsserver plugin's `severity` option. */
export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type SeverityKind = 'unknown' | 'deprecated' | 'placeholders';

/** The server's settings: `initializationOptions` and the `errorCatalog` section of `workspace/configuration`. */
export interface Settings {
  /**
   * Serve JS/TS documents. The VS Code extension turns it off while VS Code's own (JavaScript)
   * TypeScript runs the tsserver plugin, so the same finding is never shown twice.
   */
  readonly codeDocuments: boolean;
  /** The diagnostic severity of each kind of finding in code documents. */
  readonly severity: Readonly<Record<SeverityKind, Severity>>;
}

export const DEFAULT_SETTINGS: Settings = {
  codeDocuments: true,
  severity: { unknown: 'error', deprecated: 'warning', placeholders: 'error' },
};

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'information', 'hint', 'off']);
const KINDS: readonly SeverityKind[] = ['unknown', 'deprecated', 'placeholders'];

/**
 * Reads settings from what a client sent: `{ errorCatalog: { … } }` or the section itself.
 * Unknown keys and wrongly typed values are ignored (a client's typo must not stop the server).
 */
export function readSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof value !== 'object' || value === null) return base;
  const section = Object.hasOwn(value, 'errorCatalog') ? (value as { errorCatalog: unknown }).errorCatalog : value;
  if (typeof section !== 'object' || section === null) return base;
  const codeDocuments = own(section, 'codeDocuments');
  const given = own(section, 'severity');
  const severity = { ...base.severity };
  if (typeof given === 'object' && given !== null)
    for (const kind of KINDS) {
      const wanted = own(given, kind);
      if (typeof wanted === 'string' && SEVERITIES.has(wanted)) severity[kind] = wanted as Severity;
    }
  return { codeDocuments: typeof codeDocuments === 'boolean' ? codeDocuments : base.codeDocuments, severity };
}

function own(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
