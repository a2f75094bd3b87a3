import { formatHexCode } from '../ids';
import type { Catalog } from '../catalog';
import type { CatalogDomain, CatalogError, CatalogSubdomain } from '../model';

/**
 * The readable description of a catalog entry (markdown), shared by every editor surface's
 * hover and completion details, so the tsserver plugin and the language server say the same.
 */
export interface EntryDescription {
  /** One line, shown as the signature (`(error) security.token.invalid: 0x07010001`). */
  readonly title: string;
  readonly markdown: string;
  readonly deprecated: boolean;
}

/** The readable description of a catalog entry, shared by hover and completion details. */
export function describeEntry(
  catalog: Catalog,
  entry: CatalogDomain | CatalogSubdomain | CatalogError,
): EntryDescription {
  if ('fullCode' in entry) return describeError(catalog, entry);
  if ('subdomains' in entry) {
    let errors = 0;
    for (const subdomain of entry.subdomains.values()) errors += subdomain.errors.size;
    const lines = [
      `Domain \`${entry.name}\` · code \`${formatHexCode(entry.code)}\` · ${entry.subdomains.size} subdomains, ${errors} errors`,
    ];
    if (entry.deprecated !== undefined) lines.push(`**Deprecated**${since(entry.deprecated.since)}.`);
    return {
      title: `(error domain) ${entry.name}`,
      markdown: lines.join('\n\n'),
      deprecated: entry.deprecated !== undefined,
    };
  }
  const deprecation = catalog.scopeDeprecation(entry);
  const id = `${entry.domain.name}.${entry.name}`;
  const lines = [`Subdomain \`${id}\` · code \`${formatHexCode(entry.code)}\` · ${entry.errors.size} errors`];
  if (deprecation)
    lines.push(
      `**Deprecated**${since(deprecation.since)}${deprecation.level === 'domain' ? ` (its domain \`${entry.domain.name}\`)` : ''}.`,
    );
  return { title: `(error subdomain) ${id}`, markdown: lines.join('\n\n'), deprecated: deprecation !== undefined };
}

function describeError(catalog: Catalog, error: CatalogError): EntryDescription {
  const hex = catalog.hexCode(error);
  const status = catalog.statusOf(error);
  const placeholders = catalog.placeholderCount(error);
  const lines = [
    `\`${hex}\` · ${escape(error.class)}${status === undefined ? '' : ` · HTTP ${status}`}`,
    `**Message:** ${showPlaceholders(error.message)}${placeholders > 0 ? ` _(${placeholders} placeholder${placeholders > 1 ? 's' : ''})_` : ''}`,
  ];
  if (error.description !== '' && error.description !== error.message) lines.push(escape(error.description));
  const deprecation = catalog.deprecationOf(error);
  if (deprecation) {
    if (deprecation.level === 'error') {
      const replacement = deprecation.replacedBy === undefined ? '' : ` Use \`${deprecation.replacedBy}\` instead.`;
      lines.push(`**Deprecated**${since(deprecation.since)}.${replacement}`);
    } else {
      const scope =
        deprecation.level === 'domain'
          ? error.subdomain.domain.name
          : `${error.subdomain.domain.name}.${error.subdomain.name}`;
      lines.push(`**Deprecated**${since(deprecation.since)}: its ${deprecation.level} \`${scope}\` is deprecated.`);
    }
  }
  return { title: `(error) ${error.id}: ${hex}`, markdown: lines.join('\n\n'), deprecated: deprecation !== undefined };
}

/** The message as markdown, each placeholder set off as code so it reads as a slot. */
function showPlaceholders(message: string): string {
  return message
    .split(/(%[sdifjoO])/)
    .map((piece, i) => (i % 2 === 1 ? `\`${piece}\`` : escape(piece)))
    .join('');
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** ` since 2.2.0`, or nothing when the catalog marks the entry deprecated without a version. */
function since(version: string | undefined): string {
  return version === undefined ? '' : ` since ${escape(version)}`;
}
