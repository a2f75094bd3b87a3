import type { Catalog } from '../catalog';
import { parseErrorId } from '../ids';
import type { CatalogError, Deprecation } from '../model';
import { didYouMean, renderMessage, sinceText, type MessageData, type MessageId } from './messages';
import type {
  DottedReference,
  ErrorIdReference,
  IdPart,
  PlaceholderArguments,
  ScopeReference,
  SplitReference,
} from './reference';
import { variantsOf } from './reference';
import type { Range } from './site';

export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

/** A change that rewrites the id at a call site to another id. */
export interface IdFix {
  /** `replaceWithPlaceholders` when the new id's message takes another number of placeholder arguments. */
  readonly messageId: 'replaceWith' | 'replaceWithPlaceholders';
  readonly data: MessageData & { readonly id: string };
  readonly message: string;
  /** The id the call names after the edits. */
  readonly id: string;
  readonly edits: readonly TextEdit[];
}

export type FindingKind = 'unknown' | 'deprecated' | 'placeholders' | 'dynamic';

export interface Finding {
  readonly kind: FindingKind;
  readonly messageId: MessageId;
  readonly data: MessageData;
  /** `messageId` rendered with `data`. */
  readonly message: string;
  readonly range: Range;
  /** A fix that keeps the code's meaning apart from the id: safe to apply automatically. */
  readonly fix: IdFix | undefined;
  /** Fixes a person should choose between (did-you-mean candidates, rewrites of constants). */
  readonly suggestions: readonly IdFix[];
}

export interface CheckOptions {
  /** Also report calls that pass more placeholder arguments than the message has placeholders. */
  readonly extraPlaceholders?: boolean;
  /** How many did-you-mean candidates to name and offer (default 3). */
  readonly maxSuggestions?: number;
}

type StaticPart = Extract<IdPart, { kind: 'static' }>;
type Parts = readonly [domain: IdPart, subdomain: IdPart, name: IdPart];

/**
 * What is wrong with one error-id reference, given the catalog. A conditional part is checked
 * option by option (variantsOf): each finding sits on the branch it is about.
 */
export function checkReference(reference: ErrorIdReference, catalog: Catalog, options: CheckOptions = {}): Finding[] {
  const variants = variantsOf(reference);
  if (variants.length === 1) return checkVariant(variants[0]!, catalog, options);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const variant of variants) {
    for (const found of checkVariant(variant, catalog, options)) {
      // Two variants sharing a wrong branch say the same thing about it once.
      const key = `${found.range[0]}:${found.range[1]}:${found.messageId}:${found.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(found);
    }
  }
  return findings;
}

function checkVariant(reference: ErrorIdReference, catalog: Catalog, options: CheckOptions): Finding[] {
  const limit = options.maxSuggestions ?? 3;
  switch (reference.form) {
    case 'dotted':
      return checkDotted(reference, catalog, limit, options);
    case 'scope':
      return checkScope(reference, catalog, limit);
    default:
      return checkSplit(reference, catalog, limit, options);
  }
}

function checkDotted(reference: DottedReference, catalog: Catalog, limit: number, options: CheckOptions): Finding[] {
  const part = reference.id;
  if (part.kind === 'missing')
    return [missingPart(reference.range, 'id', "an error id such as 'domain.subdomain.name'")];
  if (part.kind !== 'static') return [finding('dynamic', 'dynamicId', {}, part.range)];
  const error = catalog.getError(part.value);
  if (!error) {
    const candidates = catalog.suggest(part.value, limit).map((s) => s.id);
    const fixes = candidates.map((id) => idFix(id, [rewrite(part, id)]));
    const parsed = parseErrorId(part.value);
    if (!parsed)
      return [
        finding(
          'unknown',
          'malformedId',
          { id: part.value, didYouMean: didYouMean(candidates) },
          part.range,
          undefined,
          fixes,
        ),
      ];
    return [
      unknownFinding(catalog, parsed.domain, parsed.subdomain, parsed.name, part.value, part.range, candidates, fixes),
    ];
  }
  const findings: Finding[] = [];
  const deprecation = catalog.deprecationOf(error);
  if (deprecation) {
    const replacement = deprecation.replacedBy;
    const fix = replacement === undefined ? undefined : idFix(replacement, [rewrite(part, replacement)]);
    findings.push(deprecatedFinding(catalog, error, deprecation, part.range, fix, part.literal));
  }
  const placeholders = checkPlaceholders(catalog, error, reference.placeholders, part.range, options);
  if (placeholders) findings.push(placeholders);
  return findings;
}

function checkSplit(reference: SplitReference, catalog: Catalog, limit: number, options: CheckOptions): Finding[] {
  const parts: Parts = [reference.domain, reference.subdomain, reference.name];
  const wrapped = reference.form === 'wrapped';
  const missing = parts.findIndex((part) => part.kind === 'missing');
  if (missing >= 0) {
    const expected = wrapped ? 'the error name' : 'a domain, a subdomain and an error name';
    return [missingPart(reference.range, PART_NAMES[missing]!, expected)];
  }
  // Through a wrapper, the domain and subdomain are checked where wrap() is called.
  if (
    wrapped &&
    (parts[0].kind !== 'static' || parts[1].kind !== 'static' || !catalog.getSubdomain(parts[0].value, parts[1].value))
  ) {
    return [];
  }
  const staticParts: StaticPart[] = [];
  for (const part of parts) {
    if (part.kind !== 'static')
      return [finding('dynamic', 'dynamicId', {}, part.kind === 'missing' ? reference.range : part.range)];
    staticParts.push(part);
  }
  const [domain, subdomain, name] = staticParts as [StaticPart, StaticPart, StaticPart];
  const id = `${domain.value}.${subdomain.value}.${name.value}`;
  const error = catalog.findError(domain.value, subdomain.value, name.value);
  if (!error) {
    const unknown = !catalog.getDomain(domain.value)
      ? domain
      : !catalog.getSubdomain(domain.value, subdomain.value)
        ? subdomain
        : name;
    const fixes = catalog
      .suggest(id, limit * 3)
      .map((s) => splitFix(staticParts, s.id))
      .filter((fix): fix is IdFix => fix !== undefined)
      .slice(0, limit);
    const candidates = fixes.map((fix) => fix.id);
    return [unknownFinding(catalog, domain.value, subdomain.value, name.value, id, unknown.range, candidates, fixes)];
  }
  const findings: Finding[] = [];
  const deprecation = catalog.deprecationOf(error);
  if (deprecation && !(wrapped && deprecation.level !== 'error')) {
    const at = deprecation.level === 'error' ? name : deprecation.level === 'subdomain' ? subdomain : domain;
    const fix = deprecation.replacedBy === undefined ? undefined : splitFix(staticParts, deprecation.replacedBy);
    const literal =
      fix !== undefined && staticParts.every((part, i) => part.literal || part.value === fix.id.split('.')[i]);
    findings.push(deprecatedFinding(catalog, error, deprecation, at.range, fix, literal));
  }
  const placeholders = checkPlaceholders(catalog, error, reference.placeholders, name.range, options);
  if (placeholders) findings.push(placeholders);
  return findings;
}

function checkScope(reference: ScopeReference, catalog: Catalog, limit: number): Finding[] {
  const { domain, subdomain } = reference;
  if (domain.kind === 'missing' || subdomain.kind === 'missing') {
    return [
      missingPart(reference.range, domain.kind === 'missing' ? 'domain' : 'subdomain', 'a domain and a subdomain'),
    ];
  }
  if (domain.kind !== 'static') return [finding('dynamic', 'dynamicId', {}, domain.range)];
  const scopeText = `${domain.value}.${subdomain.kind === 'static' ? subdomain.value : '…'}`;
  if (!catalog.getDomain(domain.value)) {
    const candidates = catalog.suggestPart('domain', domain.value, undefined, undefined, limit);
    const fixes = candidates.map((name) => idFix(name, [rewrite(domain, name)]));
    return [
      finding(
        'unknown',
        'unknownDomain',
        { domain: domain.value, id: scopeText, didYouMean: didYouMean(candidates) },
        domain.range,
        undefined,
        fixes,
      ),
    ];
  }
  if (subdomain.kind !== 'static') return [finding('dynamic', 'dynamicId', {}, subdomain.range)];
  const found = catalog.getSubdomain(domain.value, subdomain.value);
  if (!found) {
    const candidates = catalog.suggestPart('subdomain', subdomain.value, domain.value, undefined, limit);
    const fixes = candidates.map((name) => idFix(name, [rewrite(subdomain, name)]));
    const data = {
      domain: domain.value,
      subdomain: subdomain.value,
      id: scopeText,
      didYouMean: didYouMean(candidates.map((c) => `${domain.value}.${c}`)),
    };
    return [finding('unknown', 'unknownSubdomain', data, subdomain.range, undefined, fixes)];
  }
  const deprecation = catalog.scopeDeprecation(found);
  if (!deprecation) return [];
  const at = deprecation.level === 'domain' ? domain : subdomain;
  const scope = deprecation.level === 'domain' ? domain.value : scopeText;
  return [
    finding(
      'deprecated',
      'deprecatedWrap',
      { level: deprecation.level, scope, since: sinceText(deprecation.since) },
      at.range,
    ),
  ];
}

const PART_NAMES = ['domain', 'subdomain', 'name'] as const;

function unknownFinding(
  catalog: Catalog,
  domain: string,
  subdomain: string,
  name: string,
  id: string,
  range: Range,
  candidates: readonly string[],
  fixes: readonly IdFix[],
): Finding {
  const data = { id, domain, subdomain, name, didYouMean: didYouMean(candidates) };
  const messageId: MessageId = !catalog.getDomain(domain)
    ? 'unknownDomain'
    : !catalog.getSubdomain(domain, subdomain)
      ? 'unknownSubdomain'
      : 'unknownError';
  return finding('unknown', messageId, data, range, undefined, fixes);
}

/**
 * The deprecation finding. Its rewrite to `replacedBy` is an autofix only when it cannot create a
 * new problem: the id is written as a literal (`safe`) and the replacement's message takes as
 * many placeholder arguments as the deprecated one's. Otherwise it is a suggestion, which says
 * how many placeholder arguments the replacement needs when that differs.
 */
function deprecatedFinding(
  catalog: Catalog,
  error: CatalogError,
  deprecation: Deprecation,
  range: Range,
  fix: IdFix | undefined,
  safe: boolean,
): Finding {
  if (deprecation.level === 'error') {
    const replacement = deprecation.replacedBy === undefined ? '' : `; use '${deprecation.replacedBy}' instead`;
    const data = { id: error.id, since: sinceText(deprecation.since), replacement };
    const target = fix && catalog.getError(fix.id);
    if (fix && target && target.placeholders !== error.placeholders) {
      const counted = { id: fix.id, expected: String(target.placeholders), current: String(error.placeholders) };
      const suggestion: IdFix = {
        ...fix,
        messageId: 'replaceWithPlaceholders',
        data: counted,
        message: renderMessage('replaceWithPlaceholders', counted),
      };
      return finding('deprecated', 'deprecatedError', data, range, undefined, [suggestion]);
    }
    return finding('deprecated', 'deprecatedError', data, range, safe ? fix : undefined, !safe && fix ? [fix] : []);
  }
  const subdomain = error.subdomain;
  const scope = deprecation.level === 'domain' ? subdomain.domain.name : `${subdomain.domain.name}.${subdomain.name}`;
  return finding(
    'deprecated',
    'deprecatedScope',
    { id: error.id, since: sinceText(deprecation.since), level: deprecation.level, scope },
    range,
  );
}

function checkPlaceholders(
  catalog: Catalog,
  error: CatalogError,
  given: PlaceholderArguments | undefined,
  range: Range,
  options: CheckOptions,
): Finding | undefined {
  if (given?.count === undefined) return undefined;
  const expected = catalog.placeholderCount(error);
  if (given.count === expected || (given.count > expected && !options.extraPlaceholders)) return undefined;
  const data = { id: error.id, expected: String(expected), given: String(given.count), message: error.message };
  return finding('placeholders', given.count < expected ? 'missingPlaceholders' : 'extraPlaceholders', data, range);
}

function missingPart(range: Range, part: string, expected: string): Finding {
  return finding('unknown', 'missingPart', { part, expected }, range);
}

/** Rewrites the parts of a split id that differ from `id`; undefined when a part that must change cannot be edited here. */
function splitFix(parts: readonly StaticPart[], id: string): IdFix | undefined {
  const wanted = parseErrorId(id);
  if (!wanted) return undefined;
  const values = [wanted.domain, wanted.subdomain, wanted.name];
  const edits: TextEdit[] = [];
  for (let i = 0; i < 3; i++) {
    const part = parts[i]!;
    if (part.value === values[i]) continue;
    if (!part.editable) return undefined;
    edits.push(rewrite(part, values[i]!));
  }
  return idFix(id, edits);
}

/** A literal keeps its quotes and only its text changes; any other expression becomes a literal. */
function rewrite(part: StaticPart, value: string): TextEdit {
  return part.literal
    ? { range: [part.range[0] + 1, part.range[1] - 1], text: value }
    : { range: part.range, text: `'${value}'` };
}

function idFix(id: string, edits: readonly TextEdit[]): IdFix {
  const data = { id };
  return { messageId: 'replaceWith', data, message: renderMessage('replaceWith', data), id, edits };
}

function finding(
  kind: FindingKind,
  messageId: MessageId,
  data: MessageData,
  range: Range,
  fix?: IdFix,
  suggestions: readonly IdFix[] = [],
): Finding {
  return { kind, messageId, data, message: renderMessage(messageId, data), range, fix, suggestions };
}
