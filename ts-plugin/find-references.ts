import type * as TS from 'typescript';
import { referencedIds, resolvePartAt, type ErrorIdReference, type Range } from '../catalog/index';
import { callSitesOf, callUnderCursor } from './call-sites';
import type { PluginContext } from './context';

/**
 * Find all references from an id literal (or a name part of a split id): every call site of the
 * program's own files that names the same error, whatever form it is written in. Files are
 * analysed once per version (the per-SourceFile cache of call-sites.ts), so repeated look-ups are cheap.
 */
export function pluginFindReferences(
  context: PluginContext,
  fileName: string,
  position: number,
): TS.ReferencedSymbol[] | undefined {
  const ts = context.ts;
  const program = context.languageService.getProgram();
  const under = callUnderCursor(context, fileName, position);
  if (!program || !under) return undefined;
  const { found: at, catalog } = under;
  const project = context.projectFor(fileName);
  const resolved = resolvePartAt(at.reference, catalog, position);
  // A domain or subdomain part names many errors: left to TypeScript's own answer.
  if (!resolved || (resolved.role !== 'id' && resolved.role !== 'name')) return undefined;
  // An id not in the catalog has references too (the same typo elsewhere); in a conditional, the branch's.
  const ids = referencedIds(at.reference);
  const id =
    resolved.error?.id ?? (resolved.role === 'id' ? resolved.part.value : ids.length === 1 ? ids[0] : undefined);
  if (id === undefined) return undefined;

  const references: TS.ReferencedSymbolEntry[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) continue;
    for (const found of callSitesOf(ts, sourceFile, project.matcher)) {
      if (!referencedIds(found.reference).includes(id)) continue;
      const [start, end] = spanOf(found.reference, id);
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

/** What to highlight: the id literal (the branch naming `id`, in a conditional), or the name part of a split id. */
function spanOf(reference: ErrorIdReference, id: string): Range {
  const part = reference.form === 'dotted' ? reference.id : reference.form === 'scope' ? undefined : reference.name;
  if (!part || part.kind === 'missing') return reference.range;
  if (part.kind !== 'choice') return part.range;
  const name = reference.form === 'dotted' ? id : id.slice(id.lastIndexOf('.') + 1);
  return part.options.find((option) => option.value === name)?.range ?? part.range;
}
