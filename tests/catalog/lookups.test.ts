import { describe, expect, it } from 'vitest';
import { countPlaceholders, formatMessage, loadCatalog, parseErrorId, looksLikeErrorId } from '../../catalog';
import { deprecationCatalog } from '../support/deprecation-catalog';

const shipped = loadCatalog().catalog;
const catalog = deprecationCatalog();

describe('look-ups', () => {
  it('parses ids and tells ids from messages', () => {
    expect(parseErrorId('security.token.invalid')).toEqual({ domain: 'security', subdomain: 'token', name: 'invalid' });
    expect(parseErrorId('security.token')).toBeUndefined();
    expect(parseErrorId('a.b.c.d')).toBeUndefined();
    expect(looksLikeErrorId('security.token.invalid')).toBe(true);
    expect(looksLikeErrorId('a.b.c.d')).toBe(true);
    expect(looksLikeErrorId('Invalid token.')).toBe(false);
    expect(looksLikeErrorId('config.json')).toBe(false);
    expect(looksLikeErrorId('Security.Token.Invalid')).toBe(false);
  });

  it('finds errors by id, by parts, and lists children', () => {
    expect(shipped.findError('security', 'token', 'invalid')).toBe(shipped.getError('security.token.invalid'));
    expect([...shipped.getSubdomain('security', 'rights')!.errors.keys()]).toEqual(['unauthorized', 'forbidden']);
    expect(shipped.getDomain('security')!.code).toBe(7);
  });

  it('never resolves prototype names', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(shipped.getError(`security.token.${name}`)).toBeUndefined();
      expect(shipped.findError('security', 'token', name)).toBeUndefined();
      expect(shipped.findError(name, name, name)).toBeUndefined();
      expect(shipped.getSubdomain('security', name)).toBeUndefined();
      expect(shipped.getDomain(name)).toBeUndefined();
    }
    // …while an error really named `constructor` is found.
    expect(catalog.getError('api.main.constructor')?.code).toBe(4);
  });

  it('sees deprecation from the error, its subdomain or its domain', () => {
    expect(catalog.deprecationOf(catalog.getError('api.main.gone')!)).toEqual({
      level: 'error',
      since: '3.0.0',
      replacedBy: 'api.main.fresh',
    });
    expect(catalog.deprecationOf(catalog.getError('api.old.thing')!)).toEqual({
      level: 'subdomain',
      since: '2.0.0',
      replacedBy: undefined,
    });
    expect(catalog.deprecationOf(catalog.getError('legacy.misc.thing')!)).toEqual({
      level: 'domain',
      since: '1.0.0',
      replacedBy: undefined,
    });
    expect(catalog.deprecationOf(catalog.getError('api.main.fresh')!)).toBeUndefined();
  });

  it('expresses "deprecated, version unknown" for older catalogs\' "deprecated": true; false is not deprecated', () => {
    expect(catalog.deprecationOf(catalog.getError('api.main.retired')!)).toEqual({
      level: 'error',
      since: undefined,
      replacedBy: undefined,
    });
    expect(catalog.deprecationOf(catalog.getError('api.flagged.thing')!)).toEqual({
      level: 'subdomain',
      since: undefined,
      replacedBy: undefined,
    });
    expect(catalog.deprecationOf(catalog.getError('vintage.misc.thing')!)).toEqual({
      level: 'domain',
      since: undefined,
      replacedBy: undefined,
    });
    expect(catalog.getDomain('vintage')?.deprecated).toEqual({ since: undefined });
    expect(catalog.getError('api.main.kept')?.deprecated).toBeUndefined();
    expect(catalog.deprecationOf(catalog.getError('api.main.kept')!)).toBeUndefined();
    expect(catalog.isDeprecated(catalog.getError('api.main.retired')!)).toBe(true);
    expect(catalog.isDeprecated(catalog.getError('api.main.kept')!)).toBe(false);
    // Never proposed as did-you-mean candidates, like versioned deprecations.
    expect(catalog.suggest('api.main.retird').map((s) => s.id)).not.toContain('api.main.retired');
    expect(catalog.suggestPart('domain', 'vintag')).toEqual([]);
  });

  it('counts and fills placeholders like util.format', () => {
    expect(countPlaceholders('no placeholder')).toBe(0);
    expect(countPlaceholders('%s %d %i %f %j %o %O')).toBe(7);
    expect(countPlaceholders('100%% of %s, %x is not one')).toBe(1);
    expect(catalog.placeholderCount(catalog.getError('api.main.fresh')!)).toBe(2);
    expect(catalog.placeholderCount(catalog.getError('api.main.pct')!)).toBe(0);
    expect(formatMessage('User %s cannot %d (%j), 100%%', ['bob', '7', { a: 1 }])).toBe(
      'User bob cannot 7 ({"a":1}), 100%',
    );
    expect(formatMessage('Missing %s and %s', ['a'])).toBe('Missing a and %s');
  });

  it('maps classes to statuses, with project overrides', () => {
    const error = shipped.getError('security.rights.forbidden')!;
    expect(shipped.statusOf(error)).toBe(403);
    expect(loadCatalog(undefined, { ForbiddenError: 451 }).catalog.statusOf(error)).toBe(451);
  });

  it('suggests the closest known ids, never deprecated ones', () => {
    expect(shipped.suggest('security.tokn.invalid')).toEqual([{ id: 'security.token.invalid', distance: 1 }]);
    expect(shipped.suggest('secuirty.token.expired').map((s) => s.id)).toEqual(['security.token.expired']);
    expect(shipped.suggest('security.token.expird')[0]).toEqual({ id: 'security.token.expired', distance: 1 });
    // The same name under another subdomain.
    expect(shipped.suggest('security.profile.already_exists').map((s) => s.id)).toContain(
      'security.user.already_exists',
    );
    expect(shipped.suggest('security.role.invalid_controler').map((s) => s.id)).not.toContain(
      'security.role.invalid_controller',
    );
    expect(shipped.suggest('completely.unrelated.thing')).toEqual([]);
  });

  it('locates entries at their key in the catalog file', () => {
    const location = shipped.locationOf(shipped.getError('security.token.expired')!)!;
    expect(location.file.endsWith('07-security.json')).toBe(true);
    expect(location).toMatchObject({ line: 37, column: 9, length: '"expired"'.length });
    expect(shipped.locationOf(shipped.getSubdomain('security', 'rights')!)).toMatchObject({ column: 5 });
  });
});
