import type { ASTPath } from 'jscodeshift';
import { REALTIME_CONNECTORS } from '../../src/core/index.js';
import { isClientExpression } from './clients.js';
import { memberName, moduleBindings, resolveBinding } from './imports.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** `OpenAIRealtimeWS.create(client, props)` calls whose client is a direct-OpenAI client of this file. */
export function realtimeConnects(ctx: TransformContext): ASTPath<Node>[] {
  const { j, root } = ctx;
  if (!Object.keys(REALTIME_CONNECTORS).some((source) => ctx.source.includes(source))) return [];
  const bindings = Object.entries(REALTIME_CONNECTORS).flatMap(([source, names]) =>
    moduleBindings(j, root, source).filter((b) => names.includes(b.imported) && !b.typeOnly),
  );
  if (bindings.length === 0) return [];
  const shaped = (n: Node): boolean =>
    n.callee.type === 'MemberExpression' && memberName(n.callee) === 'create' && n.callee.object.type === 'Identifier' && n.arguments.length >= 2;
  return ctx.index
    .find('CallExpression', shaped)
    .filter((path) => !!resolveBinding(path.get('callee', 'object'), bindings) && isClientExpression(ctx, path.get('arguments', 0)));
}
