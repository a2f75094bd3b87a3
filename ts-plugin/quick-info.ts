import type * as TS from 'typescript';
import { resolvePartAt } from '../catalog/index';
import { describeEntry } from '../catalog/callsite/describe';
import type { PluginContext } from './context';
import { callUnderCursor } from './call-sites';

/** Hover on an id literal, or on any part of a split id: the error it names, in markdown. */
export function pluginQuickInfo(context: PluginContext, fileName: string, position: number): TS.QuickInfo | undefined {
  const under = callUnderCursor(context, fileName, position);
  if (!under) return undefined;
  const { found, catalog } = under;
  const resolved = resolvePartAt(found.reference, catalog, position);
  // Any part of a split id describes the whole error when there is one, else what the part names.
  const entry = resolved?.error ?? resolved?.entry;
  if (!resolved || !entry) return undefined;
  const ts = context.ts;
  const described = describeEntry(catalog, entry);
  const [start, end] = resolved.part.range;
  return {
    kind: ts.ScriptElementKind.constElement,
    kindModifiers: described.deprecated
      ? ts.ScriptElementKindModifier.deprecatedModifier
      : ts.ScriptElementKindModifier.none,
    textSpan: { start, length: end - start },
    displayParts: [{ text: described.title, kind: 'text' }],
    documentation: [{ text: described.markdown, kind: 'markdown' }],
  };
}

export { describeEntry, type EntryDescription } from '../catalog/callsite/describe';
