import type * as TS from 'typescript';
import { completeAt, type Catalog, type CompletionCandidate, type CompletionResult } from '../catalog/index';
import type { PluginContext } from './context';
import { describeEntry } from './quick-info';
import { callUnderCursor } from './call-sites';

/** Completions inside the literal of a recognised call, or undefined to keep TypeScript's answer. */
export function pluginCompletions(
  context: PluginContext,
  fileName: string,
  position: number,
): TS.CompletionInfo | undefined {
  const found = candidatesAt(context, fileName, position);
  if (!found) return undefined;
  const { result, catalog } = found;
  const ts = context.ts;
  const replacementSpan = { start: result.replace[0], length: result.replace[1] - result.replace[0] };
  const entries = result.candidates.map((candidate, index): TS.CompletionEntry => ({
    name: candidate.text,
    kind: candidate.group ? ts.ScriptElementKind.moduleElement : ts.ScriptElementKind.constElement,
    kindModifiers: candidate.deprecated
      ? ts.ScriptElementKindModifier.deprecatedModifier
      : ts.ScriptElementKindModifier.none,
    // Our order (catalog order, deprecated last) survives editors that sort by sortText.
    sortText: `${candidate.deprecated ? 1 : 0}${String(index).padStart(6, '0')}`,
    replacementSpan,
    labelDetails: { description: summary(catalog, candidate) },
    // Empty, not absent: wrappers (vtsls, typescript-language-server) otherwise give every entry
    // the defaults `. , ; (`, and typing the `.` of a dotted id would accept the highlighted entry.
    commitCharacters: [],
  }));
  const info: TS.CompletionInfo = {
    isGlobalCompletion: false,
    isMemberCompletion: false,
    // True, as for TypeScript's own completions in a string that may hold any text: any id may be
    // typed here. It is also what keeps the wrappers from adding `(` as a commit character
    // (they add it to non-string entries unless completeFunctionCalls is on or this is set).
    isNewIdentifierLocation: true,
    optionalReplacementSpan: replacementSpan,
    entries,
    defaultCommitCharacters: [],
  };
  if (result.incomplete) info.isIncomplete = true;
  return info;
}

/** Details of one of our entries (documentation on the side of the list), or undefined for TypeScript's own. */
export function pluginCompletionDetails(
  context: PluginContext,
  fileName: string,
  position: number,
  entryName: string,
): TS.CompletionEntryDetails | undefined {
  const found = candidatesAt(context, fileName, position);
  const candidate = found?.result.candidates.find((c) => c.text === entryName);
  if (!found || !candidate) return undefined;
  const ts = context.ts;
  const described = describeEntry(found.catalog, candidate.entry);
  return {
    name: entryName,
    kind: candidate.group ? ts.ScriptElementKind.moduleElement : ts.ScriptElementKind.constElement,
    kindModifiers: candidate.deprecated
      ? ts.ScriptElementKindModifier.deprecatedModifier
      : ts.ScriptElementKindModifier.none,
    displayParts: [{ text: described.title, kind: 'text' }],
    documentation: [{ text: described.markdown, kind: 'markdown' }],
  };
}

function candidatesAt(
  context: PluginContext,
  fileName: string,
  position: number,
): { result: CompletionResult; catalog: Catalog } | undefined {
  const under = callUnderCursor(context, fileName, position);
  if (!under) return undefined;
  const { found, catalog } = under;
  // A literal being typed was closed by the repair of call-sites.ts: its range ends with a quote.
  const result = completeAt(found.reference, catalog, position);
  return result && { result, catalog };
}

/** The short text beside an entry: hex code and message for an error, the code for a group. */
function summary(catalog: Catalog, candidate: CompletionCandidate): string {
  const entry = candidate.entry;
  if ('fullCode' in entry) return `${catalog.hexCode(entry)} ${truncate(entry.message, 80)}`;
  if ('subdomains' in entry) return `domain ${entry.code} · ${countIn(entry.subdomains.values())} errors`;
  return `subdomain ${entry.code} · ${entry.errors.size} errors`;
}

function countIn(subdomains: Iterable<{ errors: { size: number } }>): number {
  let count = 0;
  for (const subdomain of subdomains) count += subdomain.errors.size;
  return count;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
