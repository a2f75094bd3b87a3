import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * The one way the tools read a file named by a repository (config, catalog, tsconfig's
 * `configFile`, `.gitignore`): a repository may be hostile, so only a regular file is read, and
 * only up to a size cap. A FIFO, a device (`/dev/zero`, `/dev/urandom`, `/dev/stdin` — tsserver's
 * own protocol stream) or a symlink to one is refused without a blocking open or a read.
 */

/** Default cap: far above the largest real catalog file (the shipped one is ~10 KiB per domain). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Environment variable that overrides the cap, in bytes (for every surface: ESLint, tsserver, CLI). */
export const MAX_FILE_BYTES_ENV = 'ERROR_CATALOG_MAX_FILE_BYTES';

/** Why a file was not read: `message` is a short phrase for "cannot read <what>: <message>". */
export class FileReadError extends Error {
  constructor(
    readonly reason: 'not-regular' | 'too-large' | 'fs',
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The size cap in effect: $ERROR_CATALOG_MAX_FILE_BYTES when it is a positive integer, else 64 MiB. */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_FILE_BYTES_ENV];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_MAX_FILE_BYTES;
  const value = Number(raw.trim());
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_MAX_FILE_BYTES;
}

// O_NONBLOCK: opening a FIFO for reading otherwise blocks in open() until a writer comes.
// O_NOCTTY: opening a terminal (`/dev/stdin` in a shell) must not make it our controlling tty.
// Both are 0 (absent) on Windows, which has neither FIFOs nor such devices in the file system.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export interface ReadOptions {
  /** Size cap in bytes (default: maxFileBytes()). */
  readonly maxBytes?: number;
  /** False: a symbolic link is refused ("is a symbolic link"), not followed (docs' output folder). */
  readonly followSymlinks?: boolean;
}

/**
 * Reads `path` as UTF-8 text. Throws a FileReadError when it is not a regular file (checked
 * before opening, and again with `fstat` on the opened descriptor, so a file swapped in between
 * cannot slip through), when it is larger than the cap, or when the file system refuses.
 */
export function readTextFile(path: string, options: ReadOptions = {}): string {
  const maxBytes = options.maxBytes ?? maxFileBytes();
  const follow = options.followSymlinks ?? true;
  // stat first: a device is never even opened (opening some has side effects).
  const before = statOrThrow(() => (follow ? statSync(path) : lstatSync(path)));
  if (before.isSymbolicLink()) throw new FileReadError('not-regular', 'is a symbolic link (not followed)');
  refuseUnlessRegular(before, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | (follow ? 0 : (constants.O_NOFOLLOW ?? 0)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' && !follow)
      throw new FileReadError('not-regular', 'is a symbolic link (not followed)');
    throw fsError(error);
  }
  try {
    const stat = statOrThrow(() => fstatSync(fd));
    refuseUnlessRegular(stat, maxBytes);
    return readUpTo(fd, stat.size, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** True when `path` is (or links to) a regular file; false for anything else, missing included. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What a non-regular file is, for messages: "a FIFO", "a character device"… */
export function describeFileType(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isFile()) return 'a regular file';
  return 'not a file';
}

/** `64 MiB`, `1.5 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]!}`;
}

function refuseUnlessRegular(stat: Stats, maxBytes: number): void {
  if (stat.isDirectory()) throw new FileReadError('fs', 'is a directory', 'EISDIR');
  if (!stat.isFile()) throw new FileReadError('not-regular', `not a regular file (${describeFileType(stat)})`);
  if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
}

function tooLarge(size: number | undefined, maxBytes: number): FileReadError {
  const actual = size === undefined ? 'more than the limit' : formatBytes(size);
  return new FileReadError(
    'too-large',
    `too large (${actual}; the limit is ${formatBytes(maxBytes)}, set ${MAX_FILE_BYTES_ENV} to raise it)`,
  );
}

/** Reads at most `maxBytes` (+1 to notice a file that grew past the cap since fstat). */
function readUpTo(fd: number, size: number, maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(size, 0), maxBytes) + 1);
  for (;;) {
    let count: number;
    try {
      count = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      throw fsError(error);
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes) throw tooLarge(undefined, maxBytes);
    chunks.push(buffer.subarray(0, count));
    buffer = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes - total + 1));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function statOrThrow(stat: () => Stats): Stats {
  try {
    return stat();
  } catch (error) {
    throw fsError(error);
  }
}

function fsError(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  return new FileReadError('fs', describeErrno(error), code);
}

/** A file-system error in a few words (the errno names are for programmers). */
export function describeErrno(error: unknown): string {
  if (error instanceof FileReadError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a symlink loop?)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'ENXIO':
      return 'not a regular file (no such device or a socket)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
