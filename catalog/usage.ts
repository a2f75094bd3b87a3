import type { Catalog } from './catalog';
import type { CatalogError } from './model';

/** One part of an id pattern: a known name, or `undefined` for "any". */
export type PatternPart = string | undefined;

/** What one recognised call says about which ids it may raise. */
export type IdUse =
  /** A whole id, known statically. */
  | { readonly kind: 'exact'; readonly id: string }
  /** Split parts, some unknown (`kerror.get('a', 'b', name)`), or a `wrap('a', 'b')` scope. */
  | { readonly kind: 'pattern'; readonly parts: readonly [PatternPart, PatternPart, PatternPart] }
  /** A dotted id known up to a prefix (`getError(\`a.b.${name}\`)`); '' when nothing is known. */
  | { readonly kind: 'prefix'; readonly prefix: string };

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface UsageReport {
  /** Ids with a static reference. */
  readonly used: readonly string[];
  /** Ids without a static reference that a dynamic reference may raise, with those references. */
  readonly maybeUsed: ReadonlyArray<{ readonly id: string; readonly references: readonly SourceLocation[] }>;
  readonly unused: readonly string[];
  /** Dynamic references of which nothing is known (`getError(code)`): they may raise any id. */
  readonly unresolved: readonly SourceLocation[];
}

/** Collects the uses found in every file, then sorts the catalog's ids into used, maybe used and unused. */
export class UsageCollector {
  private readonly used = new Set<string>();
  private readonly maybe = new Map<string, SourceLocation[]>();
  private readonly unresolved: SourceLocation[] = [];

  constructor(
    private readonly catalog: Catalog,
    /** Deprecated ids are expected to be unused, so they are only reported when asked for. */
    private readonly includeDeprecated: boolean,
  ) {}

  add(use: IdUse, at: SourceLocation): void {
    if (use.kind === 'exact') {
      this.used.add(use.id);
      return;
    }
    const candidates = use.kind === 'pattern' ? this.matchPattern(use.parts) : this.matchPrefix(use.prefix);
    if (candidates === undefined) {
      this.unresolved.push(at);
      return;
    }
    for (const error of candidates) {
      const references = this.maybe.get(error.id);
      if (references) references.push(at);
      else this.maybe.set(error.id, [at]);
    }
  }

  report(): UsageReport {
    const used: string[] = [];
    const maybeUsed: Array<{ id: string; references: SourceLocation[] }> = [];
    const unused: string[] = [];
    for (const error of this.catalog.errors()) {
      if (!this.includeDeprecated && this.catalog.isDeprecated(error)) continue;
      const references = this.maybe.get(error.id);
      if (this.used.has(error.id)) used.push(error.id);
      else if (references) maybeUsed.push({ id: error.id, references });
      else unused.push(error.id);
    }
    return { used, maybeUsed, unused, unresolved: this.unresolved };
  }

  /** Errors matching the known parts; undefined when no part is known. */
  private matchPattern(parts: readonly [PatternPart, PatternPart, PatternPart]): CatalogError[] | undefined {
    const [domain, subdomain, name] = parts;
    if (domain === undefined && subdomain === undefined && name === undefined) return undefined;
    const found: CatalogError[] = [];
    const domains =
      domain === undefined
        ? [...this.catalog.domains.values()]
        : [this.catalog.getDomain(domain)].filter((d) => d !== undefined);
    for (const d of domains) {
      const subdomains =
        subdomain === undefined
          ? [...d.subdomains.values()]
          : [d.subdomains.get(subdomain)].filter((s) => s !== undefined);
      for (const s of subdomains) {
        if (name === undefined) found.push(...s.errors.values());
        else {
          const error = s.errors.get(name);
          if (error) found.push(error);
        }
      }
    }
    return found;
  }

  /** Errors whose id starts with `prefix`; undefined for an empty prefix. */
  private matchPrefix(prefix: string): CatalogError[] | undefined {
    if (prefix === '') return undefined;
    const segments = prefix.split('.');
    // Complete leading segments narrow the search to one domain or subdomain.
    const domain = segments.length > 1 ? segments[0] : undefined;
    const subdomain = segments.length > 2 ? segments[1] : undefined;
    const scope = domain === undefined ? undefined : this.matchPattern([domain, subdomain, undefined]);
    const pool = scope ?? [...this.catalog.errors()];
    return pool.filter((error) => error.id.startsWith(prefix));
  }
}
