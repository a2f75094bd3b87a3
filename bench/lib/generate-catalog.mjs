// Generates a large, valid catalog directory for benchmarks: `domains` domain files with
// `subdomainsPerDomain` subdomains each, `errors` errors in all, messages of realistic length
// (about 240 bytes of JSON per error, so 50,000 errors ≈ 12 MB). Some messages have
// placeholders and about 2% of errors are deprecated with a replacement.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = [
  'token',
  'user',
  'profile',
  'role',
  'index',
  'document',
  'request',
  'plugin',
  'storage',
  'cluster',
  'network',
  'session',
  'query',
  'limit',
  'auth',
  'cache',
];

export function generateCatalog(dir, { errors = 50_000, domains = 50, subdomainsPerDomain = 20 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const perSubdomain = Math.ceil(errors / (domains * subdomainsPerDomain));
  const ids = [];
  let made = 0;
  for (let d = 0; d < domains && made < errors; d++) {
    const domainName = `${WORDS[d % WORDS.length]}_d${d}`;
    const subDomains = {};
    for (let s = 0; s < subdomainsPerDomain && made < errors; s++) {
      const subName = `${WORDS[(d + s) % WORDS.length]}_s${s}`;
      const errs = {};
      for (let e = 1; e <= perSubdomain && made < errors; e++, made++) {
        const name = `${WORDS[(d + s + e) % WORDS.length]}_failed_${e}`;
        const id = `${domainName}.${subName}.${name}`;
        const entry = {
          code: e,
          message:
            e % 3 === 0
              ? `The ${WORDS[e % WORDS.length]} "%s" could not be processed by %s`
              : `The ${WORDS[e % WORDS.length]} operation failed for an unexpected reason`,
          description: `Raised when the ${WORDS[(e + 1) % WORDS.length]} operation of ${subName} fails; see the ${WORDS[(e + 2) % WORDS.length]} docs.`,
          class: e % 2 === 0 ? 'BadRequestError' : 'InternalError',
        };
        if (e % 50 === 0 && e > 1) {
          entry.deprecated = '2.0.0';
          entry.replacedBy = `${domainName}.${subName}.${WORDS[(d + s + 1) % WORDS.length]}_failed_1`;
        }
        errs[name] = entry;
        ids.push(id);
      }
      subDomains[subName] = { code: s, errors: errs };
    }
    writeFileSync(join(dir, `${d}-${domainName}.json`), JSON.stringify({ code: d, subDomains }, null, 2));
  }
  return ids;
}
