import type { Catalog } from '../catalog';
import { checkReference, type Finding, type IdFix } from './findings';
import type { ErrorIdReference, IdPart } from './reference';
import type { Range } from './site';

/**
 * Findings depend on a reference's values and layout, not on where it sits in the file; after an
 * edit most calls are unchanged but moved. So findings are computed once per catalog for a
 * reference shifted to offset 0 (did-you-mean searches are the costly part) and shifted back.
 * For hosts that re-check whole files on every keystroke (the tsserver plugin, the language server).
 */
const shapes = new WeakMap<Catalog, Map<string, readonly Finding[]>>();
const MAX_SHAPES = 10_000;

export function checkReferenceCached(reference: ErrorIdReference, catalog: Catalog): readonly Finding[] {
  const origin = reference.range[0];
  const normalized = shiftReference(reference, -origin);
  const key = JSON.stringify(normalized);
  let byShape = shapes.get(catalog);
  if (!byShape) shapes.set(catalog, (byShape = new Map<string, readonly Finding[]>()));
  let findings = byShape.get(key);
  if (!findings) {
    if (byShape.size >= MAX_SHAPES) byShape.clear();
    findings = checkReference(normalized, catalog);
    byShape.set(key, findings);
  }
  return origin === 0 ? findings : findings.map((finding) => shiftFinding(finding, origin));
}

const shift = (range: Range, by: number): Range => [range[0] + by, range[1] + by];
const shiftPart = (part: IdPart, by: number): IdPart => {
  if (part.kind === 'missing') return part;
  if (part.kind !== 'choice') return { ...part, range: shift(part.range, by) };
  // A conditional's branches move with it: findings and fixes sit on the branch.
  const options = part.options.map((option) => ({ ...option, range: shift(option.range, by) }));
  return { ...part, range: shift(part.range, by), options };
};

function shiftReference(reference: ErrorIdReference, by: number): ErrorIdReference {
  const range = shift(reference.range, by);
  switch (reference.form) {
    case 'dotted':
      return { ...reference, range, id: shiftPart(reference.id, by) };
    case 'scope':
      return {
        ...reference,
        range,
        domain: shiftPart(reference.domain, by),
        subdomain: shiftPart(reference.subdomain, by),
      };
    default:
      return {
        ...reference,
        range,
        domain: shiftPart(reference.domain, by),
        subdomain: shiftPart(reference.subdomain, by),
        name: shiftPart(reference.name, by),
      };
  }
}

function shiftFix(fix: IdFix, by: number): IdFix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: shift(edit.range, by) })) };
}

function shiftFinding(finding: Finding, by: number): Finding {
  return {
    ...finding,
    range: shift(finding.range, by),
    fix: finding.fix && shiftFix(finding.fix, by),
    suggestions: finding.suggestions.map((fix) => shiftFix(fix, by)),
  };
}
