import type { CallMatcher } from '../../catalog/callsite/match';
import { scanSource, textFilter, type ScanResult } from '../../analysis/id-uses';

const filters = new WeakMap<CallMatcher, RegExp>();

/** Reads and scans one file; a file that cannot be read is skipped like one that cannot be parsed. */
export function scanFile(
  file: string,
  matcher: CallMatcher,
  read: (file: string, encoding: 'utf8') => string,
): ScanResult {
  let filter = filters.get(matcher);
  if (!filter) {
    filter = textFilter(matcher);
    filters.set(matcher, filter);
  }
  let text: string;
  try {
    text = read(file, 'utf8');
  } catch (error) {
    return { kind: 'skipped', line: 1, column: 1, message: `cannot read: ${(error as Error).message}` };
  }
  try {
    return scanSource(text, file, matcher, filter);
  } catch (error) {
    // A construct the analysis trips on costs this file, not the whole report.
    return { kind: 'skipped', line: 1, column: 1, message: `cannot analyse: ${(error as Error).message}` };
  }
}
