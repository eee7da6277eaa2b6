/** The quote style most string literals in a file use, so inserted strings match their neighbours. */
export function detectQuote(source: string): 'single' | 'double' {
  const single = source.match(/'(?:[^'\\\n]|\\.)*'/g)?.length ?? 0;
  const double = source.match(/"(?:[^"\\\n]|\\.)*"/g)?.length ?? 0;
  return double > single ? 'double' : 'single';
}
