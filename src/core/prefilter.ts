/**
 * The pre-filter: text a file must contain to possibly involve OpenAI. Files without any of these are never parsed.
 * Deliberately generous (a false positive costs one parse; a false negative skips a file), as regex sources.
 */
export const PREFILTER_TOKENS: readonly string[] = [
  // the package, the class, env variables (OPENAI_*), hosts (api.openai.com)
  'openai',
  // secret keys
  '\\bsk-[A-Za-z0-9]',
  // resource calls on a client defined elsewhere
  'chat\\.completions',
  '\\.completions\\.create',
  '\\.embeddings\\.',
  '\\.responses\\.',
  '\\bmoderations\\b',
  '\\.images\\.(?:generate|edit|createVariation)',
  '\\.audio\\.(?:transcriptions|translations|speech)',
  '\\.fineTuning\\.',
  '\\bvectorStores\\b',
  // model names
  '\\bgpt-',
  '\\bchatgpt-',
  'text-embedding',
  'dall-e',
  'whisper-1',
  '\\btts-1',
  '\\bdavinci\\b',
  // o-series models only when quoted, so identifiers like `o1` do not count
  '["\'`]o[1-9](?:-[\\w.-]*)?["\'`]',
];

export const PREFILTER_PATTERN = new RegExp(PREFILTER_TOKENS.join('|'), 'i');

export function mayInvolveOpenAI(text: string): boolean {
  return PREFILTER_PATTERN.test(text);
}
