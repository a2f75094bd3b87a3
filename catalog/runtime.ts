import type { Catalog } from './catalog';
import type { CatalogError } from './model';
import { formatMessage } from './placeholders';

/** An error raised through the catalog: carries the id, code, status and class name of its entry. */
export class KnownError extends Error {
  readonly id: string;
  /** `domain << 24 | subdomain << 16 | error`. */
  readonly code: number;
  /** The code as 8 hex digits, `0x07010001`. */
  readonly hexCode: string;
  /** HTTP status of the class, 500 when the class has none. */
  readonly status: number;
  /** Placeholder values, as passed. */
  readonly placeholders: readonly unknown[];

  constructor(catalog: Catalog, entry: CatalogError, placeholders: readonly unknown[], options?: { cause?: unknown }) {
    super(
      formatMessage(entry.message, placeholders),
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = entry.class;
    this.id = entry.id;
    this.code = entry.fullCode;
    this.hexCode = catalog.hexCode(entry);
    this.status = catalog.statusOf(entry) ?? 500;
    this.placeholders = placeholders;
  }
}

export interface ScopedErrors {
  get(name: string, ...placeholders: unknown[]): KnownError;
  reject(name: string, ...placeholders: unknown[]): Promise<never>;
  getFrom(source: unknown, name: string, ...placeholders: unknown[]): KnownError;
  rejectFrom(source: unknown, name: string, ...placeholders: unknown[]): Promise<never>;
}

export interface Errors {
  /** `getError('security.token.invalid', ...placeholders)` */
  getError(id: string, ...placeholders: unknown[]): KnownError;
  /** `get('security', 'token', 'invalid', ...placeholders)` */
  get(domain: string, subdomain: string, name: string, ...placeholders: unknown[]): KnownError;
  reject(domain: string, subdomain: string, name: string, ...placeholders: unknown[]): Promise<never>;
  /** Like `get`, with `source` as the error's `cause`. */
  getFrom(source: unknown, domain: string, subdomain: string, name: string, ...placeholders: unknown[]): KnownError;
  rejectFrom(
    source: unknown,
    domain: string,
    subdomain: string,
    name: string,
    ...placeholders: unknown[]
  ): Promise<never>;
  /** Errors of one subdomain: `wrap('security', 'token').get('invalid')`. */
  wrap(domain: string, subdomain: string): ScopedErrors;
}

/**
 * Raising errors by id at run time. An unknown id is a programming error: it throws a plain
 * `Error` naming the id, so a typo never turns into a silently wrong error.
 */
export function createErrors(catalog: Catalog): Errors {
  const lookup = (id: string): CatalogError => {
    const entry = catalog.getError(id);
    if (!entry) throw new Error(`Unknown error id '${id}'`);
    return entry;
  };
  const make = (id: string, placeholders: unknown[], cause?: unknown): KnownError =>
    new KnownError(catalog, lookup(id), placeholders, cause === undefined ? undefined : { cause });
  const errors: Errors = {
    getError: (id, ...placeholders) => make(id, placeholders),
    get: (domain, subdomain, name, ...placeholders) => make(`${domain}.${subdomain}.${name}`, placeholders),
    reject: (domain, subdomain, name, ...placeholders) =>
      Promise.reject(errors.get(domain, subdomain, name, ...placeholders)),
    getFrom: (source, domain, subdomain, name, ...placeholders) =>
      make(`${domain}.${subdomain}.${name}`, placeholders, source),
    rejectFrom: (source, domain, subdomain, name, ...placeholders) =>
      Promise.reject(errors.getFrom(source, domain, subdomain, name, ...placeholders)),
    wrap: (domain, subdomain) => {
      if (!catalog.getSubdomain(domain, subdomain)) throw new Error(`Unknown error subdomain '${domain}.${subdomain}'`);
      return {
        get: (name, ...placeholders) => errors.get(domain, subdomain, name, ...placeholders),
        reject: (name, ...placeholders) => errors.reject(domain, subdomain, name, ...placeholders),
        getFrom: (source, name, ...placeholders) => errors.getFrom(source, domain, subdomain, name, ...placeholders),
        rejectFrom: (source, name, ...placeholders) =>
          errors.rejectFrom(source, domain, subdomain, name, ...placeholders),
      };
    },
  };
  return errors;
}
