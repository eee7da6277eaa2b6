import { isBrowserModule } from '../../src/core/index.js';
import type { TransformContext } from './types.js';

/**
 * Whether the file runs in a browser, where a `process.env` read the migration would add does not exist: its text
 * says so (core `isBrowserModule`), or the project does (a file of a browser extension's package: `facts.browser`).
 */
export function runsInBrowser(ctx: TransformContext): boolean {
  return ctx.facts.browser === true || isBrowserModule(ctx.source);
}
