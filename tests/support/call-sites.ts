import type { ArgumentDescription, CallSiteDescription, RootBinding } from '../../catalog';

/**
 * Builds neutral call-site descriptions for the shared decision tests, as the adapters would:
 * each argument gets a range as if the call were written `callee(arg, arg, ...)` from offset 0.
 */
export type ArgSpec = string | { const: string }; // also the markers 'DYNAMIC', 'OBJECT', 'SPREAD'

export function site(
  root: RootBinding,
  members: string[],
  args: ArgSpec[],
  options: { kind?: 'call' | 'new'; thrown?: boolean } = {},
): CallSiteDescription {
  let offset = 10;
  const described: ArgumentDescription[] = args.map((spec) => {
    const width = typeof spec === 'string' && !['DYNAMIC', 'OBJECT', 'SPREAD'].includes(spec) ? spec.length + 2 : 8;
    const range = [offset, offset + width] as const;
    offset += width + 2;
    if (spec === 'DYNAMIC') return { kind: 'dynamic', range };
    if (spec === 'OBJECT') return { kind: 'object', range };
    if (spec === 'SPREAD') return { kind: 'spread', range };
    if (typeof spec === 'string') return { kind: 'static', value: spec, range, literal: true };
    return { kind: 'static', value: spec.const, range, literal: false };
  });
  return {
    kind: options.kind ?? 'call',
    thrown: options.thrown ?? false,
    callee: { root, members },
    arguments: described,
    range: [0, offset],
  };
}

export const global = (name: string): RootBinding => ({ kind: 'global', name });
export const local = (name: string): RootBinding => ({ kind: 'local', name });
export const imported = (name: string, source: string, importedName?: string): RootBinding =>
  importedName === undefined
    ? { kind: 'module', name, source }
    : { kind: 'module', name, source, imported: importedName };
export const value = (name: string, init: CallSiteDescription): RootBinding => ({ kind: 'value', name, init });
