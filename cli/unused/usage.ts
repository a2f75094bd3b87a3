// Moved to catalog/usage.ts (shared with the language server); kept for the CLI's imports.
export * from '../../catalog/usage';
