import { AST_NODE_TYPES as UTILS_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import type { TSESLint } from '@typescript-eslint/utils';
import type { NameBinding } from '../catalog/callsite/site';
import { unwrapExpression } from './describe-call';

// Read once: @typescript-eslint/utils re-exports through getters.
const AST_NODE_TYPES = UTILS_NODE_TYPES;

/**
 * Every local name of a file bound to another name, at any depth — renamed imports
 * (`import { get as g }`), destructuring (`const { getError: ge } = require(…)`, also inside
 * functions) and plain aliases (`const ge = getError`) — as the neutral list the shared matcher
 * turns into the pre-filter's extra names (CallMatcher.aliasNames). Read from the scope manager
 * (ESLint's own, or the one analysis/parse.ts builds), not from a walk of the tree.
 */
export function collectNameBindings(scopeManager: { readonly scopes: readonly TSESLint.Scope.Scope[] }): NameBinding[] {
  const bindings: NameBinding[] = [];
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) {
      for (const def of variable.defs) {
        const bound = boundName(def);
        if (bound !== undefined && bound !== variable.name) bindings.push({ local: variable.name, bound });
      }
    }
  }
  return bindings;
}

function boundName(def: TSESLint.Scope.Definition): string | undefined {
  if (def.type === DefinitionType.ImportBinding) {
    const spec = def.node;
    if (spec.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
    return spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
  }
  if (def.type !== DefinitionType.Variable) return undefined;
  const declarator = def.node;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    const init = declarator.init && unwrapExpression(declarator.init);
    return init?.type === AST_NODE_TYPES.Identifier ? init.name : undefined;
  }
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  return keyOf(declarator.id, def.name);
}

/** The key under which `target` is bound in a (possibly nested) object pattern. */
function keyOf(pattern: TSESTree.ObjectPattern, target: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value === target) {
      if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
      return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    }
    if (value.type === AST_NODE_TYPES.ObjectPattern) {
      const nested = keyOf(value, target);
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}
