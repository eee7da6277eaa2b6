import type { ASTPath } from 'jscodeshift';
import { HOSTED_TOOL_CALLS, isHostedToolType } from '../../src/core/index.js';
import { declaratorOf, unwrap, unwrapPath } from './clients.js';
import { memberName, referencesOf } from './imports.js';
import { arrayLiteral, literalValue, objectLiteral, propertyPath } from './literals.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** What `array.push(…)` calls on the same-file variable holding a `tools` array add to it: their arguments. */
function pushedOnto(ctx: TransformContext, value: ASTPath<Node>): ASTPath<Node>[] {
  const id = unwrapPath(value);
  if ((id.node as Node)?.type !== 'Identifier') return [];
  const declarator = declaratorOf(id);
  if (!declarator || (declarator.node as Node).id.type !== 'Identifier') return [];
  return referencesOf(ctx.j, ctx.root, (declarator.node as Node).id).flatMap((ref) => {
    const member = ref.parent;
    const call = member?.parent;
    const pushes =
      (member?.node as Node)?.type === 'MemberExpression' &&
      (member.node as Node).object === ref.node &&
      memberName(member.node) === 'push' &&
      (call?.node as Node)?.type === 'CallExpression' &&
      (call.node as Node).callee === member.node;
    return pushes ? ((call.node as Node).arguments as Node[]).map((_, i) => call.get('arguments', i) as ASTPath<Node>) : [];
  });
}

/**
 * The hosted tool types (in order, once each) a Responses call's `tools` names: the elements of its array literal,
 * and the tools the file pushes onto the variable holding that array; [] for other calls.
 */
export function hostedToolTypes(ctx: TransformContext, call: ASTPath<Node>, member: string): string[] {
  if (!HOSTED_TOOL_CALLS.includes(member) || ((call.node as Node).arguments as Node[]).length === 0) return [];
  const params = objectLiteral(call.get('arguments', 0));
  const tools = params && propertyPath(params, 'tools');
  const array = tools && arrayLiteral(tools.get('value'));
  if (!array) return [];
  const elements = ((array.node as Node).elements as Node[]).map((_, i) => array.get('elements', i) as ASTPath<Node>);
  const types: string[] = [];
  for (const element of [...elements, ...pushedOnto(ctx, tools.get('value'))]) {
    const tool = element.node && objectLiteral(element);
    const type = tool && propertyPath(tool, 'type');
    const value = type && literalValue(unwrap((type.node as Node).value));
    if (value && isHostedToolType(value) && !types.includes(value)) types.push(value);
  }
  return types;
}
