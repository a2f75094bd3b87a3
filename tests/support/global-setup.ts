import { rmSync } from 'node:fs';
import { createRunDir, packTarball } from './scratch-project';

/**
 * Packs the package once for the whole run, before any worker starts, into a directory of this
 * run only (parallel runs never share it): the integration suites (eslint CLI, tsserver, CLI,
 * package) install that one tarball into their scratch projects. The teardown removes the run's
 * directory; the shared installs stay for the next run (see scratch-project.ts).
 */
export default function setup(): () => void {
  const runDir = createRunDir();
  process.env['ERROR_CATALOG_RUN_DIR'] = runDir;
  process.env['ERROR_CATALOG_TARBALL'] = packTarball(runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
