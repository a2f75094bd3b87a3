import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../server/settings';

describe('language server settings', () => {
  it('reads the errorCatalog section or the section itself', () => {
    expect(readSettings({ errorCatalog: { codeDocuments: false } })).toEqual({ codeDocuments: false });
    expect(readSettings({ codeDocuments: false })).toEqual({ codeDocuments: false });
  });

  it('keeps what it had for anything missing or mistyped', () => {
    const off = { codeDocuments: false };
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null, off)).toBe(off);
    expect(readSettings({ errorCatalog: { codeDocuments: 'no' } }, off)).toEqual(off);
    expect(readSettings({ errorCatalog: 3 }, off)).toBe(off);
    expect(readSettings({ other: true })).toEqual(DEFAULT_SETTINGS);
    // A prototype key is not a setting.
    expect(readSettings(JSON.parse('{"__proto__": {"codeDocuments": false}}'))).toEqual(DEFAULT_SETTINGS);
  });
});
