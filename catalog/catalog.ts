import { allowedDistance, boundedDistance } from './distance';
import { formatHexCode } from './ids';
import { locateInJson } from './locate';
import type {
  CatalogDomain,
  CatalogError,
  CatalogLocation,
  CatalogSubdomain,
  Deprecation,
  DeprecationMark,
} from './model';

export interface Suggestion {
  readonly id: string;
  /** Edit distance from what was written; lower is closer. */
  readonly distance: number;
}

/** Penalty for a candidate found because its error name matches exactly under another subdomain. */
const MOVED_PENALTY = 2;
const MAX_MOVED_CANDIDATES = 50;

/**
 * An indexed, validated catalog. Built once per catalog version by the loader and shared by
 * every file the linter or the language service looks at, so everything here is either
 * indexed at construction or memoized.
 */
export class Catalog {
  readonly domains: ReadonlyMap<string, CatalogDomain>;
  readonly classes: ReadonlyMap<string, number>;
  private readonly byId = new Map<string, CatalogError>();
  /** Error name → errors with that name, built on the first suggestion that needs it. */
  private byName: Map<string, CatalogError[]> | undefined;

  constructor(domains: ReadonlyMap<string, CatalogDomain>, classes: ReadonlyMap<string, number>) {
    this.domains = domains;
    this.classes = classes;
    for (const domain of domains.values()) {
      for (const subdomain of domain.subdomains.values()) {
        for (const error of subdomain.errors.values()) this.byId.set(error.id, error);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every error, in catalog order. */
  errors(): IterableIterator<CatalogError> {
    return this.byId.values();
  }

  getError(id: string): CatalogError | undefined {
    return this.byId.get(id);
  }

  findError(domain: string, subdomain: string, name: string): CatalogError | undefined {
    return this.domains.get(domain)?.subdomains.get(subdomain)?.errors.get(name);
  }

  getDomain(domain: string): CatalogDomain | undefined {
    return this.domains.get(domain);
  }

  getSubdomain(domain: string, subdomain: string): CatalogSubdomain | undefined {
    return this.domains.get(domain)?.subdomains.get(subdomain);
  }

  /**
   * The deprecation that applies to an error: its own, else its subdomain's, else its domain's.
   * `since` is undefined when the catalog marks it deprecated without a version (`true`).
   */
  deprecationOf(error: CatalogError): Deprecation | undefined {
    if (error.deprecated !== undefined)
      return { level: 'error', since: error.deprecated.since, replacedBy: error.replacedBy };
    return this.scopeDeprecation(error.subdomain);
  }

  /** The deprecation of a subdomain as seen from inside it: its own, else its domain's. */
  scopeDeprecation(subdomain: CatalogSubdomain): Deprecation | undefined {
    if (subdomain.deprecated !== undefined)
      return { level: 'subdomain', since: subdomain.deprecated.since, replacedBy: undefined };
    const domain = subdomain.domain;
    if (domain.deprecated !== undefined)
      return { level: 'domain', since: domain.deprecated.since, replacedBy: undefined };
    return undefined;
  }

  isDeprecated(error: CatalogError): boolean {
    return (
      error.deprecated !== undefined ||
      error.subdomain.deprecated !== undefined ||
      error.subdomain.domain.deprecated !== undefined
    );
  }

  placeholderCount(error: CatalogError): number {
    return error.placeholders;
  }

  hexCode(error: CatalogError): string {
    return formatHexCode(error.fullCode);
  }

  /** HTTP status of the error's class, from the standard table and the project's `classes`. */
  statusOf(error: CatalogError): number | undefined {
    return this.classes.get(error.class);
  }

  /**
   * Did-you-mean candidates for an id that is not in the catalog, closest first. Searches
   * level by level (domain, subdomain, name) with a distance budget, so a 50,000-error catalog
   * costs a few thousand bounded comparisons; also proposes the same error name under another
   * subdomain. Deprecated errors are never proposed.
   */
  suggest(written: string, limit = 5): Suggestion[] {
    const segments = written.split('.');
    const domainText = segments[0] ?? '';
    const subdomainText = segments[1] ?? '';
    const nameText = segments.slice(2).join('.');
    const budget = allowedDistance(written) + 1;
    const found = new Map<string, number>();
    const offer = (error: CatalogError, distance: number): void => {
      if (error.id === written || this.isDeprecated(error)) return;
      const known = found.get(error.id);
      if (known === undefined || distance < known) found.set(error.id, distance);
    };

    for (const domain of this.domains.values()) {
      const domainAllowed = Math.min(budget, allowedDistance(domainText));
      const dd = boundedDistance(domainText, domain.name, domainAllowed);
      if (dd > domainAllowed) continue;
      for (const subdomain of domain.subdomains.values()) {
        const subAllowed = Math.min(budget - dd, allowedDistance(subdomainText));
        const ds = boundedDistance(subdomainText, subdomain.name, subAllowed);
        if (ds > subAllowed) continue;
        const nameAllowed = Math.min(budget - dd - ds, allowedDistance(nameText));
        const exact = subdomain.errors.get(nameText);
        if (exact) offer(exact, dd + ds);
        if (nameAllowed <= 0) continue;
        for (const error of subdomain.errors.values()) {
          const dn = boundedDistance(nameText, error.name, nameAllowed);
          if (dn <= nameAllowed) offer(error, dd + ds + dn);
        }
      }
    }

    const moved = this.errorsNamed(nameText);
    if (moved) {
      for (const error of moved.slice(0, MAX_MOVED_CANDIDATES)) {
        const domain = error.subdomain.domain.name;
        const dd = boundedDistance(domainText, domain, allowedDistance(domainText));
        if (dd <= allowedDistance(domainText)) offer(error, dd + MOVED_PENALTY);
      }
    }

    return [...found]
      .map(([id, distance]) => ({ id, distance }))
      .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  }

  private errorsNamed(name: string): CatalogError[] | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const error of this.byId.values()) {
        const sameName = this.byName.get(error.name);
        if (sameName) sameName.push(error);
        else this.byName.set(error.name, [error]);
      }
    }
    return this.byName.get(name);
  }

  /** Candidates for one unknown part given the known parts before it (domain, or subdomain of a domain). */
  suggestPart(
    part: 'domain' | 'subdomain' | 'name',
    written: string,
    domain?: string,
    subdomain?: string,
    limit = 5,
  ): string[] {
    let names: Iterable<[string, { deprecated: DeprecationMark | undefined }]>;
    if (part === 'domain') names = this.domains;
    else if (part === 'subdomain') names = this.domains.get(domain ?? '')?.subdomains ?? [];
    else names = this.getSubdomain(domain ?? '', subdomain ?? '')?.errors ?? [];
    const allowed = allowedDistance(written);
    const found: Suggestion[] = [];
    for (const [name, entry] of names) {
      if (entry.deprecated !== undefined) continue;
      const distance = boundedDistance(written, name, allowed);
      if (distance <= allowed) found.push({ id: name, distance });
    }
    return found
      .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((s) => s.id);
  }

  /** Where an error, subdomain or domain is defined: the span of its key in the catalog file. */
  locationOf(entry: CatalogError | CatalogSubdomain | CatalogDomain): CatalogLocation | undefined {
    let domain: CatalogDomain;
    let path: Array<string | number>;
    if ('subdomains' in entry) {
      domain = entry;
      path = [];
    } else if ('errors' in entry) {
      domain = entry.domain;
      path = [domain.subdomainsKey, entry.name];
    } else {
      domain = entry.subdomain.domain;
      path = [domain.subdomainsKey, entry.subdomain.name, 'errors', entry.name];
    }
    return locateInJson(domain.file, [...domain.path, ...path], 'key');
  }
}
