/**
 * The pieces the hostile-repository suites rely on, one by one: the safe file reader (real FIFOs
 * and devices), the display helpers, id recognition with invisible characters, prototype names
 * through the ESLint rules, and the diff at 200,000 lines.
 */
import { execFileSync } from 'node:child_process';
import { statSync, symlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CallMatcher,
  displayId,
  displayText,
  FileReadError,
  looksLikeErrorId,
  maxFileBytes,
  readTextFile,
  resolveCalls,
  truncateText,
} from '../../catalog';
import type { CallSiteDescription } from '../../catalog/callsite/site';
import ruleModule from '../../rules/no-unknown-id';
import { unifiedDiff } from '../../cli/diff';
import { at, CATALOG, jsTester, testerRule, tsTester } from '../rules/rule-tester';
import { tempDir } from '../support/temp-dir';
import { DECEPTIVE_IDS, longId, PROTOTYPE_NAMES } from './hostile-names';

/** Every test here is guarded by vitest's timeout: a blocking open() on a FIFO fails it instead of hanging the run. */
const HANG_GUARD_MS = 60_000;

const dir = tempDir({ 'regular.json': '{"a": 1}', 'twenty.txt': 'x'.repeat(20) });
afterAll(() => dir.dispose());

function refusal(path: string, options?: Parameters<typeof readTextFile>[1]): { reason: string; message: string } {
  try {
    readTextFile(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FileReadError);
    return { reason: (error as FileReadError).reason, message: (error as FileReadError).message };
  }
  throw new Error(`${path} was read`);
}

describe('readTextFile: regular files only, size capped', () => {
  it('reads a regular file, and one through a symlink when links are followed', () => {
    expect(readTextFile(dir.path('regular.json'))).toBe('{"a": 1}');
    symlinkSync(dir.path('regular.json'), dir.path('link.json'));
    expect(readTextFile(dir.path('link.json'))).toBe('{"a": 1}');
    expect(refusal(dir.path('link.json'), { followSymlinks: false })).toEqual({
      reason: 'not-regular',
      message: 'is a symbolic link (not followed)',
    });
  });

  it(
    'refuses a FIFO without opening it for a blocking read (no writer ever comes)',
    () => {
      execFileSync('mkfifo', [dir.path('pipe.json')]);
      expect(refusal(dir.path('pipe.json'))).toEqual({ reason: 'not-regular', message: 'not a regular file (a FIFO)' });
      symlinkSync(dir.path('pipe.json'), dir.path('to-pipe.json'));
      expect(refusal(dir.path('to-pipe.json')).message).toBe('not a regular file (a FIFO)');
    },
    HANG_GUARD_MS,
  );

  it.each(['/dev/zero', '/dev/urandom', '/dev/null'])(
    'refuses the device %s, directly and through a symlink',
    (device) => {
      expect(refusal(device)).toEqual({ reason: 'not-regular', message: 'not a regular file (a character device)' });
      const link = dir.path(`dev-${device.slice(5)}.json`);
      symlinkSync(device, link);
      expect(refusal(link).message).toBe('not a regular file (a character device)');
    },
    HANG_GUARD_MS,
  );

  it(
    "refuses /dev/stdin (tsserver's protocol stream) unless the process's stdin is a regular file",
    () => {
      const stdinIsFile = (() => {
        try {
          return statSync('/dev/stdin').isFile();
        } catch {
          return false;
        }
      })();
      if (stdinIsFile) return; // e.g. `vitest < file`: then /dev/stdin is an ordinary file
      const error = (() => {
        try {
          readTextFile('/dev/stdin');
        } catch (caught) {
          return caught as FileReadError;
        }
        throw new Error('/dev/stdin was read');
      })();
      expect(error).toBeInstanceOf(FileReadError);
      expect(error.message).toMatch(/^not a regular file|no such file or directory/);
    },
    HANG_GUARD_MS,
  );

  it('refuses a file over the cap, and reads one at the cap', () => {
    expect(refusal(dir.path('twenty.txt'), { maxBytes: 19 })).toEqual({
      reason: 'too-large',
      message: 'too large (20 bytes; the limit is 19 bytes, set ERROR_CATALOG_MAX_FILE_BYTES to raise it)',
    });
    expect(readTextFile(dir.path('twenty.txt'), { maxBytes: 20 })).toBe('x'.repeat(20));
  });

  it('takes the cap from ERROR_CATALOG_MAX_FILE_BYTES when it is a positive integer, else 64 MiB', () => {
    expect(maxFileBytes({})).toBe(64 * 1024 * 1024);
    expect(maxFileBytes({ ERROR_CATALOG_MAX_FILE_BYTES: '1000' })).toBe(1000);
    expect(maxFileBytes({ ERROR_CATALOG_MAX_FILE_BYTES: '0' })).toBe(64 * 1024 * 1024);
    expect(maxFileBytes({ ERROR_CATALOG_MAX_FILE_BYTES: 'lots' })).toBe(64 * 1024 * 1024);
  });

  it('names a missing file and a directory plainly', () => {
    expect(refusal(dir.path('missing.json'))).toEqual({ reason: 'fs', message: 'no such file or directory' });
    expect(refusal(dir.dir)).toEqual({ reason: 'fs', message: 'is a directory' });
  });
});

describe('display helpers: bounded, invisible characters made visible', () => {
  it('escapes every character of an id outside printable ASCII', () => {
    expect(displayId('security.token.inv\u200Balid')).toBe('security.token.inv\\u200Balid');
    expect(displayId('security.t\u043Eken.invalid')).toBe('security.t\\u043Eken.invalid');
    expect(displayId('a.b.\u{1F525}')).toBe('a.b.\\u{1F525}');
  });

  it('escapes invisible characters in text but leaves letters of any script alone', () => {
    expect(displayText('Неверный токен\u200B')).toBe('Неверный токен\\u200B');
    expect(displayText('line one\nline two')).toBe('line one\nline two');
  });

  it('cuts long text with an ellipsis, within the bound, without splitting an escape', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abcd', 4)).toBe('abcd');
    const id = displayId(longId(1_000_000));
    expect(id).toHaveLength(200);
    expect(id.endsWith('x…')).toBe(true);
    const escaped = displayId(`${'a'.repeat(195)}\u200B\u200B`);
    expect(escaped).toBe(`${'a'.repeat(195)}…`);
    expect(displayText('d'.repeat(10_000_000), 4000)).toHaveLength(4000);
  });
});

describe('ids hiding invisible or look-alike characters are id-shaped', () => {
  it.each(DECEPTIVE_IDS.map((id) => JSON.parse(`"${id}"`) as string))('%j', (id) => {
    expect(looksLikeErrorId(id)).toBe(true);
  });

  it('while messages and other text are not', () => {
    expect(looksLikeErrorId('Invalid token.')).toBe(false);
    expect(looksLikeErrorId('Неверный.токен.x')).toBe(false);
    expect(looksLikeErrorId('security.token.invalid')).toBe(true);
  });
});

describe('prototype names never reach Object.prototype', () => {
  it.each(PROTOTYPE_NAMES)('a method table has no %s unless the config gives one', (name) => {
    const matcher = new CallMatcher(resolveCalls(undefined));
    const args: CallSiteDescription['arguments'] = ['security', 'token', 'nope'].map((value, i) => ({
      kind: 'static',
      value,
      range: [i * 10, i * 10 + 5],
      literal: true,
    }));
    const site = (callee: CallSiteDescription['callee']): CallSiteDescription => ({
      kind: 'call',
      thrown: false,
      range: [0, 40],
      callee,
      arguments: args,
    });
    // kerror.<name>(…), import { <name> } from './kerror', and a wrapper's <name>(…)
    expect(matcher.match(site({ root: { kind: 'global', name: 'kerror' }, members: [name] }))).toBeUndefined();
    expect(
      matcher.match(site({ root: { kind: 'module', name: 'x', source: './kerror', imported: name }, members: [] })),
    ).toBeUndefined();
    const wrap = site({ root: { kind: 'global', name: 'kerror' }, members: ['wrap'] });
    expect(matcher.match(site({ root: { kind: 'value', name: 'w', init: wrap }, members: [name] }))).toBeUndefined();
    // …while the real method is found.
    expect(matcher.match(site({ root: { kind: 'global', name: 'kerror' }, members: ['get'] }))?.form).toBe('split');
  });

  const NOPE = { id: 'security.token.nope', domain: 'security', subdomain: 'token', name: 'nope', didYouMean: '' };
  const PROTO_THEN_UNKNOWN =
    "import { toString as get } from './kerror';\nget('a', 'b', 'c');\ngetError('security.token.nope');";
  const rule = testerRule(ruleModule);
  tsTester().run('no-unknown-id: prototype-named imports and destructuring', rule, {
    valid: [
      "import { toString as get } from './kerror';\nget('security', 'token', 'nope');",
      "import { constructor as getError } from './kerror';\ngetError('security', 'token', 'nope');",
      "const { hasOwnProperty: reject } = require('./kerror');\nreject('security', 'token', 'nope');",
      "const { constructor: getError } = require('./errors');\nexport const e = getError;",
      "import * as kerror from './kerror';\nkerror.toString('security', 'token', 'nope');\nkerror.__proto__;",
      "import * as kerror from './kerror';\nconst scoped = kerror.wrap('security', 'token');\nscoped.valueOf('nope');",
    ],
    invalid: [
      {
        // The findings of the rest of the file are not lost.
        code: PROTO_THEN_UNKNOWN,
        errors: [
          {
            messageId: 'unknownError',
            data: NOPE,
            ...at(PROTO_THEN_UNKNOWN, "'security.token.nope'"),
            suggestions: [],
          },
        ],
      },
      {
        code: "getError('security.token.constructor');",
        errors: [
          {
            messageId: 'unknownError',
            data: {
              id: 'security.token.constructor',
              domain: 'security',
              subdomain: 'token',
              name: 'constructor',
              didYouMean: '',
            },
          },
        ],
      },
    ],
  });

  const TO_STRING_CALL = "import * as kerror from './kerror';\nkerror.toString('security', 'token', 'nope');";
  tsTester().run('no-unknown-id: a calls config whose method is a prototype name', rule, {
    valid: [],
    invalid: [
      {
        code: TO_STRING_CALL,
        settings: {
          'error-catalog': {
            catalog: CATALOG,
            calls: { modules: [{ module: 'kerror', methods: { toString: ['domain', 'subdomain', 'name'] } }] },
          },
        },
        errors: [{ messageId: 'unknownError', data: NOPE, ...at(TO_STRING_CALL, "'nope'") }],
      },
    ],
  });
});

describe('long and deceptive ids in findings', () => {
  const rule = testerRule(ruleModule);
  const long = longId(1_000_000);
  jsTester('module').run('no-unknown-id: bounded and readable messages', rule, {
    valid: [],
    invalid: [
      {
        code: `throw new ApiError('security.token.inv\\u200Balid');`,
        errors: [
          {
            messageId: 'unknownError',
            data: {
              id: 'security.token.inv\\u200Balid',
              name: 'inv\\u200Balid',
              domain: 'security',
              subdomain: 'token',
              didYouMean: " Did you mean 'security.token.invalid'?",
            },
            suggestions: [
              {
                messageId: 'replaceWith',
                data: { id: 'security.token.invalid' },
                output: "throw new ApiError('security.token.invalid');",
              },
            ],
          },
        ],
      },
      {
        code: `getError('${long}');`,
        errors: [
          {
            messageId: 'unknownError',
            data: {
              id: `${long.slice(0, 199)}…`,
              domain: 'security',
              subdomain: 'token',
              name: `${'x'.repeat(199)}…`,
              didYouMean: '',
            },
          },
        ],
      },
    ],
  });
});

describe('unified diff at scale', () => {
  it('diffs 200,000-line pages without overflowing the stack (no spread of the changed lines)', () => {
    const before = Array.from({ length: 200_000 }, (_, i) => `line ${i}\n`).join('');
    const after = Array.from({ length: 200_000 }, (_, i) => `row ${i}\n`).join('');
    const diff = unifiedDiff(before, after, 'a/page', 'b/page');
    expect(diff.startsWith('--- a/page\n+++ b/page\n@@ -1,200000 +1,200000 @@\n-line 0\n')).toBe(true);
    expect(diff.split('\n')).toHaveLength(400_004);
    // Every 10th line of 3,000 changed: many hunks, each numbered right (counted once, not per hunk).
    const small = before.slice(0, before.indexOf('line 3000\n'));
    const sparse = small
      .split('\n')
      .map((line, i) => (i % 10 === 5 ? `${line}!` : line))
      .join('\n');
    const hunks = unifiedDiff(small, sparse, 'a', 'b');
    expect(hunks).toContain('@@ -2993,7 +2993,7 @@\n line 2992\n line 2993\n line 2994\n-line 2995\n+line 2995!\n');
    expect(hunks.match(/^@@ /gm)).toHaveLength(300);
  });
});
