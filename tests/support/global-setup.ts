import { packTarball } from './scratch-project';

/**
 * Packs the package once for the whole run, before any worker starts: the integration suites
 * (eslint CLI, tsserver, CLI, package) install that one tarball into their scratch projects.
 */
export default function setup(): void {
  process.env['ERROR_CATALOG_TARBALL'] = packTarball();
}
