import type { ASTPath } from 'jscodeshift';
import { declaratorOf, unwrap } from './clients.js';
import { propertyName } from './imports.js';

type Node = any; // Babel AST via recast.

/** The string a literal (or a template without expressions) holds. */
export function literalValue(node: Node): string | undefined {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/**
 * The strings an expression may be, as far as its literals say: a literal, the fallback of `a ?? 'x'` / `a || 'x'`,
 * either branch of a condition. `process.env.OPENAI_MODEL ?? 'gpt-5-mini'` may be `gpt-5-mini`: what a choice made
 * for the model (the api-version a reasoning model needs) must allow for.
 */
export function possibleLiterals(node: Node): string[] {
  const value = unwrap(node);
  if (value?.type === 'LogicalExpression') return [...possibleLiterals(value.left), ...possibleLiterals(value.right)];
  if (value?.type === 'ConditionalExpression') return [...possibleLiterals(value.consequent), ...possibleLiterals(value.alternate)];
  const literal = literalValue(value);
  return literal === undefined ? [] : [literal];
}

/** The literal of `type` (ObjectExpression, ArrayExpression) a value is, or names (a same-file declaration): its path. */
function literalOf(valuePath: ASTPath<Node>, type: string): ASTPath<Node> | undefined {
  let path = valuePath;
  while (path.node && unwrap(path.node) !== path.node) path = path.get('expression');
  if ((path.node as Node)?.type === 'Identifier') {
    const declarator = declaratorOf(path);
    if (!declarator || unwrap((declarator.node as Node).init)?.type !== type) return undefined;
    path = declarator.get('init');
    while (unwrap(path.node) !== path.node) path = path.get('expression');
  }
  return (path.node as Node)?.type === type ? path : undefined;
}

/** The object literal an argument is, or names: its path. */
export function objectLiteral(valuePath: ASTPath<Node>): ASTPath<Node> | undefined {
  return literalOf(valuePath, 'ObjectExpression');
}

/** The array literal a value is, or names: its path. */
export function arrayLiteral(valuePath: ASTPath<Node>): ASTPath<Node> | undefined {
  return literalOf(valuePath, 'ArrayExpression');
}

/** `{}`, `undefined`, `null`, `false`: what a conditional spread spreads when its condition fails (nothing). */
function spreadsNothing(node: Node): boolean {
  const n = unwrap(node);
  return (
    (n?.type === 'ObjectExpression' && n.properties.length === 0) ||
    (n?.type === 'Identifier' && n.name === 'undefined') ||
    n?.type === 'NullLiteral' ||
    (n?.type === 'BooleanLiteral' && n.value === false)
  );
}

/**
 * The object literals a conditional spread's argument spreads: `...(cond && { … })`, `...(cond ? { … } : {})` (either
 * branch). Undefined for any other argument.
 */
export function conditionalObjects(argumentPath: ASTPath<Node>): ASTPath<Node>[] | undefined {
  let path = argumentPath;
  while (path.node && unwrap(path.node) !== path.node) path = path.get('expression');
  const node = path.node as Node;
  const branches =
    node?.type === 'LogicalExpression' && node.operator === '&&'
      ? [path.get('right')]
      : node?.type === 'ConditionalExpression'
        ? [path.get('consequent'), path.get('alternate')]
        : undefined;
  if (!branches) return undefined;
  const objects: ASTPath<Node>[] = [];
  for (const branch of branches) {
    if (spreadsNothing(branch.node)) continue;
    const object = objectLiteral(branch);
    if (!object || object.node !== unwrap(branch.node)) return undefined;
    objects.push(object);
  }
  return objects.length > 0 ? objects : undefined;
}

/** The objects of a conditional spread (`conditionalObjects`) when every property in them passes `test`. */
export function conditionalObjectsWhere(argumentPath: ASTPath<Node>, test: (property: ASTPath<Node>) => boolean): ASTPath<Node>[] | undefined {
  const objects = conditionalObjects(argumentPath);
  let all = objects !== undefined;
  for (const object of objects ?? []) object.get('properties').each((property: ASTPath<Node>) => void (all &&= test(property)));
  return all ? objects : undefined;
}

/** The (non-computed) property `key` of an object literal: its path. */
export function propertyPath(objectPath: ASTPath<Node>, key: string): ASTPath<Node> | undefined {
  let found: ASTPath<Node> | undefined;
  objectPath.get('properties').each((p: ASTPath<Node>) => {
    const node = p.node as Node;
    if ((node.type === 'ObjectProperty' || node.type === 'Property') && !node.computed && propertyName(node.key) === key) found = p;
  });
  return found;
}

/** The text of a string or template literal (a template's text parts joined by spaces: where a secret can sit). */
export function literalText(node: Node): string | undefined {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral') return node.quasis.map((q: Node) => q.value.cooked ?? q.value.raw).join(' ');
  return undefined;
}
