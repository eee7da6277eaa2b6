import { CLIENT_SIDE_MESSAGES, isBrowserModule, type ClientSide } from '../../src/core/index.js';
import type { TransformContext } from './types.js';

const KEY = 'openai-to-azure:client-side';

/**
 * Where the file runs when no server env is there for a `process.env` read the migration would add: in a browser,
 * as its text says (core `isBrowserModule`) or the project does (a browser extension's package), or in an editor
 * extension (the project's `facts.clientSide`). Asked by several transforms of one file: answered once.
 */
export function clientSide(ctx: TransformContext): ClientSide | undefined {
  let answer = ctx.shared.get(KEY) as ClientSide | null | undefined;
  if (answer === undefined) ctx.shared.set(KEY, (answer = ctx.facts.clientSide ?? (isBrowserModule(ctx.source) ? 'browser' : null)));
  return answer ?? undefined;
}

/** The marker for a file that runs where the migration's `process.env` reads would find nothing, if it does. */
export function clientSideMessage(ctx: TransformContext): string | undefined {
  const side = clientSide(ctx);
  return side && CLIENT_SIDE_MESSAGES[side];
}
