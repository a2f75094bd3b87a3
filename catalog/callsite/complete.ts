import type { Catalog } from '../catalog';
import type { CatalogDomain, CatalogError, CatalogSubdomain } from '../model';
import { variantsOf, type ErrorIdReference, type IdPart } from './reference';
import type { Range } from './site';

/**
 * Editor questions about the id part under a cursor — which part is it, what can be typed
 * there, what does it name — decided once here so every editor integration answers alike.
 */

export type PartRole = 'id' | 'domain' | 'subdomain' | 'name';
type StaticPart = Extract<IdPart, { kind: 'static' }>;

export interface PartAtCursor {
  readonly role: PartRole;
  readonly part: StaticPart;
  /** The literal's text before the cursor (empty when the cursor is on the opening quote). */
  readonly prefix: string;
  /** The text range inside the quotes: what a completion replaces. */
  readonly inner: Range;
}

export interface PartAtOptions {
  /**
   * `cursor`: a caret position between characters, strictly inside the quotes (completion).
   * `character`: the character at `offset`, quotes included (hover, go to definition).
   */
  readonly mode: 'cursor' | 'character';
  /** The literal has no closing quote (being typed): its range ends at its last character. */
  readonly unterminated?: boolean;
}

/** The plain string literal part of a reference at `offset`, if any. Only literals are offered to the editor. */
export function partAt(reference: ErrorIdReference, offset: number, options: PartAtOptions): PartAtCursor | undefined {
  for (const [role, part] of partsOf(reference)) {
    if (part.kind !== 'static' || !part.literal || !part.editable) continue;
    const [start, end] = part.range;
    const innerEnd = options.unterminated ? end : end - 1;
    const inside = options.mode === 'cursor' ? offset > start && offset <= innerEnd : offset >= start && offset < end;
    if (!inside) continue;
    const prefix = part.value.slice(0, Math.max(0, Math.min(offset, innerEnd) - start - 1));
    return { role, part, prefix, inner: [start + 1, Math.max(start + 1, innerEnd)] };
  }
  return undefined;
}

function partsOf(reference: ErrorIdReference): Array<[PartRole, IdPart]> {
  switch (reference.form) {
    case 'dotted':
      return [['id', reference.id]];
    case 'scope':
      return [
        ['domain', reference.domain],
        ['subdomain', reference.subdomain],
      ];
    default:
      return [
        ['domain', reference.domain],
        ['subdomain', reference.subdomain],
        ['name', reference.name],
      ];
  }
}

export interface CompletionCandidate {
  /** What the literal's whole text becomes when the entry is accepted. */
  readonly text: string;
  readonly level: 'domain' | 'subdomain' | 'error';
  readonly entry: CatalogDomain | CatalogSubdomain | CatalogError;
  readonly deprecated: boolean;
  /** A group of ids (`security.`): accepting it continues with the next segment. */
  readonly group: boolean;
}

export interface CompletionResult {
  readonly candidates: readonly CompletionCandidate[];
  /** The list is capped or grouped: ask again as the user types. */
  readonly incomplete: boolean;
  /** The range the accepted text replaces: the literal's text inside its quotes. */
  readonly replace: Range;
}

export interface CompleteOptions extends Omit<PartAtOptions, 'mode'> {
  /**
   * The most ids offered in one answer (default 300). A dotted id whose candidates are more is
   * completed segment by segment (`security.`, then `security.token.`), so a 50,000-error
   * catalog never sends more than one level of its tree.
   */
  readonly limit?: number;
}

const DEFAULT_LIMIT = 300;

/** Completion candidates for the id part under the cursor: deprecated ones last, catalog order otherwise. */
export function completeAt(
  reference: ErrorIdReference,
  catalog: Catalog,
  offset: number,
  options: CompleteOptions = {},
): CompletionResult | undefined {
  const found = variantAt(reference, offset, { mode: 'cursor', unterminated: options.unterminated });
  if (!found) return undefined;
  const { at } = found;
  reference = found.variant;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const result =
    at.role === 'id'
      ? completeDotted(catalog, at.prefix, limit)
      : completeSplit(reference, catalog, at.role, at.prefix, limit);
  if (!result) return undefined;
  const candidates = [
    ...result.candidates.filter((c) => !c.deprecated),
    ...result.candidates.filter((c) => c.deprecated),
  ];
  return { candidates, incomplete: result.incomplete, replace: at.inner };
}

type Partial = { candidates: CompletionCandidate[]; incomplete: boolean };

function completeDotted(catalog: Catalog, prefix: string, limit: number): Partial | undefined {
  // Only the segments before the last dot narrow the list; the segment being typed is left to
  // the editor's own (fuzzy) filtering.
  const segments = prefix.split('.');
  if (segments.length === 1) {
    const domains = [...catalog.domains.values()];
    if (countErrors(domains) <= limit)
      return { candidates: domains.flatMap((d) => errorsOf(catalog, d)), incomplete: false };
    return { candidates: domains.map((d) => domainCandidate(d, `${d.name}.`, true)), incomplete: true };
  }
  const domain = catalog.getDomain(segments[0]!);
  if (!domain) return undefined;
  if (segments.length === 2) {
    if (countErrors([domain]) <= limit) return { candidates: errorsOf(catalog, domain), incomplete: false };
    return {
      candidates: [...domain.subdomains.values()].map((s) =>
        subdomainCandidate(catalog, s, `${domain.name}.${s.name}.`, true),
      ),
      incomplete: true,
    };
  }
  if (segments.length !== 3) return undefined;
  const subdomain = domain.subdomains.get(segments[1]!);
  if (!subdomain) return undefined;
  const { items, incomplete } = capped([...subdomain.errors.values()], segments[2]!, limit);
  return { candidates: items.map((e) => errorCandidate(catalog, e, e.id)), incomplete };
}

/**
 * At most `limit` entries. Past the limit, the names starting with what is typed come first, so
 * an entry beyond the cap is reached by typing its beginning (the list is marked incomplete, and
 * the editor asks again as the user types).
 */
function capped<T extends { readonly name: string }>(
  all: T[],
  typed: string,
  limit: number,
): { items: T[]; incomplete: boolean } {
  if (all.length <= limit) return { items: all, incomplete: false };
  const matching =
    typed === ''
      ? all
      : [...all.filter((e) => e.name.startsWith(typed)), ...all.filter((e) => !e.name.startsWith(typed))];
  return { items: matching.slice(0, limit), incomplete: true };
}

function completeSplit(
  reference: ErrorIdReference,
  catalog: Catalog,
  role: PartRole,
  typed: string,
  limit: number,
): Partial | undefined {
  if (reference.form === 'dotted') return undefined;
  const cap = <T extends { readonly name: string }>(items: T[]): { items: T[]; incomplete: boolean } =>
    capped(items, typed, limit);
  if (role === 'domain') {
    const { items, incomplete } = cap([...catalog.domains.values()]);
    return { candidates: items.map((d) => domainCandidate(d, d.name, false)), incomplete };
  }
  const domain = reference.domain.kind === 'static' ? catalog.getDomain(reference.domain.value) : undefined;
  if (!domain) return undefined;
  if (role === 'subdomain') {
    const { items, incomplete } = cap([...domain.subdomains.values()]);
    return { candidates: items.map((s) => subdomainCandidate(catalog, s, s.name, false)), incomplete };
  }
  if (reference.form === 'scope') return undefined;
  const subdomain =
    reference.subdomain.kind === 'static' ? domain.subdomains.get(reference.subdomain.value) : undefined;
  if (!subdomain) return undefined;
  const { items, incomplete } = cap([...subdomain.errors.values()]);
  return { candidates: items.map((e) => errorCandidate(catalog, e, e.name)), incomplete };
}

function countErrors(domains: readonly CatalogDomain[]): number {
  let count = 0;
  for (const domain of domains) for (const subdomain of domain.subdomains.values()) count += subdomain.errors.size;
  return count;
}

function errorsOf(catalog: Catalog, domain: CatalogDomain): CompletionCandidate[] {
  const out: CompletionCandidate[] = [];
  for (const subdomain of domain.subdomains.values())
    for (const error of subdomain.errors.values()) out.push(errorCandidate(catalog, error, error.id));
  return out;
}

function domainCandidate(domain: CatalogDomain, text: string, group: boolean): CompletionCandidate {
  return { text, level: 'domain', entry: domain, deprecated: domain.deprecated !== undefined, group };
}

function subdomainCandidate(
  catalog: Catalog,
  subdomain: CatalogSubdomain,
  text: string,
  group: boolean,
): CompletionCandidate {
  return {
    text,
    level: 'subdomain',
    entry: subdomain,
    deprecated: catalog.scopeDeprecation(subdomain) !== undefined,
    group,
  };
}

function errorCandidate(catalog: Catalog, error: CatalogError, text: string): CompletionCandidate {
  return { text, level: 'error', entry: error, deprecated: catalog.isDeprecated(error), group: false };
}

export interface ResolvedPart {
  readonly role: PartRole;
  readonly part: StaticPart;
  /** The error the whole reference names, when it is in the catalog. */
  readonly error: CatalogError | undefined;
  /** The catalog entry the part under the cursor names (the error itself for a dotted id or a name part). */
  readonly entry: CatalogDomain | CatalogSubdomain | CatalogError | undefined;
}

/** What the id part at `offset` names in the catalog (hover, go to definition). */
export function resolvePartAt(reference: ErrorIdReference, catalog: Catalog, offset: number): ResolvedPart | undefined {
  const found = variantAt(reference, offset, { mode: 'character' });
  if (!found) return undefined;
  const { at } = found;
  reference = found.variant;
  if (reference.form === 'dotted') {
    const error = catalog.getError(at.part.value);
    return { role: at.role, part: at.part, error, entry: error };
  }
  const value = (part: IdPart): string | undefined => (part.kind === 'static' ? part.value : undefined);
  const domainName = value(reference.domain);
  const subdomainName = value(reference.subdomain);
  const domain = domainName === undefined ? undefined : catalog.getDomain(domainName);
  const subdomain = subdomainName === undefined ? undefined : domain?.subdomains.get(subdomainName);
  const nameValue = reference.form === 'scope' ? undefined : value(reference.name);
  const error = nameValue === undefined ? undefined : subdomain?.errors.get(nameValue);
  const entry = at.role === 'domain' ? domain : at.role === 'subdomain' ? subdomain : error;
  return { role: at.role, part: at.part, error, entry };
}

/**
 * The variant of a reference (variantsOf: one option of each conditional) whose literal is at
 * `offset`: the branch under the cursor is completed and described with the other parts it goes with.
 */
function variantAt(
  reference: ErrorIdReference,
  offset: number,
  options: PartAtOptions,
): { variant: ErrorIdReference; at: PartAtCursor } | undefined {
  for (const variant of variantsOf(reference)) {
    const at = partAt(variant, offset, options);
    if (at) return { variant, at };
  }
  return undefined;
}

/** Every full id a reference may name: one per variant whose parts are all static. */
export function referencedIds(reference: ErrorIdReference): string[] {
  const ids: string[] = [];
  for (const variant of variantsOf(reference)) {
    const id = referencedId(variant);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The full id a reference names when every part is static (`wrap()` scopes name none). */
export function referencedId(reference: ErrorIdReference): string | undefined {
  const value = (part: IdPart): string | undefined => (part.kind === 'static' ? part.value : undefined);
  if (reference.form === 'dotted') return value(reference.id);
  if (reference.form === 'scope') return undefined;
  const parts = [value(reference.domain), value(reference.subdomain), value(reference.name)];
  return parts.every((part) => part !== undefined) ? parts.join('.') : undefined;
}
