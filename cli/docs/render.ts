import type { Catalog, CatalogDomain, CatalogError, CatalogSubdomain } from '../../catalog';
import { fillTemplate, type DocsOptions } from './options';

/** One generated page: `<domain>/index.md` under the output directory. */
export interface DocsPage {
  readonly domain: string;
  /** Relative to the output directory, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

/** First line of the marker comment; `docs` only ever removes pages that carry it. */
export const GENERATED_MARKER = '[//]: # (This documentation is auto-generated)';

// The table head is copied from the reference page as is, malformed 4-column separator included:
// existing sites render it, and the golden test holds the output to it byte for byte.
const TABLE_HEAD =
  '| Id | Error Type (Status Code)             | Message           |\n| ------ | -----------------| ------------------ | ------------------ |\n';

/** Pages for every domain that is not deprecated, in catalog order. */
export function renderDocs(catalog: Catalog, options: DocsOptions): DocsPage[] {
  const pages: DocsPage[] = [];
  for (const domain of catalog.domains.values()) {
    if (domain.deprecated !== undefined) continue;
    pages.push({
      domain: domain.name,
      path: `${domain.name}/index.md`,
      content: renderDomainPage(catalog, domain, options),
    });
  }
  return pages;
}

/**
 * One domain in the reference page's format. Deprecated subdomains and errors are left out, and
 * so is a subdomain left with no error (an empty table would render as a broken one).
 */
export function renderDomainPage(catalog: Catalog, domain: CatalogDomain, options: DocsOptions): string {
  const values = { code: `0x${hex2(domain.code)}`, domain: domain.name };
  const title = fillTemplate(options.title, values);
  let page =
    '---\n' +
    'code: true\n' +
    'type: page\n' +
    `title: ${JSON.stringify(title)}\n` +
    `description: ${yamlScalar(fillTemplate(options.description, values))}\n` +
    '---\n' +
    '\n' +
    `${GENERATED_MARKER}\n` +
    `[//]: # (If you need to update this page, execute: ${options.updateCommand})\n` +
    '\n' +
    `# ${title}\n` +
    '\n';
  for (const subdomain of domain.subdomains.values()) {
    if (subdomain.deprecated !== undefined) continue;
    const errors = [...subdomain.errors.values()].filter((error) => error.deprecated === undefined);
    if (errors.length === 0) continue;
    page += renderSubdomain(catalog, subdomain, errors, options);
  }
  return page;
}

function renderSubdomain(
  catalog: Catalog,
  subdomain: CatalogSubdomain,
  errors: readonly CatalogError[],
  options: DocsOptions,
): string {
  let section = `\n\n### Subdomain: 0x${hex2(subdomain.domain.code)}${hex2(subdomain.code)}: ${subdomain.name}\n\n${TABLE_HEAD}`;
  for (const error of errors) {
    const link = fillTemplate(options.classLink, { class: error.class.toLowerCase(), Class: error.class });
    const status = catalog.statusOf(error);
    section += `| ${error.id}<br/><pre>${catalog.hexCode(error)}</pre> | [${error.class}](${link}) <pre>(${status ?? '?'})</pre> | ${tableCell(error.description)} |\n`;
  }
  return `${section}\n---\n`;
}

function hex2(code: number): string {
  return code.toString(16).padStart(2, '0');
}

/** Markdown table cells cannot hold a pipe or a line break. */
function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br/>');
}

/** A YAML plain scalar when it reads back as the same string, else a double-quoted one. */
function yamlScalar(text: string): string {
  const plain =
    /^[^\s'"#&*!|>%@`{}[\],?:-][^#:]*$/.test(text) &&
    !/\s$/.test(text) &&
    !/^(?:true|false|null|~|yes|no|on|off|[-+.\d].*)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
