import { isBrowserModule } from '../../src/core/index.js';
import type { TransformContext } from './types.js';

const KEY = 'openai-to-azure:runs-in-browser';

/**
 * Whether the file runs in a browser, where a `process.env` read the migration would add does not exist: its text
 * says so (core `isBrowserModule`), or the project does (a file of a browser extension's package: `facts.browser`).
 * Asked by several transforms of one file: answered once.
 */
export function runsInBrowser(ctx: TransformContext): boolean {
  let answer = ctx.shared.get(KEY) as boolean | undefined;
  if (answer === undefined) ctx.shared.set(KEY, (answer = ctx.facts.browser === true || isBrowserModule(ctx.source)));
  return answer;
}
