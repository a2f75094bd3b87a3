import type { TextEdit } from './findings';
import { variantsOf, type ErrorIdReference, type IdPart } from './reference';
import type { Range } from './site';

/** What is renamed: a domain, a subdomain of a domain, or an error of a subdomain (as catalog/edit's CatalogKey). */
export type RenamedKey =
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'subdomain'; readonly domain: string; readonly subdomain: string }
  | { readonly kind: 'error'; readonly domain: string; readonly subdomain: string; readonly name: string };

export type RenameAtSite =
  /** The edits of this call site (none when it does not name the key, or names it through a wrap() rewritten elsewhere). */
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  /** The call may name the key but cannot be rewritten: `range` is where, `reason` why. */
  | { readonly ok: false; readonly range: Range; readonly reason: string };

const LEVELS = ['domain', 'subdomain', 'name'] as const;
type Level = (typeof LEVELS)[number];

/**
 * The code-side edits of renaming a catalog key at one call site. A part is rewritten only when
 * it is a plain string literal of this call; a use whose parts are dynamic (and may name the key)
 * or built from constants refuses the whole rename, since a rename that silently leaves a use
 * behind breaks the code. `text` is the file's text (for the literal's quotes and what a dynamic
 * dotted id spells).
 */
export function renameAtSite(
  reference: ErrorIdReference,
  key: RenamedKey,
  newName: string,
  text: string,
): RenameAtSite {
  // A conditional (`c ? 'a.b.x' : 'a.b.y'`) is renamed branch by branch; one refusal refuses all.
  const edits: TextEdit[] = [];
  for (const variant of variantsOf(reference)) {
    const result = renameVariant(variant, key, newName, text);
    if (!result.ok) return result;
    for (const edit of result.edits) {
      if (!edits.some((e) => e.range[0] === edit.range[0] && e.range[1] === edit.range[1])) edits.push(edit);
    }
  }
  return ok(edits);
}

/** One variant: its parts are static, dynamic or missing (no choice). */
function renameVariant(reference: ErrorIdReference, key: RenamedKey, newName: string, text: string): RenameAtSite {
  const wanted = keyValues(key);
  const depth = wanted.length;
  if (reference.form === 'dotted') return renameDotted(reference.id, wanted, newName, text);
  const parts: IdPart[] =
    reference.form === 'scope'
      ? [reference.domain, reference.subdomain]
      : [reference.domain, reference.subdomain, reference.name];
  // A wrap() scope names no error: renaming an error is done at its wrapped calls.
  if (parts.length < depth) return ok([]);
  let dynamic: { range: Range; level: Level } | undefined;
  for (let i = 0; i < depth; i++) {
    const part = parts[i]!;
    if (part.kind === 'missing') return ok([]);
    if (part.kind === 'static' && part.value !== wanted[i]) return ok([]);
    if (part.kind === 'dynamic' || part.kind === 'choice') dynamic ??= { range: part.range, level: LEVELS[i]! };
  }
  if (dynamic) return refuse(dynamic.range, `the ${levelName(dynamic.level)} is not known statically here`);
  const target = parts[depth - 1]!;
  if (target.kind !== 'static') return ok([]);
  // Inherited from a wrap() call (not editable here): rewritten at that call.
  if (!target.editable) return ok([]);
  if (!target.literal) return refuse(target.range, 'the id is built from constants, not written as a literal here');
  return ok([literalEdit(target.range, newName, text)]);
}

function renameDotted(part: IdPart, wanted: readonly string[], newName: string, text: string): RenameAtSite {
  if (part.kind === 'missing') return ok([]);
  if (part.kind === 'dynamic' || part.kind === 'choice') {
    // Nothing is known of `getError(code)`; a template or concatenation spelling the renamed
    // names may produce the key, so it blocks the rename rather than being left behind.
    const source = text.slice(part.range[0], part.range[1]);
    const spelled = wanted.every((segment) => source.includes(segment));
    return spelled && /['"`]/.test(source)
      ? refuse(part.range, 'the id is computed here and may name the renamed key')
      : ok([]);
  }
  const segments = part.value.split('.');
  if (segments.length !== 3 || wanted.some((segment, i) => segments[i] !== segment)) return ok([]);
  if (!part.editable) return ok([]);
  if (!part.literal) return refuse(part.range, 'the id is built from constants, not written as a literal here');
  const renamed = segments.map((segment, i) => (i === wanted.length - 1 ? newName : segment)).join('.');
  const raw = text.slice(part.range[0] + 1, part.range[1] - 1);
  if (raw === part.value) {
    // Only the renamed segment changes: the smallest edit, which keeps the cursor where it was.
    const start = part.range[0] + 1 + segments.slice(0, wanted.length - 1).reduce((sum, s) => sum + s.length + 1, 0);
    return ok([{ range: [start, start + segments[wanted.length - 1]!.length], text: newName }]);
  }
  return ok([literalEdit(part.range, renamed, text)]);
}

/** The literal's whole text rewritten, its own quote kept (escapes in the old text are not carried over). */
function literalEdit(range: Range, value: string, text: string): TextEdit {
  const quote = text.charAt(range[0]);
  const raw = text.slice(range[0] + 1, range[1] - 1);
  if (quote === '`' || quote === "'" || quote === '"') {
    if (raw.length > 0 && !/[\\'"`$]/.test(raw)) return { range: [range[0] + 1, range[1] - 1], text: value };
    return { range, text: `${quote}${value}${quote}` };
  }
  return { range, text: `'${value}'` };
}

function keyValues(key: RenamedKey): string[] {
  if (key.kind === 'domain') return [key.domain];
  if (key.kind === 'subdomain') return [key.domain, key.subdomain];
  return [key.domain, key.subdomain, key.name];
}

function levelName(level: Level): string {
  return level === 'name' ? 'error name' : level;
}

function ok(edits: readonly TextEdit[]): RenameAtSite {
  return { ok: true, edits };
}

function refuse(range: Range, reason: string): RenameAtSite {
  return { ok: false, range, reason };
}

/**
 * True when a call site names the key or something inside it (an error under a renamed domain,
 * a wrap() scope of a renamed subdomain): what "find references" of a catalog key lists.
 */
export function referenceNamesKey(reference: ErrorIdReference, key: RenamedKey): boolean {
  const wanted = keyValues(key);
  const parts: IdPart[] =
    reference.form === 'dotted'
      ? dottedParts(reference.id)
      : reference.form === 'scope'
        ? [reference.domain, reference.subdomain]
        : [reference.domain, reference.subdomain, reference.name];
  if (parts.length < wanted.length) return false;
  return wanted.every((value, i) => {
    const part = parts[i]!;
    return part.kind === 'static' && part.value === value;
  });
}

function dottedParts(part: IdPart): IdPart[] {
  if (part.kind !== 'static') return [];
  const segments = part.value.split('.');
  return segments.length === 3 ? segments.map((value) => ({ ...part, value })) : [];
}
