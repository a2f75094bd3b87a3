import type { Range } from './site';

/**
 * Known statically. `editable` says a fix may rewrite `range`: the argument is in this call
 * (not inherited from a `wrap()`); `literal` says it is a plain string literal there, so a
 * rewrite keeps the code's shape and can be an autofix rather than a suggestion.
 */
export interface StaticPart {
  readonly kind: 'static';
  readonly value: string;
  readonly range: Range;
  readonly literal: boolean;
  readonly editable: boolean;
}

/** One part of an error id at a call site. */
export type IdPart =
  | StaticPart
  /**
   * A conditional between static values (`c ? 'x' : 'y'`): every option is checked, each at
   * its own range; `range` is the whole conditional.
   */
  | { readonly kind: 'choice'; readonly options: readonly StaticPart[]; readonly range: Range }
  | { readonly kind: 'dynamic'; readonly range: Range }
  /** The call has too few arguments for this part. */
  | { readonly kind: 'missing' };

/** How many placeholder arguments a call passes: `undefined` when a spread makes it unknown. */
export interface PlaceholderArguments {
  readonly count: number | undefined;
}

interface ReferenceBase {
  /** The whole call. */
  readonly range: Range;
}

/** `getError('a.b.c', …)`, `throw new X('a.b.c', …)` */
export interface DottedReference extends ReferenceBase {
  readonly form: 'dotted';
  readonly id: IdPart;
  readonly placeholders: PlaceholderArguments | undefined;
}

/** `kerror.get('a', 'b', 'c', …)`, or through a wrapper: `tokenError.get('c', …)` (form `wrapped`). */
export interface SplitReference extends ReferenceBase {
  readonly form: 'split' | 'wrapped';
  readonly domain: IdPart;
  readonly subdomain: IdPart;
  readonly name: IdPart;
  readonly placeholders: PlaceholderArguments | undefined;
}

/** `kerror.wrap('a', 'b')`: names a subdomain, not an error. */
export interface ScopeReference extends ReferenceBase {
  readonly form: 'scope';
  readonly domain: IdPart;
  readonly subdomain: IdPart;
}

export type ErrorIdReference = DottedReference | SplitReference | ScopeReference;

/** More variants than this (a product of conditionals) and the choices are treated as dynamic. */
const MAX_VARIANTS = 16;

/**
 * The references a reference with conditional parts stands for, one per combination of
 * options, each with only static, dynamic or missing parts; a reference without choices is its
 * own only variant. What is checked, completed and counted as used is each variant.
 */
export function variantsOf(reference: ErrorIdReference): ErrorIdReference[] {
  switch (reference.form) {
    case 'dotted':
      if (reference.id.kind !== 'choice') return [reference];
      return expand([reference.id]).map(([id]) => ({ ...reference, id: id! }));
    case 'scope': {
      if (reference.domain.kind !== 'choice' && reference.subdomain.kind !== 'choice') return [reference];
      return expand([reference.domain, reference.subdomain]).map(([domain, subdomain]) => ({
        ...reference,
        domain: domain!,
        subdomain: subdomain!,
      }));
    }
    default: {
      const { domain, subdomain, name } = reference;
      if (domain.kind !== 'choice' && subdomain.kind !== 'choice' && name.kind !== 'choice') return [reference];
      return expand([domain, subdomain, name]).map(([d, s, n]) => ({
        ...reference,
        domain: d!,
        subdomain: s!,
        name: n!,
      }));
    }
  }
}

/** The cartesian product of the parts' options; choices become dynamic past MAX_VARIANTS. */
function expand(parts: readonly IdPart[]): IdPart[][] {
  let size = 1;
  for (const part of parts) if (part.kind === 'choice') size *= part.options.length;
  if (size > MAX_VARIANTS)
    return [parts.map((part) => (part.kind === 'choice' ? { kind: 'dynamic', range: part.range } : part))];
  let combos: IdPart[][] = [[]];
  for (const part of parts) {
    const options: readonly IdPart[] = part.kind === 'choice' ? part.options : [part];
    combos = combos.flatMap((combo) => options.map((option) => [...combo, option]));
  }
  return combos;
}
