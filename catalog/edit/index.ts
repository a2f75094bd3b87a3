/** Planned edits of catalog files (add an error, rename a key), for the editor surfaces. */
export { FALLBACK_CLASS, idToAdd, planAddError } from './add-error';
export { planCatalogRename } from './rename-catalog';
export {
  applyTextEdits,
  readFromDisk,
  type CatalogKey,
  type EditPlan,
  type FileEdits,
  type ReadText,
  type TextEdit,
} from './plan';
