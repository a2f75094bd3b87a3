import { sep } from 'node:path';
import type { CompletionItem, Diagnostic, Hover, Position, Range as LspRange } from 'vscode-languageserver';
import type { Catalog } from '../catalog/catalog';
import type { CatalogKey } from '../catalog/edit/index';
import { getProject, type Project } from '../catalog/project';
import {
  catalogDocumentCompletion,
  catalogDocumentDiagnostics,
  catalogDocumentHover,
  catalogKeyAt,
  unusedErrorHints,
} from './catalog-documents/index';
import { fileOf, isJsonFile } from './paths';
import type { TextSource } from './texts';
import type { WorkspaceIndex } from './workspace-index';

/**
 * The catalog JSON files as documents: server/catalog-documents decides what to say about their
 * text; this feeds it the open buffer, the project, and the workspace index's usage.
 */
export class CatalogDocuments {
  constructor(
    private readonly texts: TextSource,
    private readonly index: WorkspaceIndex,
  ) {}

  /** An open catalog document and its project (a JSON file under one of its config's `catalog` paths). */
  private open(
    uri: string,
  ): { text: string; file: string; project: Project; offsetAt(p: Position): number } | undefined {
    const file = fileOf(uri);
    if (file === undefined || !isJsonFile(file)) return undefined;
    const document = this.texts.openDocument(file);
    if (!document) return undefined;
    const project = getProject({ file });
    if (!isCatalogFile(project, file)) return undefined;
    return { text: document.getText(), file, project, offsetAt: (p) => document.offsetAt(p) };
  }

  diagnostics(uri: string): Diagnostic[] {
    const at = this.open(uri);
    if (!at) return [];
    const diagnostics = catalogDocumentDiagnostics(at.text, at.file, at.project);
    const catalog = at.project.problems.length === 0 ? at.project.catalog : undefined;
    if (catalog && this.index.built) {
      const configFile = at.project.config?.file;
      diagnostics.push(
        ...unusedErrorHints(at.text, at.file, at.project, (id) => this.index.usageOf(id, catalog, configFile)),
      );
    }
    return diagnostics;
  }

  hover(uri: string, position: Position): Hover | null {
    const at = this.open(uri);
    if (!at) return null;
    const configFile = at.project.config?.file;
    return catalogDocumentHover(at.text, at.file, at.offsetAt(position), at.project, (id) =>
      this.index.built ? this.index.countOf(id, configFile) : undefined,
    );
  }

  completion(uri: string, position: Position): CompletionItem[] | null {
    const at = this.open(uri);
    return at ? catalogDocumentCompletion(at.text, at.file, at.offsetAt(position), at.project) : null;
  }

  /** The key under the cursor (references, rename from the catalog side). */
  keyAt(
    uri: string,
    position: Position,
  ): { key: CatalogKey; range: LspRange; name: string; project: Project; catalog: Catalog } | undefined {
    const at = this.open(uri);
    const catalog = at && at.project.problems.length === 0 ? at.project.catalog : undefined;
    if (!at || !catalog) return undefined;
    const found = catalogKeyAt(at.text, at.file, at.offsetAt(position));
    if (!found) return undefined;
    const { range, ...rest } = found;
    const key: CatalogKey = rest;
    const name = key.kind === 'domain' ? key.domain : key.kind === 'subdomain' ? key.subdomain : key.name;
    const document = this.texts.openDocument(at.file)!;
    return {
      key,
      range: { start: document.positionAt(range[0]), end: document.positionAt(range[1]) },
      name,
      project: at.project,
      catalog,
    };
  }
}

/** True when `file` is one of a config's catalog paths or inside one of its catalog directories. */
export function isCatalogFile(project: Project, file: string): boolean {
  return project.config?.catalog.some((entry) => file === entry || file.startsWith(`${entry}${sep}`)) ?? false;
}
