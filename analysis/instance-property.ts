/**
 * Instance properties set once: `this.errors = kerror.wrap('plugin', 'x')` in the constructor,
 * or a class field `errors = kerror.wrap(…)`, read as `this.errors` in the class's methods.
 * Anything else — assigned twice, assigned in a method, `this` of another function — is unknown.
 */
import { AST_NODE_TYPES as UTILS_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

// Read once: @typescript-eslint/utils re-exports through getters.
const AST_NODE_TYPES = UTILS_NODE_TYPES;

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Per class: property name → the one value assigned to it, or null when it is not set exactly once where allowed. */
const perClass = new WeakMap<ClassNode, Map<string, TSESTree.Expression | null>>();

/** The value `this.<name>` holds in every method of the class `thisNode` belongs to, if it is set once. */
export function instanceInit(thisNode: TSESTree.ThisExpression, name: string): TSESTree.Expression | undefined {
  const owner = thisOwner(thisNode);
  if (!owner) return undefined;
  let values = perClass.get(owner.cls);
  if (!values) {
    values = collectAssignments(owner.cls);
    perClass.set(owner.cls, values);
  }
  return values.get(name) ?? undefined;
}

interface ThisOwner {
  readonly cls: ClassNode;
  /** `this` is read directly in the constructor (not in an arrow function inside it). */
  readonly inConstructor: boolean;
}

/** The class whose instance `this` is: in a non-static method or field initializer, through arrow functions. */
function thisOwner(thisNode: Node): ThisOwner | undefined {
  let child: Node = thisNode;
  let arrow = false;
  for (let current = thisNode.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        arrow = true;
        break;
      case AST_NODE_TYPES.FunctionExpression: {
        const method = current.parent;
        if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== current || method.static)
          return undefined;
        const cls = method.parent.parent;
        return { cls, inConstructor: method.kind === 'constructor' && !arrow };
      }
      case AST_NODE_TYPES.PropertyDefinition:
        if (current.value !== child || current.static) return undefined;
        return { cls: current.parent.parent, inConstructor: false };
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.Program:
        return undefined;
      default:
        break;
    }
  }
  return undefined;
}

/** Every `this.x` write of a class (its own `this` only), counted per name. */
function collectAssignments(cls: ClassNode): Map<string, TSESTree.Expression | null> {
  const values = new Map<string, TSESTree.Expression | null>();
  const record = (name: string | undefined, value: TSESTree.Expression | null): void => {
    if (name === undefined) return;
    // A second write, wherever it is, makes the property unknown.
    values.set(name, values.has(name) ? null : value);
  };
  for (const member of cls.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value)
      record(keyName(member), member.value);
  }
  let unknownWrite = false;
  walk(cls.body, (node) => {
    const target = writtenThisMember(node);
    if (!target) return;
    const owner = thisOwner(target.member.object);
    if (owner?.cls !== cls) return;
    const name = propertyName(target.member);
    if (name === undefined) unknownWrite = true;
    else record(name, target.value && owner.inConstructor ? target.value : null);
  });
  // `this[key] = …` may write any property: none can be trusted.
  return unknownWrite ? new Map<string, TSESTree.Expression | null>() : values;
}

/** `this.x` written by a node: `this.x = v` (its value), `this.x += …`, `this.x++`, a destructuring target. */
function writtenThisMember(
  node: Node,
):
  | { member: TSESTree.MemberExpression & { object: TSESTree.ThisExpression }; value: TSESTree.Expression | null }
  | undefined {
  let target: Node | undefined;
  let value: TSESTree.Expression | null = null;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    target = node.left;
    if (node.operator === '=') value = node.right;
  } else if (node.type === AST_NODE_TYPES.UpdateExpression) target = node.argument;
  else if (node.type === AST_NODE_TYPES.AssignmentPattern) target = node.left;
  else if (node.type === AST_NODE_TYPES.ArrayPattern) {
    for (const element of node.elements) if (isThisMember(element)) return { member: element, value: null };
  } else if (node.type === AST_NODE_TYPES.Property && node.parent?.type === AST_NODE_TYPES.ObjectPattern)
    target = node.value;
  else if (node.type === AST_NODE_TYPES.RestElement) target = node.argument;
  else if (node.type === AST_NODE_TYPES.ForInStatement || node.type === AST_NODE_TYPES.ForOfStatement)
    target = node.left;
  return isThisMember(target) ? { member: target, value } : undefined;
}

function isThisMember(
  node: Node | null | undefined,
): node is TSESTree.MemberExpression & { object: TSESTree.ThisExpression } {
  return node?.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression;
}

function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  return member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string'
    ? member.property.value
    : undefined;
}

function keyName(member: TSESTree.PropertyDefinition): string | undefined {
  if (member.computed) return member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
  return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
}

/** A walk of every node under `root`, whatever the parser's visitor keys (the tree is ESTree either way). */
function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      const child: unknown = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
