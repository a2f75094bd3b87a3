import { describe, expect, it } from 'vitest';
import { createErrors, KnownError, loadCatalog } from '../../catalog';
import { deprecationCatalog } from '../support/deprecation-catalog';

const errors = createErrors(loadCatalog().catalog);

describe('runtime errors from the catalog', () => {
  it('getError carries id, code, status, class name and the formatted message', () => {
    const error = errors.getError('security.role.invalid_controller', 'admin/panel');
    expect(error).toBeInstanceOf(KnownError);
    expect(error).toBeInstanceOf(Error);
    expect({
      name: error.name,
      id: error.id,
      code: error.code,
      hexCode: error.hexCode,
      status: error.status,
      message: error.message,
    }).toEqual({
      name: 'BadRequestError',
      id: 'security.role.invalid_controller',
      code: 0x07050006,
      hexCode: '0x07050006',
      status: 400,
      message: 'Unknown controller "admin/panel"',
    });
  });

  it('the split form, wrappers and rejections raise the same errors', async () => {
    expect(errors.get('security', 'token', 'invalid').id).toBe('security.token.invalid');
    expect(errors.wrap('security', 'token').get('expired').status).toBe(401);
    const cause = new Error('db down');
    const wrapped = errors.wrap('security', 'user').getFrom(cause, 'not_found');
    expect([wrapped.id, wrapped.cause]).toEqual(['security.user.not_found', cause]);
    await expect(errors.reject('security', 'rights', 'forbidden')).rejects.toMatchObject({ status: 403 });
    await expect(errors.wrap('security', 'rights').rejectFrom(cause, 'unauthorized')).rejects.toMatchObject({
      id: 'security.rights.unauthorized',
      cause,
    });
  });

  it('an unknown id or subdomain is a programming error that names the id', () => {
    expect(() => errors.getError('security.token.expird')).toThrow("Unknown error id 'security.token.expird'");
    expect(() => errors.getError('security.token.__proto__')).toThrow("Unknown error id 'security.token.__proto__'");
    expect(() => errors.wrap('security', 'tokens')).toThrow("Unknown error subdomain 'security.tokens'");
  });

  it('raises errors of an older catalog: deprecated with true or false, lower-case subdomains', () => {
    const older = createErrors(deprecationCatalog());
    expect(older.getError('api.main.retired').message).toBe('Message 6');
    expect(older.getError('api.main.kept').code).toBe(0x01010007);
    expect(older.get('vintage', 'misc', 'thing').hexCode).toBe('0x03010001');
    expect(older.wrap('api', 'flagged').get('thing').status).toBe(400);
  });
});
