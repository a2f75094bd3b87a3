/**
 * `error-catalog/ts-plugin`: a TypeScript language-service plugin, enabled with
 * `{ "compilerOptions": { "plugins": [{ "name": "error-catalog/ts-plugin" }] } }`.
 * tsserver loads plugins with `require` and calls the module itself, so this is CommonJS with
 * `export =`; the factory lives in plugin.ts, where tests import it by name.
 */
import { init } from './plugin';

export = init;
