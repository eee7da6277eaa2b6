import { AGENTS_PACKAGE, AI_SDK, LANGCHAIN_PACKAGE, OPENAI_SDK, mentionsOpenAIHost } from '../../src/core/index.js';

const quoted = (text: string, value: string): boolean => text.includes(`'${value}'`) || text.includes(`"${value}"`);

/**
 * Text shapes after which a file nearly always changes (measured on openai-node, vercel/ai and openai-agents-js: 112 of
 * 113, 502 of 527 and 299 of 339 such files did). For those the runner skips its read-only first pass on Babel's
 * plain tree, which would stop at the first change and be thrown away. A wrong guess costs a snapshot of the tree
 * only (the regions pass decides the output either way); a right one saves a second parse.
 */
const LIKELY: readonly ((text: string) => boolean)[] = [
  // An `openai` client constructed with its default endpoint (a `baseURL` often points elsewhere: tests, other vendors).
  (text) => /\bnew\s+(?:[\w$]+\.)?OpenAI\s*\(/.test(text) && quoted(text, OPENAI_SDK) && !text.includes('baseURL'),
  (text) => quoted(text, AI_SDK.package),
  // The Agents SDK's entry package (its `-core` and `-openai` internals mostly do not change) and LangChain's.
  (text) => quoted(text, AGENTS_PACKAGE),
  (text) => quoted(text, LANGCHAIN_PACKAGE),
  mentionsOpenAIHost,
];

export function likelyChanges(source: string): boolean {
  return LIKELY.some((test) => test(source));
}
