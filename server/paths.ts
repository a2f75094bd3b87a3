import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Extensions of the code documents the server serves (declaration files hold no calls). */
const CODE_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

export function isCodeFile(file: string): boolean {
  return CODE_EXTENSIONS.has(extname(file).toLowerCase()) && !/\.d\.[cm]?ts$/i.test(file);
}

export function isJsonFile(file: string): boolean {
  return extname(file).toLowerCase() === '.json';
}

/** The file of a `file:` URI; undefined for other schemes (`untitled:`, virtual documents). */
export function fileOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}
