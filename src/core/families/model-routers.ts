/**
 * Agent frameworks that take a model as a "provider/model" id and build that provider's client themselves, with its
 * key from the environment: Mastra's model router and VoltAgent's provider registry read OPENAI_API_KEY for
 * `model: 'openai/gpt-4o-mini'` and talk to OpenAI. Such an id has no Azure form this tool can write (the resource and
 * the deployment are settings of the framework's own Azure provider, or an AI SDK model built for it), so it gets a
 * marker, and the file's reads of the key keep their name: the framework still reads it.
 */
export interface ModelRouter {
  /** The framework's package; its subpaths (`@mastra/core/agent`) count too. */
  pkg: string;
  name: string;
  /** The variable it reads for OpenAI's key. */
  env: string;
}

export const MODEL_ROUTERS: readonly ModelRouter[] = [
  { pkg: '@mastra/core', name: 'Mastra', env: 'OPENAI_API_KEY' },
  { pkg: '@voltagent/core', name: 'VoltAgent', env: 'OPENAI_API_KEY' },
];

/** Keys of an agent's options that take a routed model id. */
export const ROUTED_MODEL_KEYS: ReadonlySet<string> = new Set(['model', 'embedding', 'embedder']);

/** A routed id of an OpenAI model (`openai/gpt-4o-mini`); OpenRouter's ids look the same, hence the package test. */
export const ROUTED_OPENAI_ID = /^openai\/[\w.:-]+$/;

const ROUTED_ID_TEXT = /\b(?:model|embedding|embedder)['"]?\s*:\s*['"`]openai\/[\w.:-]+['"`]/;

/** The framework whose routed OpenAI ids a file's text holds: it names the package and quotes such an id. */
export function modelRouterIn(text: string): ModelRouter | undefined {
  if (!ROUTED_ID_TEXT.test(text)) return undefined;
  return MODEL_ROUTERS.find((router) => text.includes(`'${router.pkg}`) || text.includes(`"${router.pkg}`) || text.includes(`\`${router.pkg}`));
}

export function routedModelMessage(router: ModelRouter, id: string): string {
  return `${router.name} resolves '${id}' to OpenAI itself, reading ${router.env}: on Azure OpenAI pass an Azure model instead (createAzure from @ai-sdk/azure, model: azure('<deployment>')), then move ${router.env} to the Azure settings`;
}
