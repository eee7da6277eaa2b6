import type { ASTPath } from 'jscodeshift';
import { unwrap } from './clients.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** A function of this file a callee names (`function f() {}`, `const f = () => {}`): its path. */
export function localFunction(ctx: TransformContext, callee: Node): ASTPath<Node> | undefined {
  const declared = callee?.type === 'Identifier' ? ctx.index.resolve(callee) : undefined;
  const holder = declared && ctx.index.parentOf(declared.id);
  if (holder?.type === 'FunctionDeclaration' && holder.id === declared!.id) return ctx.index.pathOf(holder);
  const init = holder?.type === 'VariableDeclarator' && declared!.kind === 'const' ? unwrap(holder.init) : undefined;
  return init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression' ? ctx.index.pathOf(init) : undefined;
}
