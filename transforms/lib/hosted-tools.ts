import type { ASTPath } from 'jscodeshift';
import { HOSTED_TOOL_CALLS, isHostedToolType } from '../../src/core/index.js';
import { unwrap } from './clients.js';
import { arrayLiteral, literalValue, objectLiteral, propertyPath } from './literals.js';

type Node = any; // Babel AST via recast.

/** The hosted tool types (in order, once each) a Responses call's literal `tools` array names; [] for other calls. */
export function hostedToolTypes(call: ASTPath<Node>, member: string): string[] {
  if (!HOSTED_TOOL_CALLS.includes(member) || ((call.node as Node).arguments as Node[]).length === 0) return [];
  const params = objectLiteral(call.get('arguments', 0));
  const tools = params && propertyPath(params, 'tools');
  const array = tools && arrayLiteral(tools.get('value'));
  if (!array) return [];
  const types: string[] = [];
  array.get('elements').each((element: ASTPath<Node>) => {
    const tool = element.node && objectLiteral(element);
    const type = tool && propertyPath(tool, 'type');
    const value = type && literalValue(unwrap((type.node as Node).value));
    if (value && isHostedToolType(value) && !types.includes(value)) types.push(value);
  });
  return types;
}
