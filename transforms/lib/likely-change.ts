import { AI_SDK, OPENAI_SDK, mentionsOpenAIHost } from '../../src/core/index.js';

const quoted = (text: string, value: string): boolean => text.includes(`'${value}'`) || text.includes(`"${value}"`);

/**
 * Text shapes after which a file nearly always changes (measured on openai-node and vercel/ai: 99 of 100 and 453 of
 * 478 such files did). For those the runner skips its read-only first pass on Babel's plain tree, which would stop at
 * the first change and be thrown away. A wrong guess costs time only: the recast pass decides the output either way.
 */
const LIKELY: readonly ((text: string) => boolean)[] = [
  // An `openai` client constructed with its default endpoint (a `baseURL` often points elsewhere: tests, other vendors).
  (text) => /\bnew\s+(?:[\w$]+\.)?OpenAI\s*\(/.test(text) && quoted(text, OPENAI_SDK) && !text.includes('baseURL'),
  (text) => quoted(text, AI_SDK.package),
  mentionsOpenAIHost,
];

export function likelyChanges(source: string): boolean {
  return LIKELY.some((test) => test(source));
}
