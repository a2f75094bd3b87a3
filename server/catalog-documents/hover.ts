import { MarkupKind, type Hover } from 'vscode-languageserver';
import { classTable } from '../../catalog/classes';
import { readDeprecated } from '../../catalog/fields';
import { formatHexCode, fullErrorCode } from '../../catalog/ids';
import type { JsonPath } from '../../catalog/model';
import type { Project } from '../../catalog/project';
import { catalogKeyAt } from './key-at';
import { isRecord, parseCatalogText, valueAt } from './parsed-text';

/**
 * Hover on a key of a catalog document. On an error: its id, hex code, class and HTTP status,
 * deprecation, and how many places in the workspace use it. The fields come from the document's
 * text as it is now (unsaved edits included), the statuses from the project's class table.
 * `usageCount` is undefined while the workspace index is not built.
 */
export function catalogDocumentHover(
  text: string,
  file: string,
  offset: number,
  project: Project,
  usageCount: (id: string) => number | undefined,
): Hover | null {
  const key = catalogKeyAt(text, file, offset);
  if (!key) return null;
  const parsed = parseCatalogText(file, text);
  const range = { start: parsed.document.positionAt(key.range[0]), end: parsed.document.positionAt(key.range[1]) };
  const domainPath = parsed.domains.find((d) => d.name === key.domain)?.path ?? [];
  const domain = objectAt(valueAt(parsed, domainPath));
  const subdomainsKey = domain && Object.hasOwn(domain, 'subdomains') ? 'subdomains' : 'subDomains';
  const lines: string[] = [];
  if (key.kind === 'domain') {
    lines.push(`**${key.domain}** — domain ${codeText(numberAt(domain, ['code']))}`);
  } else if (key.kind === 'subdomain') {
    const subdomain = objectAt(valueAt(parsed, [...domainPath, subdomainsKey, key.subdomain]));
    const errors = objectAt(subdomain?.['errors']);
    const count = errors ? Object.keys(errors).length : 0;
    lines.push(`**${key.domain}.${key.subdomain}** — subdomain ${codeText(numberAt(subdomain, ['code']))}`);
    lines.push(`${count} error${count === 1 ? '' : 's'}`);
  } else {
    const id = `${key.domain}.${key.subdomain}.${key.name}`;
    const error = objectAt(valueAt(parsed, [...domainPath, subdomainsKey, key.subdomain, 'errors', key.name]));
    const codes = [
      numberAt(domain, ['code']),
      numberAt(domain, [subdomainsKey, key.subdomain, 'code']),
      numberAt(error, ['code']),
    ];
    const hex = codes.every((c) => c !== undefined)
      ? formatHexCode(fullErrorCode(codes[0]!, codes[1]!, codes[2]!))
      : '';
    lines.push(`**${id}**${hex ? ` \`${hex}\`` : ''}`);
    const className = stringAt(error, ['class']);
    if (className !== undefined) {
      const status = classTable(project.config?.classes).get(className);
      lines.push(`class \`${className}\` — ${status === undefined ? 'unknown class' : `HTTP ${status}`}`);
    }
    const deprecated = readDeprecated(at(error, ['deprecated']));
    if (deprecated !== undefined && deprecated !== 'invalid') {
      const replacedBy = stringAt(error, ['replacedBy']);
      const since =
        deprecated.since === undefined ? 'deprecated (version unknown)' : `deprecated since ${deprecated.since}`;
      lines.push(`${since}${replacedBy ? `, replaced by \`${replacedBy}\`` : ''}`);
    }
    const uses = usageCount(id);
    lines.push(
      uses === undefined
        ? 'uses in the workspace: not counted yet'
        : uses === 0
          ? 'not used in the workspace'
          : `used in ${uses} place${uses === 1 ? '' : 's'} in the workspace`,
    );
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}

/** A domain or subdomain code, as its byte of the error codes shows it (`7` → `0x07`). */
function codeText(code: number | undefined): string {
  if (code === undefined) return '(no code)';
  return `\`0x${code.toString(16).padStart(2, '0')}\``;
}

function objectAt(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function numberAt(object: Record<string, unknown> | undefined, path: JsonPath): number | undefined {
  const value = at(object, path);
  return typeof value === 'number' ? value : undefined;
}

function stringAt(object: Record<string, unknown> | undefined, path: JsonPath): string | undefined {
  const value = at(object, path);
  return typeof value === 'string' ? value : undefined;
}

function at(object: Record<string, unknown> | undefined, path: JsonPath): unknown {
  let value: unknown = object;
  for (const segment of path) {
    if (!isRecord(value) || typeof segment !== 'string' || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}
