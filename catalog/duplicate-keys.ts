import { visit } from 'jsonc-parser';
import type { CatalogProblem } from './model';

/**
 * Keys given twice in one JSON object. `JSON.parse` silently keeps the last one, so a
 * duplicated error name hides the first definition without any other sign. This needs a second,
 * slower pass over the text, so the loader the plugins use on every lint run skips it on
 * purpose; `error-catalog check` runs it over every catalog file.
 */
export function findDuplicateKeys(file: string, text: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  // One map per open object, key → 1-based line of its first occurrence; arrays hold no keys.
  const open: Array<Map<string, number>> = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        open.push(new Map());
      },
      onObjectEnd: () => {
        open.pop();
      },
      onObjectProperty: (property, _offset, _length, startLine, startCharacter) => {
        const keys = open[open.length - 1];
        if (!keys) return;
        const first = keys.get(property);
        if (first === undefined) {
          keys.set(property, startLine + 1);
          return;
        }
        problems.push({
          file,
          line: startLine + 1,
          column: startCharacter + 1,
          message: `duplicate key '${property}' (first defined on line ${first}); JSON keeps only the last one`,
        });
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  return problems;
}
