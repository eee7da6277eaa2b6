import { isFunction } from './file-index.js';
import type { Snapshot } from './regions.js';

/**
 * What the output's safety net (run.ts `parsesAgain`) parses for a file printed by regions: the file's text with the
 * inside of every function body the output keeps byte for byte blanked, then the same printed regions put in place.
 *
 * The file parsed as it was, so its text outside the printed regions can only fail together with what was printed
 * into it. A function body is a scope of its own: no name declared inside it clashes with one outside, and nothing
 * inside it can glue to a statement printed outside it. So a body no region touches cannot make the output fail,
 * and blanking it (each character but line breaks becomes a space, so offsets, lines and Babel's error positions stay
 * the same) leaves the check's answer unchanged at a fraction of the parse: openai-node's changed files keep more
 * than half of their code in untouched test bodies. A body with a directive (`'use strict'`) stays, since a
 * directive also rules its function's parameters.
 */
export function keptBodies(snaps: Snapshot, printed: readonly { start: number; end: number }[]): [number, number][] {
  const kept: [number, number][] = [];
  let next = 0;
  let blankedUntil = 0;
  // The snapshot lists nodes in source order, outer before inner: a body inside one blanked already is skipped.
  for (const snap of snaps.values()) {
    if (!isFunction(snap) || snap.body?.type !== 'BlockStatement') continue;
    const body = snaps.get(snap.body);
    if (!body || body.directives?.length > 0 || body.start < blankedUntil) continue;
    while (next < printed.length && printed[next]!.end <= body.start) next++;
    // A printed region (an insertion too) inside the body, or across its edge, keeps it.
    if (next < printed.length && printed[next]!.start < body.end) continue;
    kept.push([body.start + 1, body.end - 1]);
    blankedUntil = body.end;
  }
  return kept;
}

/** `source` with each range's characters but line breaks made spaces. */
export function blanked(source: string, ranges: readonly (readonly [number, number])[]): string {
  let text = '';
  let at = 0;
  for (const [start, end] of ranges) {
    text += source.slice(at, start) + source.slice(start, end).replace(/[^\n]+/g, (line) => ' '.repeat(line.length));
    at = end;
  }
  return text + source.slice(at);
}
