/**
 * The indexed catalog: domains → subdomains → errors. Objects are plain data built by the
 * loader; look-ups go through `Catalog` (catalog.ts), which keys everything by `Map`, so a
 * name such as `__proto__` or `toString` can never resolve through a prototype chain.
 */

/** A path into a catalog JSON document, as used by jsonc-parser (`['subDomains', 'token', 'errors', 'invalid']`). */
export type JsonPath = ReadonlyArray<string | number>;

export interface CatalogDomain {
  readonly name: string;
  readonly code: number;
  readonly deprecated: DeprecationMark | undefined;
  /** Absolute path of the JSON file that defines the domain. */
  readonly file: string;
  /** Path of the domain object inside `file` (empty for a domain file, `[name]` in a single-file catalog). */
  readonly path: JsonPath;
  /** Key used for subdomains in the file (`subDomains`, or `subdomains` in older catalogs). */
  readonly subdomainsKey: string;
  readonly subdomains: ReadonlyMap<string, CatalogSubdomain>;
}

export interface CatalogSubdomain {
  readonly name: string;
  readonly code: number;
  readonly deprecated: DeprecationMark | undefined;
  readonly domain: CatalogDomain;
  readonly errors: ReadonlyMap<string, CatalogError>;
}

export interface CatalogError {
  /** `domain.subdomain.name` */
  readonly id: string;
  readonly name: string;
  /** The error's own code, 1–65535. */
  readonly code: number;
  /** `domain << 24 | subdomain << 16 | code`, always non-negative. */
  readonly fullCode: number;
  readonly class: string;
  readonly message: string;
  /** How many placeholder arguments the message takes (`%s %d %i %f %j %o %O`; `%%` is none). */
  readonly placeholders: number;
  readonly description: string;
  readonly deprecated: DeprecationMark | undefined;
  readonly replacedBy: string | undefined;
  readonly subdomain: CatalogSubdomain;
}

/**
 * An entry's own `deprecated` field, when it deprecates: `since` is the version, or undefined when
 * the catalog does not say (older catalogs' `"deprecated": true`). Absent, `false` and `null` leave
 * the field undefined on the entry.
 */
export interface DeprecationMark {
  readonly since: string | undefined;
}

/** Where a deprecation comes from, as seen from one error. */
export interface Deprecation {
  readonly level: 'error' | 'subdomain' | 'domain';
  /** Version since which it is deprecated; undefined when the catalog does not say. */
  readonly since: string | undefined;
  /** Replacement id (errors only). */
  readonly replacedBy: string | undefined;
}

/** A problem found while loading or validating a catalog or a config file. Lines and columns are 1-based. */
export interface CatalogProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A position inside a catalog file, for go-to-definition. Offsets are 0-based UTF-16 offsets. */
export interface CatalogLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
}
