import { AZURE_ENV, isOpenAIEnvName } from './env.js';
import { AI_SDK } from './families/ai-sdk.js';
import { modelRouterIn } from './families/model-routers.js';
import { openAIWrappersIn } from './families/openai-wrappers.js';
import { mentionsOpenAIHost } from './hosts.js';
import { escapeRegExp } from './regexp.js';
import { MIGRATED_PACKAGES, quotesPackage, SPECIFIER_PREFIX } from './packages.js';

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


/**
 * `from 'openai'`, `import 'openai/shims'`, `require("@ai-sdk/openai")`, `import("openai")`, `jest.mock('openai')`;
 * through a Deno or CDN scheme too (`from 'npm:openai@^4'`, `'jsr:@openai/openai'`, `'https://esm.sh/openai@4'`).
 */
const PACKAGE_IMPORT = new RegExp(
  `(?:\\bfrom|\\bimport|\\brequire|\\bmock)\\s*\\(?\\s*['"\`]${SPECIFIER_PREFIX}(?:${MIGRATED_PACKAGES.map(escapeRegExp).join('|')})(?:@[^'"\`/\\s]*)?(?:/[^'"\`]*)?['"\`]`,
);
const ENV_NAME = /\bOPENAI_[A-Z0-9_]+/g;

const GATEWAY_ID = new RegExp(`['"\`]${escapeRegExp(AI_SDK.gatewayPrefix)}[\\w.:-]+['"\`]`);

/**
 * Whether a file may hand the Vercel AI Gateway an OpenAI model id (`generateText({ model: 'openai/gpt-4o' })`): it
 * quotes such an id and imports a package whose calls take one. It needs no provider package to do so.
 */
export function handsGatewayIds(text: string): boolean {
  return GATEWAY_ID.test(text) && AI_SDK.gatewayPackages.some((pkg) => quotesPackage(text, pkg));
}

/**
 * What every candidate contains, tested first because most files fail it: the packages, the hosts and the env
 * names a candidate needs all contain "openai" in some case, so one literal (10× cheaper than the whole pre-filter
 * pattern) decides most files. Should a migrated package ever lack it, the whole pattern is the gate again.
 */
const MIGRATION_GATE = MIGRATED_PACKAGES.every((name) => /openai/i.test(name)) ? /openai/i : PREFILTER_PATTERN;

/**
 * Whether `migrate` must parse a file: it imports or requires a package this tool migrates, reads an OpenAI
 * environment variable, names an OpenAI API host, hands an agent framework a routed OpenAI model id
 * (`MODEL_ROUTERS`) or the AI Gateway an OpenAI one, or imports a framework's own OpenAI classes (`OPENAI_WRAPPERS`). A file that mentions "openai" only in prose (a provider id, a comment, a docs link) costs this
 * text scan, not a parse. Files that use a client or model constant exported
 * from elsewhere are added by the project index (it follows candidates' imports and scans for importers).
 */
export function isMigrationCandidate(text: string): boolean {
  if (!MIGRATION_GATE.test(text)) return false;
  if (PACKAGE_IMPORT.test(text) || mentionsOpenAIHost(text) || modelRouterIn(text) || openAIWrappersIn(text).length > 0 || handsGatewayIds(text)) return true;
  for (const [name] of text.matchAll(ENV_NAME)) if (isOpenAIEnvName(name)) return true;
  return false;
}

const CONFIG_ENV_NAME = /\b(?:AZURE_)?OPENAI_[A-Z0-9_]+/g;

/**
 * Whether a config file (env template, YAML, `.env`) names a variable its editor acts on: an OpenAI variable
 * (`OPENAI_API_KEY`, not another provider's `OPENAI_COMPATIBLE_*`), `OPENAI_API_VERSION` or an `AZURE_OPENAI_*` one.
 * "OpenAI" in prose or in other names does not count, so such a file is never parsed.
 */
export function setsOpenAIEnv(text: string): boolean {
  for (const [name] of text.matchAll(CONFIG_ENV_NAME)) {
    if (name.startsWith('AZURE_') || name === AZURE_ENV.apiVersion || isOpenAIEnvName(name)) return true;
  }
  return false;
}
