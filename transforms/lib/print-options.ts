import { detectQuote } from './quotes.js';
import { trailingCommas } from './reprint-style.js';
import { detectTrailingComma } from './trailing-commas.js';

/** Whether the file indents with tabs: more lines start with a tab than with spaces. */
export function detectTabs(source: string): boolean {
  const tabs = source.match(/^\t/gm)?.length ?? 0;
  const spaces = source.match(/^ +\S/gm)?.length ?? 0;
  return tabs > spaces;
}

/**
 * In a tab-indented file, the lines recast printed anew indent with tabs too: recast measures a tab as 4 columns
 * and indents what it prints with spaces (`useTabs` only covers whole reprinted blocks). Lines the file already had
 * are left as they are.
 */
export function retab(output: string, source: string): string {
  if (!detectTabs(source)) return output;
  const original = new Set(source.split(/\r?\n/));
  return output
    .split('\n')
    .map((line) => (original.has(line) ? line : line.replace(/^(\t*)((?: {4})+)(?=\S)/, (_, tabs: string, spaces: string) => tabs + '\t'.repeat(spaces.length / 4))))
    .join('\n');
}

/**
 * How recast prints the nodes we rewrite, taken from the file's own style so new code matches its neighbours:
 * quotes, trailing commas (a literal the file had keeps its own, see reprint-style.ts), tabs (recast reads tabs as 4
 * columns and would print spaces).
 */
export function printOptions(source: string): { quote: 'single' | 'double'; trailingComma: boolean; useTabs: boolean; lineTerminator: string } {
  // recast takes `trailingComma` per kind of list too (its options.js documents it; its types say boolean).
  const trailingComma = trailingCommas(detectTrailingComma(source)) as unknown as boolean;
  return { quote: detectQuote(source), trailingComma, useTabs: detectTabs(source), lineTerminator: '\n' };
}
