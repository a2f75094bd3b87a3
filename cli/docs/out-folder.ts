import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { describeErrno, FileReadError, readTextFile } from '../../catalog/read-file';
import { displayPath } from '../output';

/**
 * The docs output folder, as a repository may have prepared it: every path under it is checked
 * with lstat and never followed when it is a symbolic link, so `docs` reads, writes and deletes
 * only `<out>/<domain>/index.md` files that really are under `<out>` (SECURITY.md).
 */

/** The folder cannot be used as asked (a symlink, a file in the way, a name too long): exit 2, one line. */
export class OutputError extends Error {}

/** NAME_MAX of every common file system (ext4, APFS, NTFS count 255 bytes or UTF-16 units). */
const MAX_NAME_BYTES = 255;

/** What is at a page's path now. */
export type PageState =
  | { readonly kind: 'missing' }
  /** A file this command generated (it carries the marker): its content may be shown in a diff. */
  | { readonly kind: 'generated'; readonly content: string }
  /** A file written by someone else: never shown, only replaced by `docs`. */
  | { readonly kind: 'foreign'; readonly content: string };

export class OutFolder {
  private constructor(readonly dir: string) {}

  /** `dir` must be a directory or not exist; it is never a symbolic link (that would send pages elsewhere). */
  static open(dir: string): OutFolder {
    const absolute = resolve(dir);
    const stat = lstatOrUndefined(absolute);
    if (stat?.isSymbolicLink())
      throw new OutputError(`refusing to use ${displayPath(absolute)}: it is a symbolic link (give the real folder)`);
    if (stat && !stat.isDirectory())
      throw new OutputError(`cannot use ${displayPath(absolute)} as the output folder: it is not a directory`);
    return new OutFolder(absolute);
  }

  /** Reads the page at `page` (relative, e.g. `security/index.md`) without following any link. */
  read(page: string, marker: string): PageState {
    const file = this.pathOf(page);
    this.refuseLinks(dirname(file));
    const stat = lstatOrUndefined(file);
    if (stat === undefined) return { kind: 'missing' };
    if (stat.isSymbolicLink()) throw refusedLink(file);
    let content: string;
    try {
      content = readTextFile(file, { followSymlinks: false });
    } catch (error) {
      if (error instanceof FileReadError && error.message.startsWith('is a symbolic link')) throw refusedLink(file);
      throw new OutputError(`cannot read ${displayPath(file)}: ${describeErrno(error)}`);
    }
    return content.includes(marker) ? { kind: 'generated', content } : { kind: 'foreign', content };
  }

  /** Writes a page: to a new file renamed over the old entry, so nothing outside `<out>` is written through a link. */
  write(page: string, content: string): void {
    const file = this.pathOf(page);
    const dir = dirname(file);
    this.refuseLinks(dir);
    try {
      mkdirSync(this.dir, { recursive: true });
      if (lstatOrUndefined(dir) === undefined) mkdirSync(dir);
    } catch (error) {
      throw new OutputError(`cannot create ${displayPath(dir)}: ${describeErrno(error)}`);
    }
    const temp = join(dir, `.index.md.${process.pid}.tmp`);
    try {
      const fd = openSync(temp, 'wx'); // O_CREAT | O_EXCL: never opens an existing file or link
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw new OutputError(`cannot write ${displayPath(file)}: ${describeErrno(error)}`);
    }
  }

  /** Deletes a stale page (the link check was made when it was read). */
  remove(page: string): void {
    const file = this.pathOf(page);
    this.refuseLinks(dirname(file));
    if (lstatOrUndefined(file)?.isSymbolicLink()) throw refusedLink(file);
    try {
      rmSync(file);
    } catch (error) {
      throw new OutputError(`cannot delete ${displayPath(file)}: ${describeErrno(error)}`);
    }
  }

  /** Names of the sub-folders of `<out>` (links refused), for finding pages of removed domains. */
  folders(): string[] {
    let entries;
    try {
      entries = readdirSync(this.dir, { withFileTypes: true });
    } catch {
      return []; // no output folder yet: nothing stale
    }
    const names: string[] = [];
    for (const entry of entries) {
      if (entry.isSymbolicLink()) throw refusedLink(join(this.dir, entry.name));
      if (entry.isDirectory()) names.push(entry.name);
    }
    return names.sort();
  }

  /** `<out>/<page>`, refused when the page path would leave `<out>` (a domain name cannot, but this is the one check). */
  private pathOf(page: string): string {
    const file = resolve(this.dir, page);
    const rel = relative(this.dir, file);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
      throw new OutputError(`refusing to write ${page}: it is outside ${displayPath(this.dir)}`);
    // Checked here, before anything is written: a missing folder would hide it from lstat until mkdir.
    let current = this.dir;
    for (const part of rel.split(sep)) {
      current = join(current, part);
      if (Buffer.byteLength(part) > MAX_NAME_BYTES)
        throw new OutputError(`cannot use ${displayPath(current)}: the file name is too long`);
    }
    return file;
  }

  /** Every folder between `<out>` and `dir` must be a real folder, not a link. */
  private refuseLinks(dir: string): void {
    const rel = relative(this.dir, dir);
    if (rel === '') return;
    let current = this.dir;
    for (const part of rel.split(sep)) {
      current = join(current, part);
      const stat = lstatOrUndefined(current);
      if (stat === undefined) return;
      if (stat.isSymbolicLink()) throw refusedLink(current);
      if (!stat.isDirectory()) throw new OutputError(`cannot use ${displayPath(current)}: it is not a directory`);
    }
  }
}

function refusedLink(path: string): OutputError {
  return new OutputError(`refusing to follow the symbolic link ${displayPath(path)} in the output folder; remove it`);
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new OutputError(`cannot use ${displayPath(path)}: ${describeErrno(error)}`);
  }
}
