// Moved to analysis/id-uses.ts (shared with the language server); kept for the CLI's imports.
export * from '../../analysis/id-uses';
