import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary directory with files written from a path → content map; removed by `dispose`. */
export function tempDir(files: Record<string, string> = {}): {
  dir: string;
  // closures, not methods: they may be passed around unbound (`cleanup.push(d.dispose)`)
  write: (path: string, content: string) => string;
  path: (p: string) => string;
  dispose: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-'));
  const write = (path: string, content: string): string => {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    return target;
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  return { dir, write, path: (p) => join(dir, p), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal valid error entry. */
export function errorEntry(code: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code, message: `Message ${code}`, description: `Description ${code}`, class: 'BadRequestError', ...extra };
}
