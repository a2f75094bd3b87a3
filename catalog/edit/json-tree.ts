import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { JsonPath } from '../model';

/** Small reads of a jsonc-parser tree, for the edit planners. */

/** The value node at `path`, when it is an object. */
export function objectAt(root: Node, path: JsonPath): Node | undefined {
  const node = findNodeAtLocation(root, [...path]);
  return node?.type === 'object' ? node : undefined;
}

/** The properties of an object node as [key, value node] pairs, in file order. */
export function* properties(object: Node): Generator<[string, Node]> {
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type === 'string' && typeof key.value === 'string' && value) yield [key.value, value];
  }
}

/** The value node of property `key` of an object node (the last one when a key is given twice, as JSON.parse). */
export function propertyValue(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const [name, value] of properties(object)) if (name === key) found = value;
  return found;
}

/** The key node (the quoted name) of property `key` of an object node. */
export function propertyKey(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    const keyNode = property.children?.[0];
    if (keyNode?.value === key) found = keyNode;
  }
  return found;
}

export function hasProperty(object: Node, key: string): boolean {
  return propertyValue(object, key) !== undefined;
}

/** The `code` of each object-valued property of `object` (the codes of its errors or subdomains). */
export function childCodes(object: Node): Set<number> {
  const codes = new Set<number>();
  for (const [, value] of properties(object)) {
    if (value.type !== 'object') continue;
    const code = propertyValue(value, 'code');
    if (code?.type === 'number' && typeof code.value === 'number') codes.add(code.value);
  }
  return codes;
}

/** One more than the highest code used, else the lowest free one in range; undefined when all are used. */
export function nextFreeCode(used: ReadonlySet<number>, min: number, max: number): number | undefined {
  let highest = min - 1;
  for (const code of used) if (Number.isInteger(code) && code > highest) highest = code;
  if (highest < max) return Math.max(highest + 1, min);
  for (let code = min; code <= max; code++) if (!used.has(code)) return code;
  return undefined;
}
