/**
 * Whether the file ends multi-line object and array literals with a comma, so reprinted ones match their
 * neighbours (recast's `trailingComma` applies to every list it reprints).
 */
export function detectTrailingComma(source: string): boolean {
  const withComma = source.match(/,[ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  // A value then a closing brace on the next line; `;` and `)` would count statements and calls, not literals.
  const without = source.match(/[\w'"`][ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  return withComma > without;
}
