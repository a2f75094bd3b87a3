import { basename } from 'node:path';
import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog';
import { isSnakeCase } from '../ids';
import type { CatalogDomain } from '../model';
import { objectAt, properties, propertyKey, propertyValue } from './json-tree';
import {
  groupEdits,
  parseFile,
  readFromDisk,
  refuse,
  type CatalogKey,
  type EditPlan,
  type ParsedFile,
  type ReadText,
  type TextEdit,
} from './plan';

type Parsed = Extract<ParsedFile, { ok: true }>;

/**
 * The catalog-side edits of renaming a domain, subdomain or error key: the key itself and every
 * `replacedBy` that names an id under it, in every file of the catalog. (The uses in code are
 * the caller's part: catalog/callsite.) Refuses a name that is not snake_case or is taken, a
 * key that is not in the file, and a domain named by its file (`07-security.json`): that is a
 * file rename, which a text edit cannot express.
 */
export function planCatalogRename(
  catalog: Catalog,
  key: CatalogKey,
  newName: string,
  readText: ReadText = readFromDisk,
): EditPlan {
  if (!isSnakeCase(newName))
    return refuse(`'${newName}' is not a valid name (snake_case: lower-case letters, digits and single underscores)`);
  const domain = catalog.getDomain(key.domain);
  if (!domain) return refuse(`there is no domain '${key.domain}' in the catalog`);
  const files = new Map<string, Parsed>();
  const read = (file: string): Parsed | string => {
    const cached = files.get(file);
    if (cached) return cached;
    const parsed = parseFile(file, readText);
    if (!parsed.ok) return parsed.reason;
    files.set(file, parsed);
    return parsed;
  };
  if (key.kind === 'domain' && domain.path.length === 0) {
    const file = basename(domain.file);
    const renamedFile = file.slice(0, file.length - `${key.domain}.json`.length) + `${newName}.json`;
    return refuse(`domain '${key.domain}' is named by its file ${file}: rename the file to ${renamedFile}`);
  }
  const home = read(domain.file);
  if (typeof home === 'string') return refuse(home);
  const target = locateKey(home, domain, key);
  if (typeof target === 'string') return refuse(target);
  const oldName = key.kind === 'domain' ? key.domain : key.kind === 'subdomain' ? key.subdomain : key.name;
  if (newName === oldName) return refuse(`the ${key.kind} is already named '${newName}'`);
  if (key.kind === 'domain' && catalog.getDomain(newName)) return refuse(`there is already a domain '${newName}'`);
  const oldId = idOf(key, oldName);
  const newId = idOf(key, newName);
  if (propertyValue(target.parent, newName))
    return refuse(`there is already ${key.kind === 'error' ? 'an' : 'a'} ${key.kind} '${newId}'`);
  const edits: Array<{ file: string; edit: TextEdit }> = [
    {
      file: domain.file,
      edit: { offset: target.key.offset, length: target.key.length, content: JSON.stringify(newName) },
    },
  ];
  for (const other of catalog.domains.values()) {
    const parsed = read(other.file);
    if (typeof parsed === 'string') return refuse(`cannot update the replacedBy entries of '${other.name}': ${parsed}`);
    for (const node of replacedByNodes(parsed.root, other)) {
      const value = node.value as string;
      const renamed = renameId(value, oldId, newId, key.kind === 'error');
      if (renamed !== undefined)
        edits.push({
          file: other.file,
          edit: { offset: node.offset, length: node.length, content: JSON.stringify(renamed) },
        });
    }
  }
  return { ok: true, title: `Rename ${key.kind} '${oldId}' to '${newId}'`, changes: groupEdits(edits) };
}

/** The dotted id (or prefix) that a key names, with its last part replaced by `name`. */
function idOf(key: CatalogKey, name: string): string {
  if (key.kind === 'domain') return name;
  if (key.kind === 'subdomain') return `${key.domain}.${name}`;
  return `${key.domain}.${key.subdomain}.${name}`;
}

/** `replacedBy` after the rename: an exact match for an error, a prefix match for a domain or subdomain. */
function renameId(value: string, oldId: string, newId: string, exact: boolean): string | undefined {
  if (value === oldId) return newId;
  if (!exact && value.startsWith(`${oldId}.`)) return newId + value.slice(oldId.length);
  return undefined;
}

/** The key node of the renamed entry and the object that holds it (where a sibling could take the name). */
function locateKey(file: Parsed, domain: CatalogDomain, key: CatalogKey): { key: Node; parent: Node } | string {
  if (key.kind === 'domain') {
    const parent = objectAt(file.root, domain.path.slice(0, -1));
    const keyNode = parent && propertyKey(parent, key.domain);
    return parent && keyNode ? { key: keyNode, parent } : `cannot find domain '${domain.name}' in ${domain.file}`;
  }
  const subdomains = objectAt(file.root, [...domain.path, domain.subdomainsKey]);
  if (!subdomains) return `cannot find domain '${domain.name}' in ${domain.file}`;
  const subdomainKey = propertyKey(subdomains, key.subdomain);
  if (!subdomainKey) return `there is no subdomain '${key.domain}.${key.subdomain}' in ${domain.file}`;
  if (key.kind === 'subdomain') return { key: subdomainKey, parent: subdomains };
  const errors = objectAt(subdomains, [key.subdomain, 'errors']);
  const errorKey = errors && propertyKey(errors, key.name);
  if (!errors || !errorKey) return `there is no error '${key.domain}.${key.subdomain}.${key.name}' in ${domain.file}`;
  return { key: errorKey, parent: errors };
}

/** Every string `replacedBy` value node of a domain's errors, as they are in the file now. */
function* replacedByNodes(root: Node, domain: CatalogDomain): Generator<Node> {
  const subdomains = objectAt(root, [...domain.path, domain.subdomainsKey]);
  if (!subdomains) return;
  for (const [, subdomain] of properties(subdomains)) {
    const errors = subdomain.type === 'object' ? objectAt(subdomain, ['errors']) : undefined;
    if (!errors) continue;
    for (const [, error] of properties(errors)) {
      const replacedBy = error.type === 'object' ? propertyValue(error, 'replacedBy') : undefined;
      if (replacedBy?.type === 'string') yield replacedBy;
    }
  }
}
