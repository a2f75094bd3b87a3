import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog';
import type { Finding } from '../callsite/findings';
import { isSnakeCase, parseErrorId } from '../ids';
import type { CatalogDomain } from '../model';
import { childCodes, nextFreeCode, objectAt, properties, propertyValue } from './json-tree';
import {
  detectStyle,
  groupEdits,
  insertProperty,
  parseFile,
  readFromDisk,
  refuse,
  type EditPlan,
  type ReadText,
} from './plan';

/** The class of a new error when neither its subdomain nor its domain has a known class in use. */
export const FALLBACK_CLASS = 'InternalError';
const ERROR_CODES = { min: 1, max: 65535 } as const;
const SUBDOMAIN_CODES = { min: 1, max: 255 } as const;

/**
 * "Add 'x.y.z' to the catalog": into the file of the domain (or a new subdomain in it), with the
 * next free code, the file's own formatting kept, a placeholder message and description, and
 * the class most used in that subdomain (ties: the one used first; an empty or new subdomain:
 * the domain's most used class; a domain without any: `InternalError`). Refuses when the domain
 * does not exist, the id is malformed, or it is already in the catalog file.
 *
 * Everything is read from the current text of the domain's file (`readText`: unsaved editor
 * content), not from the `Catalog`, which may be older than the buffer and leaves invalid
 * entries out: a code used by a broken entry is not handed out again.
 */
export function planAddError(catalog: Catalog, id: string, readText: ReadText = readFromDisk): EditPlan {
  const parsed = parseErrorId(id);
  if (!parsed || ![parsed.domain, parsed.subdomain, parsed.name].every(isSnakeCase))
    return refuse(`'${id}' is not an error id (domain.subdomain.name, each snake_case)`);
  const domain = catalog.getDomain(parsed.domain);
  if (!domain) return refuse(`there is no domain '${parsed.domain}' in the catalog: add the domain first`);

  const file = parseFile(domain.file, readText);
  if (!file.ok) return refuse(file.reason);
  const domainObject = objectAt(file.root, domain.path);
  const subdomains = domainObject && objectAt(domainObject, [domain.subdomainsKey]);
  if (!domainObject || !subdomains) return refuse(`cannot find domain '${domain.name}' in ${domain.file}`);
  const style = detectStyle(file.text);
  const subdomain = propertyValue(subdomains, parsed.subdomain);
  const title = `Add '${id}' to the catalog`;

  if (subdomain) {
    const errors = subdomain.type === 'object' ? objectAt(subdomain, ['errors']) : undefined;
    if (!errors) return refuse(`subdomain '${parsed.domain}.${parsed.subdomain}' has no 'errors' object to add to`);
    if (propertyValue(errors, parsed.name)) return refuse(`'${id}' is already in the catalog (${domain.file})`);
    const code = nextFreeCode(childCodes(errors), ERROR_CODES.min, ERROR_CODES.max);
    if (code === undefined) return refuse(`subdomain '${parsed.domain}.${parsed.subdomain}' has no free error code`);
    const entry = newError(id, code, chooseClass(catalog, [errors], domainObject, domain));
    const edit = insertProperty(file.text, errors, parsed.name, entry, style);
    return { ok: true, title, changes: groupEdits([{ file: domain.file, edit }]) };
  }

  const used = childCodes(subdomains);
  const subdomainCode = nextFreeCode(used, SUBDOMAIN_CODES.min, SUBDOMAIN_CODES.max) ?? (used.has(0) ? undefined : 0);
  if (subdomainCode === undefined) return refuse(`domain '${domain.name}' has no free subdomain code`);
  const entry = newError(id, ERROR_CODES.min, chooseClass(catalog, [], domainObject, domain));
  const value = { code: subdomainCode, errors: { [parsed.name]: entry } };
  const edit = insertProperty(file.text, subdomains, parsed.subdomain, value, style);
  return {
    ok: true,
    title: `${title} (new subdomain '${parsed.domain}.${parsed.subdomain}')`,
    changes: groupEdits([{ file: domain.file, edit }]),
  };
}

/**
 * The id an "Add to the catalog" fix offers for a finding: an unknown error name, or an unknown
 * subdomain of a known domain (added as a new subdomain). Not an unknown domain (a domain is a
 * file or a code of its own to choose), not a malformed id. The surfaces offer the fix when this
 * returns an id and `planAddError` accepts it.
 */
export function idToAdd(finding: Pick<Finding, 'messageId' | 'data'>): string | undefined {
  if (finding.messageId !== 'unknownError' && finding.messageId !== 'unknownSubdomain') return undefined;
  return Object.hasOwn(finding.data, 'id') ? finding.data['id'] : undefined;
}

function newError(id: string, code: number, className: string): Record<string, unknown> {
  return {
    code,
    message: 'TODO: message',
    description: `TODO: describe when '${id}' is raised`,
    class: className,
  };
}

/** The known class most used by the errors of `errorObjects`, else of the whole domain, else the fallback. */
function chooseClass(
  catalog: Catalog,
  errorObjects: readonly Node[],
  domainObject: Node,
  domain: CatalogDomain,
): string {
  const inSubdomain = mostUsedClass(catalog, errorObjects);
  if (inSubdomain !== undefined) return inSubdomain;
  const subdomains = objectAt(domainObject, [domain.subdomainsKey]);
  const allErrors: Node[] = [];
  if (subdomains) {
    for (const [, subdomain] of properties(subdomains)) {
      const errors = subdomain.type === 'object' ? objectAt(subdomain, ['errors']) : undefined;
      if (errors) allErrors.push(errors);
    }
  }
  return mostUsedClass(catalog, allErrors) ?? FALLBACK_CLASS;
}

function mostUsedClass(catalog: Catalog, errorObjects: readonly Node[]): string | undefined {
  const counts = new Map<string, number>();
  for (const errors of errorObjects) {
    for (const [, error] of properties(errors)) {
      const value: unknown = error.type === 'object' ? propertyValue(error, 'class')?.value : undefined;
      // Only classes the catalog knows: a typo in one entry is not copied into a new one.
      if (typeof value === 'string' && catalog.classes.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let bestCount = 0;
  // Map order is first use, and only a strictly higher count wins: ties go to the class used first.
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}
