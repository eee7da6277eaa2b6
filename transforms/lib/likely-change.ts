import {
  AGENTS_DIRECT,
  AGENTS_PACKAGE,
  AGENTS_REALTIME_PACKAGES,
  AI_SDK,
  LANGCHAIN_PACKAGE,
  OPENAI_SDK,
  OPENAI_WRAPPERS,
  handsGatewayIds,
  mentionsOpenAIHost,
  openAIWrappersIn,
  quotesPackage,
  type OpenAIWrapper,
} from '../../src/core/index.js';

const quoted = (text: string, value: string): boolean => text.includes(`'${value}'`) || text.includes(`"${value}"`);

/** `new OpenAI()`, or `new OpenAI({ … })` whose options (no nested braces) set no baseURL. */
const DEFAULT_ENDPOINT_CLIENT = /\bnew\s+(?:[\w$]+\.)?OpenAI\s*\(\s*(?:\)|\{(?:(?!baseURL)[^{}])*\}\s*\))/;

/** A call or construction of one of each framework wrapper's OpenAI exports (`new OpenAI(`, `openai(`), which gets a marker. */
const WRAPPER_CALLS = new Map<OpenAIWrapper, RegExp>(
  OPENAI_WRAPPERS.map((w) => [w, new RegExp(`\\b(?:${Object.keys(w.exports).filter((e) => e !== 'default').join('|')})\\s*\\(`)]),
);

/** A realtime session or transport of the Agents SDK constructed (`new RealtimeSession(agent)`). */
const REALTIME_SESSION = new RegExp(`\\bnew\\s+(?:${AGENTS_DIRECT.realtime.join('|')})\\s*\\(`);

/** `process.env.OPENAI_…` read or set (a rename, or a marker where the name has no Azure counterpart). */
const OPENAI_ENV = /\bprocess\.env(?:\.OPENAI_|\[\s*['"`]OPENAI_)/;

/**
 * Text shapes after which a file nearly always changes (measured on openai-node, vercel/ai and openai-agents-js: 112 of
 * 113, 502 of 527 and 299 of 339 such files did; a client given options without a baseURL in a file that names one
 * elsewhere, 7 of 8 more on openai-node; a LlamaIndex OpenAI class used, 103 of 103 on LlamaIndexTS). For those the runner skips its read-only first pass on Babel's
 * plain tree, which would stop at the first change and be thrown away. A wrong guess costs a snapshot of the tree
 * only (the regions pass decides the output either way); a right one saves a second parse.
 */
const LIKELY: readonly ((text: string) => boolean)[] = [
  // An `openai` client constructed with its default endpoint (a `baseURL` often points elsewhere: tests, other
  // vendors): in a file that names no baseURL, or one whose options are written in the call without one.
  (text) => quotesPackage(text, OPENAI_SDK) && (text.includes('baseURL') ? DEFAULT_ENDPOINT_CLIENT.test(text) : /\bnew\s+(?:[\w$]+\.)?OpenAI\s*\(/.test(text)),
  // A framework's own OpenAI class or factory used (LlamaIndex, Genkit): each use gets a marker.
  (text) => openAIWrappersIn(text).some((w) => WRAPPER_CALLS.get(w)!.test(text)),
  (text) => quoted(text, AI_SDK.package),
  // The Agents SDK's entry package (its `-core` and `-openai` internals mostly do not change) and LangChain's.
  (text) => quoted(text, AGENTS_PACKAGE),
  (text) => quoted(text, LANGCHAIN_PACKAGE),
  mentionsOpenAIHost,
  // An OpenAI variable of `process.env` (16 fetched repositories: 21 of 28 such files not caught above change).
  (text) => OPENAI_ENV.test(text),
  // A realtime session of the Agents SDK: its marker (openai-agents-js and openai-realtime-agents: 20 of 20 change).
  (text) => AGENTS_REALTIME_PACKAGES.some((pkg) => quotesPackage(text, pkg)) && REALTIME_SESSION.test(text),
  // An AI Gateway `openai/…` id handed to the `ai` package: its marker (vercel/ai: 30 of 43 such files change).
  handsGatewayIds,
];

export function likelyChanges(source: string): boolean {
  return LIKELY.some((test) => test(source));
}
