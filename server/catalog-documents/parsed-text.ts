import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { JsonPath } from '../../catalog/model';
import { catalogFileDomains } from '../../catalog/sources';

/** A domain as laid out in a catalog file's text. */
export interface DomainInText {
  readonly name: string;
  /** Path of the domain object in the file (`[]` for a domain file). */
  readonly path: JsonPath;
}

/** A catalog document's text, parsed once: its JSON tree (tolerant: partial while being typed) and domains. */
export interface ParsedCatalogText {
  readonly file: string;
  readonly text: string;
  readonly document: TextDocument;
  readonly root: Node | undefined;
  readonly domains: readonly DomainInText[];
}

/**
 * The last few texts parsed. Every request on a document (hover, completion, diagnostics…)
 * gets the same text string until the next edit, so they share one parse: a 50,000-error
 * catalog is parsed once per edit, not once per request.
 */
const CACHE_SIZE = 8;
const cache = new Map<string, ParsedCatalogText>();

export function parseCatalogText(file: string, text: string): ParsedCatalogText {
  const cached = cache.get(file);
  if (cached && cached.text === text) return cached;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false }) ?? undefined;
  const value: unknown = root?.type === 'object' ? getNodeValue(root) : undefined;
  const domains =
    value !== null && typeof value === 'object'
      ? catalogFileDomains(file, value as Record<string, unknown>).map(({ name, path }) => ({ name, path }))
      : [];
  const parsed = { file, text, document: TextDocument.create(file, 'json', 0, text), root, domains };
  cache.delete(file);
  cache.set(file, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return parsed;
}

const SUBDOMAINS_KEYS: ReadonlySet<string | number> = new Set(['subDomains', 'subdomains']);

/** Where a JSON path points in a catalog: a domain, subdomain or error object, or a field of an error. */
export type CatalogPlace =
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'subdomain'; readonly domain: string; readonly subdomain: string }
  | { readonly kind: 'error'; readonly domain: string; readonly subdomain: string; readonly name: string }
  | {
      readonly kind: 'error-field';
      readonly domain: string;
      readonly subdomain: string;
      readonly name: string;
      readonly field: string;
    };

/** What a path of the file's JSON names, for the file's domains. */
export function placeOf(parsed: ParsedCatalogText, path: JsonPath): CatalogPlace | undefined {
  for (const domain of parsed.domains) {
    if (path.length < domain.path.length || !domain.path.every((segment, i) => path[i] === segment)) continue;
    const rest = path.slice(domain.path.length);
    if (rest.length === 0) return domain.path.length > 0 ? { kind: 'domain', domain: domain.name } : undefined;
    if (!SUBDOMAINS_KEYS.has(rest[0]!) || typeof rest[1] !== 'string') return undefined;
    const subdomain = rest[1];
    if (rest.length === 2) return { kind: 'subdomain', domain: domain.name, subdomain };
    if (rest[2] !== 'errors' || typeof rest[3] !== 'string') return undefined;
    const name = rest[3];
    if (rest.length === 4) return { kind: 'error', domain: domain.name, subdomain, name };
    if (rest.length === 5 && typeof rest[4] === 'string')
      return { kind: 'error-field', domain: domain.name, subdomain, name, field: rest[4] };
    return undefined;
  }
  return undefined;
}

/** Every error key in the text, with its id and its key node. */
export function* errorKeys(parsed: ParsedCatalogText): Generator<{ readonly id: string; readonly key: Node }> {
  if (!parsed.root) return;
  for (const domain of parsed.domains) {
    const domainObject = childAt(parsed.root, domain.path);
    for (const [subKey, subdomains] of objectProperties(domainObject)) {
      if (!SUBDOMAINS_KEYS.has(subKey.value as string)) continue;
      for (const [subdomainKey, subdomain] of objectProperties(subdomains)) {
        for (const [errorsKey, errors] of objectProperties(subdomain)) {
          if (errorsKey.value !== 'errors') continue;
          for (const [errorKey] of objectProperties(errors))
            yield { id: `${domain.name}.${subdomainKey.value as string}.${errorKey.value as string}`, key: errorKey };
        }
      }
    }
  }
}

/** The [key node, value node] pairs of an object node. */
function* objectProperties(node: Node | undefined): Generator<[Node, Node]> {
  if (node?.type !== 'object') return;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value && typeof key.value === 'string') yield [key, value];
  }
}

function childAt(root: Node, path: JsonPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    let next: Node | undefined;
    for (const [key, value] of objectProperties(node)) if (key.value === segment) next = value;
    node = next;
  }
  return node;
}
