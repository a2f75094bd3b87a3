/** The server's settings: `initializationOptions` and the `errorCatalog` section of `workspace/configuration`. */
export interface Settings {
  /**
   * Serve JS/TS documents. The VS Code extension turns it off while VS Code's own (JavaScript)
   * TypeScript runs the tsserver plugin, so the same finding is never shown twice.
   */
  readonly codeDocuments: boolean;
}

export const DEFAULT_SETTINGS: Settings = { codeDocuments: true };

/**
 * Reads settings from what a client sent: `{ errorCatalog: { … } }` or the section itself.
 * Unknown keys and wrongly typed values are ignored (a client's typo must not stop the server).
 */
export function readSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof value !== 'object' || value === null) return base;
  const section = Object.hasOwn(value, 'errorCatalog') ? (value as { errorCatalog: unknown }).errorCatalog : value;
  if (typeof section !== 'object' || section === null) return base;
  const codeDocuments = Object.hasOwn(section, 'codeDocuments')
    ? (section as { codeDocuments: unknown }).codeDocuments
    : undefined;
  return { codeDocuments: typeof codeDocuments === 'boolean' ? codeDocuments : base.codeDocuments };
}
