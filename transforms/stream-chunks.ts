import type { ASTPath } from 'jscodeshift';
import { CHOICE_STREAM_CALLS } from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { unwrap } from './lib/clients.js';
import { objectLiteral, propertyPath } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { enclosingScope, guardEmptyChoices } from './lib/stream-chunks.js';
import type { Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Whether a call's request says `stream: true`. */
function streams(call: ASTPath<Node>): boolean {
  const options = objectLiteral(call.get('arguments', 0));
  const stream = options && propertyPath(options, 'stream');
  return unwrap((stream?.node as Node)?.value)?.value === true;
}

/**
 * Streams of chat and legacy completions on a client now pointed at Azure: in the function that reads one,
 * `chunk.choices[0].delta` becomes `chunk.choices[0]?.delta`, as Azure's content-filter chunks carry no choice.
 */
export const streamChunks: Transform = {
  name: 'stream-chunks',
  apply(ctx) {
    if (!ctx.source.includes('choices')) return;
    const scopes = new Set<ASTPath<Node>>();
    for (const { path, member } of clientCalls(ctx)) {
      const kind = CHOICE_STREAM_CALLS[member];
      if (kind === 'always' || (kind === 'flag' && streams(path))) scopes.add(enclosingScope(path));
    }
    for (const scope of scopes) guardEmptyChoices(ctx, scope);
  },
};

export default asJscodeshift(streamChunks);
