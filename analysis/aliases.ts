import { AST_NODE_TYPES as UTILS_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { CallMatcher } from '../catalog/callsite/match';

// Read once: @typescript-eslint/utils re-exports through getters.
const AST_NODE_TYPES = UTILS_NODE_TYPES;

/**
 * Renamed imports (`import { get as g } from './kerror'`, `const { getError: ge } = require(…)`)
 * would escape the name pre-filter; they are few and at the top level, so they are collected
 * once per file.
 */
export function collectAliases(program: TSESTree.Program, matcher: CallMatcher): Set<string> {
  const aliases = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const spec of statement.specifiers) {
        if (spec.type !== AST_NODE_TYPES.ImportSpecifier) continue;
        const imported =
          spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
        if (matcher.calleeNames.has(imported)) aliases.add(spec.local.name);
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          if (
            property.type !== AST_NODE_TYPES.Property ||
            property.computed ||
            property.key.type !== AST_NODE_TYPES.Identifier
          )
            continue;
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (matcher.calleeNames.has(property.key.name) && value.type === AST_NODE_TYPES.Identifier)
            aliases.add(value.name);
        }
      }
    }
  }
  return aliases;
}
