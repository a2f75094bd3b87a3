import type * as TS from 'typescript';
import { referencedId, resolvePartAt, type ErrorIdReference } from '../catalog/index';
import type { PluginContext } from './context';
import { findReferences, referenceAt } from './references';

/**
 * Find all references from an id literal (or a name part of a split id): every call site of the
 * program's own files that names the same error, whatever form it is written in. Files are walked
 * once per version (the per-SourceFile cache of references.ts), so repeated look-ups are cheap.
 */
export function pluginFindReferences(
  context: PluginContext,
  fileName: string,
  position: number,
): TS.ReferencedSymbol[] | undefined {
  const ts = context.ts;
  const program = context.languageService.getProgram();
  const state = context.fileState(fileName);
  if (!program || !state) return undefined;
  const project = context.projectFor(fileName);
  const catalog = context.browsingCatalog(project);
  const at = referenceAt(ts, state.sourceFile, state.checker, project.matcher, position);
  if (!at || !catalog) return undefined;
  const resolved = resolvePartAt(at.found.reference, catalog, position);
  // A domain or subdomain part names many errors: left to TypeScript's own answer.
  if (!resolved || (resolved.role !== 'id' && resolved.role !== 'name')) return undefined;
  const id = referencedId(at.found.reference);
  if (id === undefined) return undefined;

  const references: TS.ReferencedSymbolEntry[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) continue;
    for (const found of findReferences(ts, sourceFile, state.checker, project.matcher)) {
      if (referencedId(found.reference) !== id) continue;
      const [start, end] = spanOf(found.reference);
      references.push({
        fileName: sourceFile.fileName,
        textSpan: { start, length: end - start },
        isWriteAccess: false,
      });
    }
  }
  const location = resolved.error && catalog.locationOf(resolved.error);
  const [start, end] = resolved.part.range;
  const definition: TS.ReferencedSymbolDefinitionInfo = {
    fileName: location?.file ?? fileName,
    textSpan: location ? { start: location.offset, length: location.length } : { start, length: end - start },
    kind: ts.ScriptElementKind.constElement,
    name: id,
    containerKind: ts.ScriptElementKind.moduleElement,
    containerName: 'error catalog',
    displayParts: [{ text: `(error) ${id}`, kind: 'text' }],
  };
  return [{ definition, references }];
}

/** What to highlight: the id literal, or the name part of a split id. */
function spanOf(reference: ErrorIdReference): readonly [number, number] {
  const part = reference.form === 'dotted' ? reference.id : reference.form === 'scope' ? undefined : reference.name;
  return part && part.kind !== 'missing' ? part.range : reference.range;
}
