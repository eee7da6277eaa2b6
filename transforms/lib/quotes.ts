/** The last file asked about: the transforms and the printer ask the same file's style again. */
let last: { source: string; quote: 'single' | 'double' } | undefined;

/** The quote style most string literals in a file use, so inserted strings match their neighbours. */
export function detectQuote(source: string): 'single' | 'double' {
  if (last?.source === source) return last.quote;
  const single = source.match(/'(?:[^'\\\n]|\\.)*'/g)?.length ?? 0;
  const double = source.match(/"(?:[^"\\\n]|\\.)*"/g)?.length ?? 0;
  last = { source, quote: double > single ? 'double' : 'single' };
  return last.quote;
}
