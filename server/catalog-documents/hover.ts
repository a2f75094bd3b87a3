import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { classTable } from '../../catalog/classes';
import { formatHexCode, fullErrorCode } from '../../catalog/ids';
import type { JsonPath } from '../../catalog/model';
import type { Project } from '../../catalog/project';
import { catalogKeyAt } from './key-at';
import { parseCatalogText, type ParsedCatalogText } from './parsed-text';

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
  const domain = objectAt(parsed, domainPath);
  const subdomainsKey = domain && findNodeAtLocation(domain, ['subdomains']) ? 'subdomains' : 'subDomains';
  const lines: string[] = [];
  if (key.kind === 'domain') {
    lines.push(`**${key.domain}** — domain ${codeText(numberAt(domain, ['code']))}`);
  } else if (key.kind === 'subdomain') {
    const subdomain = objectAt(parsed, [...domainPath, subdomainsKey, key.subdomain]);
    const count = objectAt(parsed, [...domainPath, subdomainsKey, key.subdomain, 'errors'])?.children?.length ?? 0;
    lines.push(`**${key.domain}.${key.subdomain}** — subdomain ${codeText(numberAt(subdomain, ['code']))}`);
    lines.push(`${count} error${count === 1 ? '' : 's'}`);
  } else {
    const id = `${key.domain}.${key.subdomain}.${key.name}`;
    const error = objectAt(parsed, [...domainPath, subdomainsKey, key.subdomain, 'errors', key.name]);
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
    const deprecated = stringAt(error, ['deprecated']);
    if (deprecated !== undefined) {
      const replacedBy = stringAt(error, ['replacedBy']);
      lines.push(`deprecated since ${deprecated}${replacedBy ? `, replaced by \`${replacedBy}\`` : ''}`);
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

function objectAt(parsed: ParsedCatalogText, path: JsonPath): Node | undefined {
  const node = parsed.root && findNodeAtLocation(parsed.root, [...path]);
  return node?.type === 'object' ? node : undefined;
}

function numberAt(node: Node | undefined, path: JsonPath): number | undefined {
  const value = node && findNodeAtLocation(node, [...path]);
  return value?.type === 'number' && typeof value.value === 'number' ? value.value : undefined;
}

function stringAt(node: Node | undefined, path: JsonPath): string | undefined {
  const value = node && findNodeAtLocation(node, [...path]);
  return value?.type === 'string' && typeof value.value === 'string' ? value.value : undefined;
}
