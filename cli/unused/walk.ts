// Moved to analysis/source-files.ts (shared with the language server); kept for the CLI's imports.
export * from '../../analysis/source-files';
