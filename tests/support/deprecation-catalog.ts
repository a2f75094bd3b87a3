import { loadCatalog, type Catalog } from '../../catalog';
import { errorEntry, tempDir } from './temp-dir';

/**
 * A catalog with deprecation at every level: `legacy` (domain, since 1.0), `api.old` (subdomain,
 * since 2.0), `api.main.gone` (error, since 3.0, replaced by api.main.fresh, the same 2
 * placeholders), `api.main.gone_v0` (since 3.0, replaced by api.main.fresh but with no
 * placeholder), placeholders in `api.main.fresh` (2) and `api.main.pct` (`%%` only, so 0).
 * Older catalogs' forms: `"deprecated": true` (version unknown) on `api.main.retired`, the
 * subdomain `api.flagged` and the domain `vintage` (with lower-case `subdomains`); `false` on
 * `api.main.kept`.
 */
export function deprecationCatalog(): Catalog {
  const d = tempDir({
    'catalog.json': JSON.stringify({
      api: {
        code: 1,
        subDomains: {
          main: {
            code: 1,
            errors: {
              fresh: errorEntry(1, { message: 'User %s cannot %d' }),
              gone: errorEntry(2, { message: 'Gone %s %d', deprecated: '3.0.0', replacedBy: 'api.main.fresh' }),
              pct: errorEntry(3, { message: '100%% done' }),
              constructor: errorEntry(4),
              gone_v0: errorEntry(5, { deprecated: '3.0.0', replacedBy: 'api.main.fresh' }),
              retired: errorEntry(6, { deprecated: true }),
              kept: errorEntry(7, { deprecated: false }),
            },
          },
          old: { code: 2, deprecated: '2.0.0', errors: { thing: errorEntry(1) } },
          flagged: { code: 3, deprecated: true, errors: { thing: errorEntry(1) } },
        },
      },
      legacy: { code: 2, deprecated: '1.0.0', subDomains: { misc: { code: 1, errors: { thing: errorEntry(1) } } } },
      vintage: { code: 3, deprecated: true, subdomains: { misc: { code: 1, errors: { thing: errorEntry(1) } } } },
    }),
  });
  try {
    const { catalog, problems } = loadCatalog(d.path('catalog.json'));
    if (problems.length) throw new Error(JSON.stringify(problems));
    return catalog;
  } finally {
    d.dispose();
  }
}
