import type { ASTPath } from 'jscodeshift';
import { CHOICE_STREAM_CALLS } from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { objectLiteral } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { asksToStream, enclosingScope, guardEmptyChoices } from './lib/stream-chunks.js';
import type { Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Whether a call's first argument (its request) says `stream: true`. */
function requestAsksToStream(call: ASTPath<Node>): boolean {
  const request = objectLiteral(call.get('arguments', 0));
  return request !== undefined && asksToStream(request);
}

/**
 * Streams of chat and legacy completions on a client now pointed at Azure: the function that reads one steps over
 * Azure's content-filter chunks, which carry no choice (see `guardEmptyChoices`).
 */
export const streamChunks: Transform = {
  name: 'stream-chunks',
  apply(ctx) {
    if (!ctx.source.includes('choices')) return;
    const scopes = new Set<ASTPath<Node>>();
    for (const { path, member } of clientCalls(ctx)) {
      const kind = CHOICE_STREAM_CALLS[member];
      if (kind === 'always' || (kind === 'flag' && requestAsksToStream(path))) scopes.add(enclosingScope(path));
    }
    for (const scope of scopes) guardEmptyChoices(ctx, scope);
  },
};

export default asJscodeshift(streamChunks);
