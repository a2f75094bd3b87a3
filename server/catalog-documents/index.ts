/**
 * Language features of the catalog's own JSON files (the files under a config's `catalog`):
 * pure functions over a document's text, returning LSP objects. The server wires them to requests.
 */
export { catalogDocumentDiagnostics, DIAGNOSTIC_SOURCE } from './diagnostics';
export { catalogKeyAt, type CatalogKeyAt } from './key-at';
export { catalogDocumentHover } from './hover';
export { catalogDocumentCompletion, WHOLE_ID_LIMIT } from './completion';
export { unusedErrorHints } from './unused';
