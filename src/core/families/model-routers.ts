import { escapeRegExp } from '../regexp.js';

/**
 * Frameworks that take a model as a provider-qualified id and build that provider's client themselves, with its key
 * from the environment: Mastra's model router and VoltAgent's provider registry read OPENAI_API_KEY for
 * `model: 'openai/gpt-4o-mini'`, LangChain's `initChatModel('openai:gpt-4o')` and `createAgent({ model: 'openai:…' })`
 * build a ChatOpenAI that does. Such an id names no deployment (the resource and the deployment are the framework's
 * Azure settings), so it gets a marker saying what to hand the framework instead, and the file's reads of the key
 * keep their name: the framework still reads it.
 */
export interface ModelRouter {
  /** The framework's package; its subpaths (`@mastra/core/agent`, `langchain/chat_models/universal`) count too. */
  pkg: string;
  name: string;
  /** What its ids of OpenAI's models start with. */
  prefix: string;
  /** Functions that take such an id as their first argument. */
  calls: readonly string[];
  /** The variable it reads for OpenAI's key. */
  env: string;
  /** What to hand it on Azure OpenAI instead. */
  azure: string;
  /**
   * An option of `calls` that names the provider beside a bare model name (`initChatModel('gpt-4o', { modelProvider:
   * 'openai' })`), and OpenAI's value of it.
   */
  provider?: { key: string; openai: string };
}

const AI_SDK_AZURE_MODEL = "an Azure model (createAzure from @ai-sdk/azure, model: azure('<deployment>'))";

export const MODEL_ROUTERS: readonly ModelRouter[] = [
  { pkg: '@mastra/core', name: 'Mastra', prefix: 'openai/', calls: [], env: 'OPENAI_API_KEY', azure: AI_SDK_AZURE_MODEL },
  { pkg: '@voltagent/core', name: 'VoltAgent', prefix: 'openai/', calls: [], env: 'OPENAI_API_KEY', azure: AI_SDK_AZURE_MODEL },
  {
    pkg: 'langchain',
    name: 'LangChain',
    prefix: 'openai:',
    calls: ['initChatModel'],
    env: 'OPENAI_API_KEY',
    azure: "'azure_openai:<deployment>' (an AzureChatOpenAI reading the AZURE_OPENAI_API_* settings)",
    provider: { key: 'modelProvider', openai: 'openai' },
  },
];

/** Keys of an agent's options that take a routed model id. */
export const ROUTED_MODEL_KEYS: ReadonlySet<string> = new Set(['model', 'embedding', 'embedder']);

const ID_BODY = '[\\w.:-]+';
/** A quoted routed id of an OpenAI model, by router. OpenRouter's ids look like Mastra's, hence the package test. */
const QUOTED_ID = new Map(MODEL_ROUTERS.map((r) => [r, new RegExp(`['"\`]${escapeRegExp(r.prefix)}${ID_BODY}['"\`]`)]));
const ID = new Map(MODEL_ROUTERS.map((r) => [r, new RegExp(`^${escapeRegExp(r.prefix)}${ID_BODY}$`)]));

/** Whether `value` is one of `router`'s ids of an OpenAI model (`openai/gpt-4o-mini`, `openai:gpt-4o`). */
export function isRoutedOpenAIId(router: ModelRouter, value: string): boolean {
  return ID.get(router)!.test(value);
}

/**
 * The framework whose routed OpenAI ids a file's text holds: it names the package and quotes such an id, or names the
 * option that picks the provider beside a bare model name.
 */
export function modelRouterIn(text: string): ModelRouter | undefined {
  return MODEL_ROUTERS.find(
    (router) =>
      (QUOTED_ID.get(router)!.test(text) || (router.provider !== undefined && text.includes(router.provider.key))) &&
      (text.includes(`'${router.pkg}`) || text.includes(`"${router.pkg}`) || text.includes(`\`${router.pkg}`)),
  );
}

/**
 * The marker of a call that names the provider in an option (`modelProvider: 'openai'`), or whose option names it at
 * run time (`modelProvider: provider`, the provider of a `'openai/gpt-4o'` setting split apart): `code` is that value.
 */
export function routedProviderMessage(router: ModelRouter, code: string, atRunTime: boolean): string {
  const which = atRunTime ? `the provider \`${code}\` names at run time, OpenAI itself where that is '${router.provider?.openai}'` : 'OpenAI itself';
  return `${router.name} builds this model for ${which}, reading ${router.env}: on Azure OpenAI pass ${router.azure} instead, then move ${router.env} to the Azure settings`;
}

export function routedModelMessage(router: ModelRouter, id: string): string {
  return `${router.name} resolves '${id}' to OpenAI itself, reading ${router.env}: on Azure OpenAI pass ${router.azure} instead, then move ${router.env} to the Azure settings`;
}
