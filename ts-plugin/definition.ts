import type * as TS from 'typescript';
import { resolvePartAt } from '../catalog/index';
import type { PluginContext } from './context';
import { callUnderCursor } from './call-sites';

/** Go to definition from an id literal (or a part of a split id) to the key of its entry in the catalog JSON. */
export function pluginDefinition(
  context: PluginContext,
  fileName: string,
  position: number,
): TS.DefinitionInfoAndBoundSpan | undefined {
  const under = callUnderCursor(context, fileName, position);
  if (!under) return undefined;
  const { found, catalog } = under;
  const resolved = resolvePartAt(found.reference, catalog, position);
  // A domain or subdomain part goes to that entry; a name part or a dotted id to the error.
  const entry = resolved?.entry ?? resolved?.error;
  const location = entry && catalog.locationOf(entry);
  if (!resolved || !entry || !location) return undefined;
  const ts = context.ts;
  const name =
    'fullCode' in entry ? entry.id : 'subdomains' in entry ? entry.name : `${entry.domain.name}.${entry.name}`;
  const [start, end] = resolved.part.range;
  return {
    textSpan: { start, length: end - start },
    definitions: [
      {
        fileName: location.file,
        textSpan: { start: location.offset, length: location.length },
        kind: ts.ScriptElementKind.constElement,
        name,
        containerKind: ts.ScriptElementKind.moduleElement,
        containerName: 'error catalog',
      },
    ],
  };
}
