import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../server/settings';

const off = { ...DEFAULT_SETTINGS, codeDocuments: false };

describe('language server settings', () => {
  it('reads the errorCatalog section or the section itself', () => {
    expect(readSettings({ errorCatalog: { codeDocuments: false } })).toEqual(off);
    expect(readSettings({ codeDocuments: false })).toEqual(off);
    expect(readSettings({ errorCatalog: { severity: { deprecated: 'hint', unknown: 'off' } } }).severity).toEqual({
      unknown: 'off',
      deprecated: 'hint',
      placeholders: 'error',
    });
  });

  it('keeps what it had for anything missing or mistyped', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null, off)).toBe(off);
    expect(readSettings({ errorCatalog: { codeDocuments: 'no' } }, off)).toEqual(off);
    expect(readSettings({ errorCatalog: 3 }, off)).toBe(off);
    expect(readSettings({ other: true })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ severity: { unknown: 'fatal', toString: 'off' } })).toEqual(DEFAULT_SETTINGS);
    // A prototype key is not a setting.
    expect(readSettings(JSON.parse('{"__proto__": {"codeDocuments": false}}'))).toEqual(DEFAULT_SETTINGS);
  });
});
