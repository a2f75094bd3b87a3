import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../catalog';
import { unifiedDiff } from '../../cli/diff';

describe('unifiedDiff (docs --check)', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'a/x', 'b/x')).toBe('');
  });

  it('gives diff -u hunks with three lines of context, merging close changes', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', ''].join(
      '\n',
    );
    const after = before.replace('2\n', 'two\n').replace('6\n', '6\nsix\n').replace('15\n', '');
    expect(unifiedDiff(before, after, 'a/x', 'b/x')).toBe(
      [
        '--- a/x',
        '+++ b/x',
        '@@ -1,9 +1,10 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        ' 6',
        '+six',
        ' 7',
        ' 8',
        ' 9',
        '@@ -12,5 +13,4 @@',
        ' 12',
        ' 13',
        ' 14',
        '-15',
        ' 16',
        '',
      ].join('\n'),
    );
  });

  it('shows a missing final newline and whole-file additions and removals', () => {
    expect(unifiedDiff('---\n', '---', 'a/x', 'b/x')).toBe(
      '--- a/x\n+++ b/x\n@@ -1 +1 @@\n----\n+---\n\\ No newline at end of file\n',
    );
    expect(unifiedDiff('', 'a\nb\n', '/dev/null', 'b/x')).toBe('--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('a\n', '', 'a/x', '/dev/null')).toBe('--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n');
  });
});

describe('findDuplicateKeys (check)', () => {
  it('reports each repeated key of one object at its position, not keys repeated across objects', () => {
    const text = '{\n  "a": { "x": 1, "y": 2, "x": 3 },\n  "b": { "x": 1 },\n  "a": [ { "k": 1, "k": 2 } ]\n}\n';
    expect(findDuplicateKeys('f.json', text)).toEqual([
      {
        file: 'f.json',
        line: 2,
        column: 26,
        message: "duplicate key 'x' (first defined on line 2); JSON keeps only the last one",
      },
      {
        file: 'f.json',
        line: 4,
        column: 3,
        message: "duplicate key 'a' (first defined on line 2); JSON keeps only the last one",
      },
      {
        file: 'f.json',
        line: 4,
        column: 20,
        message: "duplicate key 'k' (first defined on line 4); JSON keeps only the last one",
      },
    ]);
  });

  it('finds nothing in a file without duplicates, and survives a syntax error', () => {
    expect(findDuplicateKeys('f.json', '{ "a": 1, "b": { "a": 2 } }')).toEqual([]);
    expect(findDuplicateKeys('f.json', '{ "a": 1, "a": ')).toHaveLength(1);
  });
});
