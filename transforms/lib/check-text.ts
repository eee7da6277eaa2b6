import { isFunction } from './file-index.js';
import type { Snapshot } from './regions.js';

type Node = any; // Babel's plain tree, as the snapshot holds it.

/**
 * Where the inside of a node the check may blank lies, `[open, close]`: the offsets of its opening and closing
 * bracket (the inside is between them). Undefined when the node holds nothing to blank.
 *
 * - A function's body: a scope of its own, so no name declared inside it clashes with one outside. One with a
 *   directive (`'use strict'`) stays, as a directive also rules the function's parameters.
 * - An object or array literal, a JSX element's children: expressions declare nothing outside the functions and
 *   classes they hold, and `{ }`, `[ ]`, `<a> </a>` parse wherever the full ones did.
 *
 * What else can make code fail depends on the nodes around it (a function's `async` for an `await` inside, a class
 * for `super`): a node whose own fields changed is printed whole, blank inside and all.
 */
const INSIDE: Readonly<Record<string, (node: Node) => [number, number] | undefined>> = {
  ObjectExpression: (node) => [node.start, node.end - 1],
  ArrayExpression: (node) => [node.start, node.end - 1],
  JSXElement: (node) => (node.closingElement ? [node.openingElement.end - 1, node.closingElement.start] : undefined),
  JSXFragment: (node) => [node.openingFragment.end - 1, node.closingFragment.start],
};

const bodyOf = (node: Node): [number, number] | undefined => {
  const body = node.body;
  return body?.type === 'BlockStatement' && !(body.directives?.length > 0) ? [body.start, body.end - 1] : undefined;
};

/**
 * What the output's safety net (run.ts `parsesAgain`) parses for a file printed by regions: the file's text with the
 * inside of each node `INSIDE` (or a function's body) lists that the output keeps byte for byte blanked, then the same
 * printed regions put in place.
 *
 * The file parsed as it was, so its text outside the printed regions can only fail together with what was printed
 * into it, and nothing inside such a node can: blanking it (each character but line breaks becomes a space, so
 * offsets, lines and Babel's error positions stay the same) leaves the check's answer unchanged at a fraction of the
 * parse. openai-node's changed files keep more than half of their code in untouched test bodies.
 */
export function untouchedInsides(snaps: Snapshot, printed: readonly { start: number; end: number }[]): [number, number][] {
  const insides: [number, number][] = [];
  for (const snap of snaps.values()) {
    const inside = isFunction(snap) ? bodyOf(snap) : INSIDE[snap.type]?.(snap);
    if (inside) insides.push(inside);
  }
  // Outer before inner; `printed` is in order and its parts do not overlap.
  insides.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: [number, number][] = [];
  let next = 0;
  let blankedUntil = 0;
  for (const [open, close] of insides) {
    if (open < blankedUntil) continue;
    while (next < printed.length && printed[next]!.end <= open) next++;
    // A printed region (an insertion too) inside, or across a bracket, keeps it.
    if (next < printed.length && printed[next]!.start <= close) continue;
    kept.push([open + 1, close]);
    blankedUntil = close;
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
