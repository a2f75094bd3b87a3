import type { Catalog } from '../../catalog';
import type { OracleStatement } from './program-generator';

export type OracleRule = 'no-unknown-id' | 'no-deprecated-id' | 'placeholder-count';

/**
 * What an oracle statement must produce, from the catalog alone and written independently of
 * catalog/callsite: an unknown id is one `no-unknown-id` finding, a known deprecated id one
 * `no-deprecated-id`, a placeholder count other than the message's one `placeholder-count`
 * (the fuzz suites turn on reporting extra arguments). A trailing options object is not counted.
 */
export function expectedFindings(catalog: Catalog, statement: OracleStatement): OracleRule[] {
  const error = catalog.getError(statement.id);
  if (!error) return ['no-unknown-id'];
  const expected: OracleRule[] = [];
  const deprecated =
    error.deprecated !== undefined ||
    error.subdomain.deprecated !== undefined ||
    error.subdomain.domain.deprecated !== undefined;
  if (deprecated) expected.push('no-deprecated-id');
  const placeholders = (error.message.replace(/%%/g, '').match(/%[sdifjoO]/g) ?? []).length;
  if (statement.placeholders !== placeholders) expected.push('placeholder-count');
  return expected;
}
