import { readTextFile } from './read-file';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { CatalogLocation, JsonPath } from './model';

/**
 * Turns JSON paths into line/column positions. Catalogs are read with `JSON.parse` (fast);
 * only when a position is needed — a problem to report, a go-to-definition — is the text
 * parsed again with jsonc-parser, once per text.
 */
export class JsonLocator {
  private tree: Node | undefined;
  private positionOf: ((offset: number) => { line: number; column: number }) | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  /** `key` gives the span of the property name that holds the value at `path`, `value` the value itself. */
  locate(path: JsonPath, target: 'key' | 'value'): CatalogLocation {
    this.tree ??= parseTree(this.text, undefined, { allowTrailingComma: false, disallowComments: true }) ?? undefined;
    let node = this.tree ? findDeepest(this.tree, path) : undefined;
    if (node && target === 'key' && node.parent?.type === 'property') node = node.parent.children?.[0] ?? node;
    const offset = node?.offset ?? 0;
    const length = node?.length ?? 0;
    return { file: this.file, offset, length, ...this.position(offset) };
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    this.positionOf ??= positionFinder(this.text);
    return this.positionOf(offset);
  }
}

/** A function from 0-based offsets in `text` to 1-based lines and columns (line starts computed once). */
export function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = computeLineStarts(text);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** The node at `path`, or the deepest existing ancestor when the path does not exist (a missing field). */
function findDeepest(root: Node, path: JsonPath): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) return node;
  }
  return root;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function locateInJson(file: string, path: JsonPath, target: 'key' | 'value'): CatalogLocation | undefined {
  let text: string;
  try {
    text = readTextFile(file);
  } catch {
    return undefined;
  }
  return new JsonLocator(file, text).locate(path, target);
}
