/**
 * A line that ends a statement rather than a literal's last item: it starts with a statement keyword or assigns.
 * In a file without semicolons such lines close every block.
 */
const STATEMENT = /^[ \t]*(?:return|throw|break|continue|const|let|var|await|yield)\b|[^=!<>]=[^=>]/;

/**
 * Whether the file ends multi-line object and array literals with a comma, so literals it did not have match their
 * neighbours (one it had keeps its own, see reprint-style.ts).
 */
export function detectTrailingComma(source: string): boolean {
  const withComma = source.match(/,[ \t]*\r?\n[ \t]*[}\]]/g)?.length ?? 0;
  // A value then a closing brace on the next line; `;` and `)` would count statements and calls, not literals.
  let without = 0;
  for (const [lines] of source.matchAll(/^.*[\w'"`][ \t]*\r?\n[ \t]*[}\]]/gm)) if (!STATEMENT.test(lines)) without++;
  return withComma > without;
}
