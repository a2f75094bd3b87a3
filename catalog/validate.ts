import { Catalog } from './catalog';
import { fullErrorCode, isSnakeCase, parseErrorId } from './ids';
import { isBlank, isText, readDeprecated } from './fields';
import { countPlaceholders } from './placeholders';
import type { CatalogDomain, CatalogError, CatalogProblem, CatalogSubdomain, DeprecationMark, JsonPath } from './model';
import type { DomainSource } from './sources';

type Fields = Record<string, unknown>;

interface Reporter {
  (source: DomainSource, path: JsonPath, target: 'key' | 'value', message: string): void;
}

/**
 * Validates the domain objects read from the catalog files and builds the indexed catalog
 * from everything that is valid. Every problem is reported, each with its own position; an
 * entry with a problem is left out of the catalog (a broken error is not half-indexed).
 */
export function buildCatalog(
  sources: readonly DomainSource[],
  classes: ReadonlyMap<string, number>,
): { catalog: Catalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const report: Reporter = (source, path, target, message) => {
    const location = source.locator.locate([...source.path, ...path], target);
    problems.push({ file: location.file, line: location.line, column: location.column, message });
  };

  const domains = new Map<string, CatalogDomain>();
  const domainCodes = new Map<number, string>();
  for (const source of sources) {
    if (domains.has(source.name)) {
      report(
        source,
        [],
        'key',
        `duplicate domain '${source.name}' (already defined in ${domains.get(source.name)!.file})`,
      );
      continue;
    }
    const domain = buildDomain(source, classes, report);
    if (!domain) continue;
    const other = domainCodes.get(domain.code);
    if (other !== undefined) {
      report(source, ['code'], 'value', `duplicate domain code ${domain.code}: already used by domain '${other}'`);
      continue;
    }
    domainCodes.set(domain.code, domain.name);
    domains.set(domain.name, domain);
  }

  const catalog = new Catalog(domains, classes);
  checkReplacements(catalog, sources, report);
  return { catalog, problems };
}

function buildDomain(
  source: DomainSource,
  classes: ReadonlyMap<string, number>,
  report: Reporter,
): CatalogDomain | undefined {
  const fields = asObject(source.value);
  if (!fields) {
    report(source, [], 'value', `domain '${source.name}' must be an object`);
    return undefined;
  }
  let valid = checkName(source, [], source.name, 'domain', report);
  const code = checkCode(source, fields, [], 0, 255, 'domain', report);
  const deprecated = deprecationField(source, fields, [], report);
  if (code !== undefined && source.codeFromFileName !== undefined && source.codeFromFileName !== code) {
    report(
      source,
      ['code'],
      'value',
      `domain code ${code} does not match the file name prefix ${source.codeFromFileName}`,
    );
  }
  const hasUpper = Object.hasOwn(fields, 'subDomains');
  const hasLower = Object.hasOwn(fields, 'subdomains');
  if (hasUpper && hasLower) report(source, ['subdomains'], 'key', "use either 'subDomains' or 'subdomains', not both");
  const subdomainsKey = hasLower && !hasUpper ? 'subdomains' : 'subDomains';
  const rawSubdomains = asObject(fields[subdomainsKey]);
  if (!rawSubdomains) {
    report(
      source,
      hasUpper || hasLower ? [subdomainsKey] : [],
      hasUpper || hasLower ? 'value' : 'key',
      hasUpper || hasLower
        ? `'${subdomainsKey}' must be an object`
        : `domain '${source.name}' has no 'subDomains' object`,
    );
    return undefined;
  }
  if (code === undefined || deprecated === 'invalid') valid = false;

  const subdomains = new Map<string, CatalogSubdomain>();
  const domain: CatalogDomain = {
    name: source.name,
    code: code ?? -1,
    deprecated: deprecated === 'invalid' ? undefined : deprecated,
    file: source.file,
    path: source.path,
    subdomainsKey,
    subdomains,
  };
  addUniqueCodes(
    subdomains,
    rawSubdomains,
    (name, value) => buildSubdomain(source, domain, name, value, classes, report),
    (name, code, other) =>
      report(
        source,
        [subdomainsKey, name, 'code'],
        'value',
        `duplicate subdomain code ${code} in domain '${domain.name}': already used by '${other}'`,
      ),
  );
  return valid ? domain : undefined;
}

function buildSubdomain(
  source: DomainSource,
  domain: CatalogDomain,
  name: string,
  value: unknown,
  classes: ReadonlyMap<string, number>,
  report: Reporter,
): CatalogSubdomain | undefined {
  const path = [domain.subdomainsKey, name];
  const fields = asObject(value);
  if (!fields) {
    report(source, path, 'value', `subdomain '${domain.name}.${name}' must be an object`);
    return undefined;
  }
  let valid = checkName(source, path, name, 'subdomain', report);
  const code = checkCode(source, fields, path, 0, 255, 'subdomain', report);
  const deprecated = deprecationField(source, fields, path, report);
  const rawErrors = asObject(fields['errors']);
  if (!rawErrors) {
    const present = Object.hasOwn(fields, 'errors');
    report(
      source,
      present ? [...path, 'errors'] : path,
      present ? 'value' : 'key',
      present ? "'errors' must be an object" : `subdomain '${domain.name}.${name}' has no 'errors' object`,
    );
    return undefined;
  }
  if (code === undefined || deprecated === 'invalid') valid = false;

  const errors = new Map<string, CatalogError>();
  const subdomain: CatalogSubdomain = {
    name,
    code: code ?? -1,
    deprecated: deprecated === 'invalid' ? undefined : deprecated,
    domain,
    errors,
  };
  addUniqueCodes(
    errors,
    rawErrors,
    (errorName, value) => buildError(source, subdomain, errorName, value, classes, report),
    (errorName, code, other) =>
      report(
        source,
        [...path, 'errors', errorName, 'code'],
        'value',
        `duplicate error code ${code} in '${domain.name}.${name}': already used by '${other}'`,
      ),
  );
  return valid ? subdomain : undefined;
}

/** Builds each child of `raw` into `into`, leaving out (and reporting) a child whose code a sibling already has. */
function addUniqueCodes<T extends { readonly code: number }>(
  into: Map<string, T>,
  raw: Fields,
  build: (name: string, value: unknown) => T | undefined,
  duplicate: (name: string, code: number, firstName: string) => void,
): void {
  const names = new Map<number, string>();
  for (const name of Object.keys(raw)) {
    const child = build(name, raw[name]);
    if (!child) continue;
    const first = names.get(child.code);
    if (first !== undefined) {
      duplicate(name, child.code, first);
      continue;
    }
    names.set(child.code, name);
    into.set(name, child);
  }
}

function buildError(
  source: DomainSource,
  subdomain: CatalogSubdomain,
  name: string,
  value: unknown,
  classes: ReadonlyMap<string, number>,
  report: Reporter,
): CatalogError | undefined {
  const domain = subdomain.domain;
  const fields = asObject(value);
  const deprecated = fields && readDeprecated(fields['deprecated']);
  // Fast path: catalogs are overwhelmingly valid, and this runs for each of tens of thousands
  // of errors on every load, so check the common case without allocating paths or messages.
  if (fields && deprecated !== 'invalid' && isValidErrorFast(name, fields, classes)) {
    return {
      // join, not a template: a template builds the id as a chain of cons strings, kept beside
      // the flat copy a Map key needs (3 MiB more live heap for 50,000 errors).
      id: [domain.name, subdomain.name, name].join('.'),
      name,
      code: fields['code'] as number,
      fullCode: fullErrorCode(domain.code, subdomain.code, fields['code'] as number),
      class: fields['class'] as string,
      message: fields['message'] as string,
      placeholders: countPlaceholders(fields['message'] as string),
      description: fields['description'] as string,
      deprecated: deprecated ?? undefined,
      replacedBy: fields['replacedBy'] as string | undefined,
      subdomain,
    };
  }
  // Slow path: find and report every problem of this entry.
  const path = [domain.subdomainsKey, subdomain.name, 'errors', name];
  const id = `${domain.name}.${subdomain.name}.${name}`;
  if (!fields) {
    report(source, path, 'value', `error '${id}' must be an object`);
    return undefined;
  }
  checkName(source, path, name, 'error', report);
  checkCode(source, fields, path, 1, 65535, 'error', report);
  requiredText(source, fields, path, 'message', id, report);
  requiredText(source, fields, path, 'description', id, report);
  const className = requiredText(source, fields, path, 'class', id, report);
  if (className !== undefined && !classes.has(className)) {
    report(
      source,
      [...path, 'class'],
      'value',
      `unknown error class '${className}' (add it to 'classes' in error-catalog.config.json)`,
    );
  }
  deprecationField(source, fields, path, report);
  optionalText(source, fields, path, 'replacedBy', report);
  return undefined;
}

function isValidErrorFast(name: string, fields: Fields, classes: ReadonlyMap<string, number>): boolean {
  const code = fields['code'];
  const className = fields['class'];
  const replacedBy = fields['replacedBy'];
  return (
    typeof code === 'number' &&
    Number.isInteger(code) &&
    code >= 1 &&
    code <= 65535 &&
    isText(fields['message']) &&
    isText(fields['description']) &&
    typeof className === 'string' &&
    classes.has(className) &&
    (replacedBy === undefined || isText(replacedBy)) &&
    isSnakeCase(name) &&
    Object.hasOwn(fields, 'code')
  );
}

/** `replacedBy` must name a known error that is not deprecated itself, and not the error itself. */
function checkReplacements(catalog: Catalog, sources: readonly DomainSource[], report: Reporter): void {
  const sourceOf = new Map<string, DomainSource>();
  for (const source of sources) if (!sourceOf.has(source.name)) sourceOf.set(source.name, source);
  for (const error of catalog.errors()) {
    if (error.replacedBy === undefined) continue;
    const domain = error.subdomain.domain;
    const source = sourceOf.get(domain.name)!;
    const path = [domain.subdomainsKey, error.subdomain.name, 'errors', error.name, 'replacedBy'];
    const target = catalog.getError(error.replacedBy);
    if (error.replacedBy === error.id) report(source, path, 'value', `'${error.id}' cannot be replaced by itself`);
    else if (!target) {
      const shape = parseErrorId(error.replacedBy) ? '' : ' (expected domain.subdomain.name)';
      report(source, path, 'value', `replacedBy '${error.replacedBy}' is not a known error id${shape}`);
    } else if (catalog.isDeprecated(target)) {
      report(source, path, 'value', `replacedBy '${error.replacedBy}' is itself deprecated`);
    }
  }
}

function asObject(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

function checkName(source: DomainSource, path: JsonPath, name: string, what: string, report: Reporter): boolean {
  if (isSnakeCase(name)) return true;
  report(
    source,
    path,
    'key',
    `${what} name '${name}' is not snake_case (lower-case letters, digits and single underscores)`,
  );
  return false;
}

function checkCode(
  source: DomainSource,
  fields: Fields,
  path: JsonPath,
  min: number,
  max: number,
  what: string,
  report: Reporter,
): number | undefined {
  if (!Object.hasOwn(fields, 'code')) {
    report(source, path, 'key', `${what} is missing 'code'`);
    return undefined;
  }
  const code = fields['code'];
  if (typeof code !== 'number' || !Number.isInteger(code)) {
    report(source, [...path, 'code'], 'value', `${what} 'code' must be an integer`);
    return undefined;
  }
  if (code < min || code > max) {
    report(source, [...path, 'code'], 'value', `${what} code ${code} is out of range (${min}–${max})`);
    return undefined;
  }
  return code;
}

function requiredText(
  source: DomainSource,
  fields: Fields,
  path: JsonPath,
  key: string,
  id: string,
  report: Reporter,
): string | undefined {
  if (!Object.hasOwn(fields, key)) {
    report(source, path, 'key', `error '${id}' is missing '${key}'`);
    return undefined;
  }
  const value = fields[key];
  if (typeof value !== 'string') {
    report(source, [...path, key], 'value', `'${key}' must be a string`);
    return undefined;
  }
  if (isBlank(value)) {
    report(source, [...path, key], 'value', `'${key}' must not be empty`);
    return undefined;
  }
  return value;
}

/** An optional string with something visible in it: reports it when present and not one. */
function optionalText(source: DomainSource, fields: Fields, path: JsonPath, key: string, report: Reporter): void {
  if (Object.hasOwn(fields, key) && !isText(fields[key]))
    report(source, [...path, key], 'value', `'${key}' must be a non-empty string`);
}

/** The `deprecated` field of a domain, subdomain or error (see `readDeprecated`); reports an invalid one. */
function deprecationField(
  source: DomainSource,
  fields: Fields,
  path: JsonPath,
  report: Reporter,
): DeprecationMark | undefined | 'invalid' {
  if (!Object.hasOwn(fields, 'deprecated')) return undefined;
  const deprecated = readDeprecated(fields['deprecated']);
  if (deprecated === 'invalid')
    report(
      source,
      [...path, 'deprecated'],
      'value',
      '\'deprecated\' must be a version ("2.2.0"), true (deprecated, version unknown) or false',
    );
  return deprecated;
}
