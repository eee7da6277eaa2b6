import type { ASTPath } from 'jscodeshift';
import { CHOICE_STREAM_CALLS } from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { unwrap } from './lib/clients.js';
import { referencesOf } from './lib/imports.js';
import { localFunction } from './lib/local-functions.js';
import { objectLiteral } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { asksToStream, enclosingScope, guardEmptyChoices } from './lib/stream-chunks.js';
import type { Transform, TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Whether a call's first argument (its request) says `stream: true`. */
function requestAsksToStream(call: ASTPath<Node>): boolean {
  const request = objectLiteral(call.get('arguments', 0));
  return request !== undefined && asksToStream(request);
}

/**
 * The functions of this file a stream is handed to (`printStream(await client.chat.completions.create(…))`, or
 * through the `const` holding it): they read its chunks too.
 */
function consumers(ctx: TransformContext, call: ASTPath<Node>): ASTPath<Node>[] {
  let result = call;
  while (result.parent && (result.parent.node.type === 'AwaitExpression' || unwrap(result.parent.node) !== result.parent.node)) result = result.parent;
  const holder = result.parent?.node as Node;
  const values = holder?.type === 'VariableDeclarator' && holder.init === result.node && holder.id.type === 'Identifier' ? referencesOf(ctx.j, ctx.root, holder.id) : [result];
  return values.flatMap((value) => {
    const parent = value.parent?.node as Node;
    if (parent?.type !== 'CallExpression' || !(parent.arguments as Node[]).includes(value.node)) return [];
    const fn = localFunction(ctx, unwrap(parent.callee));
    return fn ? [fn] : [];
  });
}

/**
 * Streams of chat and legacy completions on a client now pointed at Azure: the function that reads one, or a function
 * of the file it is handed to, steps over Azure's content-filter chunks, which carry no choice (see
 * `guardEmptyChoices`).
 */
export const streamChunks: Transform = {
  name: 'stream-chunks',
  apply(ctx) {
    if (!ctx.source.includes('choices')) return;
    const scopes = new Set<ASTPath<Node>>();
    for (const { path, member } of clientCalls(ctx)) {
      const kind = CHOICE_STREAM_CALLS[member];
      if (kind !== 'always' && !(kind === 'flag' && requestAsksToStream(path))) continue;
      scopes.add(enclosingScope(path));
      for (const fn of consumers(ctx, path)) scopes.add(fn);
    }
    for (const scope of scopes) guardEmptyChoices(ctx, scope);
  },
};

export default asJscodeshift(streamChunks);
