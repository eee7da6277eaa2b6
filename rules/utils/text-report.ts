/** Reporting by text offsets: shared by the text rules for whole-file scans (JS `Program` and the text `Document`). */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

export function locOf(sourceCode: SourceCode, start: number, end: number): TSESTree.SourceLocation {
  return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) };
}

/**
 * A `#` comment line (`.env`, YAML, a shell line in a Markdown snippet; a Markdown heading too): it documents a setting
 * or a default, it does not set one.
 */
export const isCommentLine = (line: string): boolean => line.trimStart().startsWith('#');

/** Each line of a text with the offset it starts at. */
export function* linesWithOffsets(text: string): Iterable<{ line: string; offset: number }> {
  const re = /\r\n|[\r\n\u2028\u2029]/g;
  let offset = 0;
  for (const m of text.matchAll(re)) {
    yield { line: text.slice(offset, m.index), offset };
    offset = m.index + m[0].length;
  }
  yield { line: text.slice(offset), offset };
}
