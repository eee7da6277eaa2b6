/** Module specifiers as they appear in text (`from '…'`, `import('…')`, `require('…')`): a superset of what a parse finds. */
const SPECIFIER_TEXT = /\b(?:from|import|require)\s*\(?\s*(['"`])([^'"`\n]+)\1/g;

/** The module specifiers a file's text names, in order. Text alone, no parse. */
export function specifiersIn(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(SPECIFIER_TEXT)) specifiers.push(match[2]!);
  return specifiers;
}

/**
 * The same, one per line, in a string of their own: the pre-filter keeps them for every file it drops, so the project
 * index finds the files that import a module of interest without reading them again. One joined copy, not the
 * matches themselves: V8 keeps a file's whole text alive behind a substring of it.
 */
export function specifierLines(text: string): string {
  return specifiersIn(text).join('\n');
}
