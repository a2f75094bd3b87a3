import type { Range } from './site';

/** One part of an error id at a call site. */
export type IdPart =
  /**
   * Known statically. `editable` says a fix may rewrite `range`: the argument is in this call
   * (not inherited from a `wrap()`); `literal` says it is a plain string literal there, so a
   * rewrite keeps the code's shape and can be an autofix rather than a suggestion.
   */
  | {
      readonly kind: 'static';
      readonly value: string;
      readonly range: Range;
      readonly literal: boolean;
      readonly editable: boolean;
    }
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
