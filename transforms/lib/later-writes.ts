import type { ASTPath } from 'jscodeshift';
import { unwrap } from './clients.js';
import { memberName, propertyName, referencesOf } from './imports.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** A write to an options object after it was made: `obj.configuration = {…}` (key `configuration`), `obj.a.b = v` (`a`, `b`). */
export interface LaterWrite {
  /** The key written under the object, `*` when it cannot be named (a computed key, `Object.assign` from a variable). */
  key: string;
  /** The key below it, for a write one level down (`obj.configuration.baseURL = url`). */
  sub?: string;
  value: ASTPath<Node>;
}

/** The outermost of `x!`, `(x)`, `x as T` around a path: `obj.configuration!.baseURL` writes below `obj.configuration`. */
function outOfWrappers(path: ASTPath<Node>): ASTPath<Node> {
  let p = path;
  while (p.parent && unwrap(p.parent.node) !== p.parent.node && (p.parent.node as Node).expression === p.node) p = p.parent;
  return p;
}

/** `obj.key` → `key`; a computed member names its key only when it is a string literal. */
function keyOf(member: Node): string {
  if (!member.computed) return memberName(member) ?? '*';
  const property = unwrap(member.property);
  return property?.type === 'StringLiteral' ? property.value : '*';
}

/**
 * What the file writes into an object literal after making it, through the variable holding it (`const obj = {…}`):
 * member assignments (`obj.baseURL = url`, `obj.configuration = {…}`, `obj.configuration.baseURL = url`) and
 * `Object.assign(obj, {…})`; an object replaced whole (`obj = …`) is a `*` write. Options written so are the
 * client's as much as the literal's: a base URL set later points it elsewhere just the same.
 */
export function laterWrites(ctx: TransformContext, object: ASTPath<Node>): LaterWrite[] {
  const declarator = object.parent?.node as Node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== object.node || declarator.id.type !== 'Identifier') return [];
  const writes: LaterWrite[] = [];
  for (const ref of referencesOf(ctx.j, ctx.root, declarator.id)) {
    const parent = ref.parent;
    const node = parent?.node as Node;
    if (node?.type === 'AssignmentExpression' && node.left === ref.node) {
      writes.push({ key: '*', value: parent.get('right') });
    } else if (node?.type === 'MemberExpression' && node.object === ref.node) {
      const up = outOfWrappers(parent);
      const above = up.parent?.node as Node;
      if (above?.type === 'AssignmentExpression' && above.left === up.node) writes.push({ key: keyOf(node), value: up.parent.get('right') });
      else if (above?.type === 'MemberExpression' && above.object === up.node) {
        const top = outOfWrappers(up.parent);
        const assignment = top.parent?.node as Node;
        if (assignment?.type === 'AssignmentExpression' && assignment.left === top.node) {
          writes.push({ key: keyOf(node), sub: keyOf(above), value: top.parent.get('right') });
        }
      }
    } else if (node?.type === 'CallExpression' && node.arguments[0] === ref.node && memberName(node.callee) === 'assign' && unwrap(node.callee.object)?.name === 'Object') {
      (node.arguments as Node[]).slice(1).forEach((arg, i) => {
        const source = parent.get('arguments', i + 1) as ASTPath<Node>;
        if (unwrap(arg)?.type !== 'ObjectExpression') return void writes.push({ key: '*', value: source });
        const literal = unwrap(arg);
        (literal.properties as Node[]).forEach((prop) => {
          const key = prop.type === 'ObjectProperty' && !prop.computed ? (propertyName(prop.key) ?? '*') : '*';
          writes.push({ key, value: prop.type === 'ObjectProperty' ? findValue(source, prop) : source });
        });
      });
    }
  }
  return writes;
}

/** The path of a property's value inside an (unwrapped) object literal argument. */
function findValue(argument: ASTPath<Node>, prop: Node): ASTPath<Node> {
  let path = argument;
  while (path.node !== unwrap(path.node)) path = path.get('expression');
  const at = (path.node as Node).properties.indexOf(prop);
  return path.get('properties', at, 'value');
}
