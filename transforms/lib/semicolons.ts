/**
 * Whether the file ends its statements without semicolons: fewer of its lines end with `;` than half of those that
 * start a statement with a keyword (a file with semicolons ends nearly every such statement with one). No statement
 * at all counts as semicolons, recast's way.
 */
export function omitsSemicolons(source: string): boolean {
  const starts = source.match(/^[ \t]*(?:import|const|let|var|return|throw)\b/gm)?.length ?? 0;
  const ends = source.match(/;[ \t]*(?:\/\/.*)?\r?$/gm)?.length ?? 0;
  return ends * 2 < starts;
}

/**
 * Put before a `;` recast printed at the end of a statement that should have none (reprint-style.ts); `settleEnds`
 * decides once the text around it is known. A private-use character: a file that holds it gets no such mark.
 */
export const UNSURE_END = '\uE000';

/**
 * Where the next line would continue the statement (ASI does not end it before these), the semicolon stays:
 * `(`, `[`, a template, `+`, `-`, a regex or division, `<` (JSX, type arguments), `*` (a generator method).
 */
const CONTINUES = new Set(['(', '[', '`', '+', '-', '/', '<', '*']);

/** Whether a statement may end without its `;` before `text[at]`: what follows, past blanks and comments, cannot continue it. */
function endsWithout(text: string, at: number): boolean {
  let newline = false;
  for (let i = at; i < text.length; ) {
    const c = text[i]!;
    if (c === '\n') newline = true;
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') i++;
    else if (text.startsWith('//', i)) i = text.includes('\n', i) ? text.indexOf('\n', i) : text.length;
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return false;
      newline ||= text.slice(i, close).includes('\n');
      i = close + 2;
    } else return newline ? !CONTINUES.has(c) : c === '}';
  }
  return true;
}

/** The printed text with each unsure `;` dropped where the statement ends without it, kept where it must stay. */
export function settleEnds(output: string): string {
  if (!output.includes(UNSURE_END)) return output;
  return output.replace(/\uE000+;/g, (mark, offset: number) => (endsWithout(output, offset + mark.length) ? '' : ';'));
}
