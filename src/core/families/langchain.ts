/**
 * LangChain JS (`@langchain/openai`, migration spec §7.2) as data: the classes that talk to OpenAI, their Azure
 * classes, where each puts the deployment, what happens to each constructor field, and the env names LangChain reads.
 */
export const LANGCHAIN_PACKAGE = '@langchain/openai';

/**
 * LangChain's legacy entrypoints of the same classes (`langchain` before 0.2, 2023's tutorials): their classes talk to
 * OpenAI, but their Azure settings and package differ by release, so the codemod marks them instead of rewriting.
 */
export const LANGCHAIN_LEGACY_ENTRYPOINTS: readonly string[] = ['langchain/chat_models/openai', 'langchain/embeddings/openai', 'langchain/llms/openai'];

export interface LangChainClass {
  /** The `@langchain/openai` class that replaces it on the classic (deployment-URL) target. */
  azure: string;
  /** The Azure class's field holding the deployment name (`model` stays the real model name there). */
  deploymentField: string;
  /** The env variable LangChain itself reads for that field when it is not set. */
  deploymentEnv: string;
  /** Whether the v1 form (`configuration.baseURL` on `/openai/v1/`) applies: legacy completions are not on v1. */
  v1: boolean;
  /** It makes embeddings: with no model named, the deployment must serve the model stored vectors were made with. */
  embeds?: true;
}

export const LANGCHAIN_CLASSES: Readonly<Record<string, LangChainClass>> = {
  ChatOpenAI: { azure: 'AzureChatOpenAI', deploymentField: 'azureOpenAIApiDeploymentName', deploymentEnv: 'AZURE_OPENAI_API_DEPLOYMENT_NAME', v1: true },
  OpenAIEmbeddings: {
    azure: 'AzureOpenAIEmbeddings',
    deploymentField: 'azureOpenAIApiEmbeddingsDeploymentName',
    deploymentEnv: 'AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME',
    v1: true,
    embeds: true,
  },
  OpenAI: {
    azure: 'AzureOpenAI',
    deploymentField: 'azureOpenAIApiCompletionsDeploymentName',
    deploymentEnv: 'AZURE_OPENAI_API_COMPLETIONS_DEPLOYMENT_NAME',
    v1: false,
  },
};

/** Exports that are already Azure (left alone, never wrapped twice). */
export const LANGCHAIN_AZURE_CLASSES: readonly string[] = [
  'AzureChatOpenAI',
  'AzureChatOpenAICompletions',
  'AzureChatOpenAIResponses',
  'AzureOpenAIEmbeddings',
  'AzureOpenAI',
];

/** The env variables LangChain's Azure classes read (spec §8), by role. */
export const LANGCHAIN_ENV = {
  endpoint: 'AZURE_OPENAI_ENDPOINT',
  apiKey: 'AZURE_OPENAI_API_KEY',
  apiVersion: 'AZURE_OPENAI_API_VERSION',
  instanceName: 'AZURE_OPENAI_API_INSTANCE_NAME',
  basePath: 'AZURE_OPENAI_BASE_PATH',
} as const;

/** The Azure classes' fields, as emitted. */
export const LANGCHAIN_AZURE_FIELDS = {
  endpoint: 'azureOpenAIEndpoint',
  apiKey: 'azureOpenAIApiKey',
  apiVersion: 'azureOpenAIApiVersion',
  tokenProvider: 'azureADTokenProvider',
} as const;

/** The openai SDK client @langchain/openai re-exports: its options are the SDK's own (`baseURL`, `apiKey`). */
export const LANGCHAIN_SDK_CLIENT = 'OpenAIClient';

/** The type of those fields: options declared with an OpenAI fields type (`ChatOpenAIFields`) take it in beside. */
export const LANGCHAIN_AZURE_INPUT_TYPE = 'AzureOpenAIInput';

/**
 * Constructor fields on the way to Azure. `key`: the API key (replaced by the Azure key or token provider);
 * `model`: the model name; `remove`: OpenAI account settings with no Azure meaning; `configuration`: the `openai`
 * client options (cleaned like a client's). Anything else is kept.
 */
export type LangChainFieldAction = 'key' | 'model' | 'remove' | 'configuration' | 'responses';
export const LANGCHAIN_FIELDS: Readonly<Record<string, LangChainFieldAction>> = {
  apiKey: 'key',
  openAIApiKey: 'key',
  model: 'model',
  modelName: 'model',
  organization: 'remove',
  configuration: 'configuration',
  useResponsesApi: 'responses',
};

/**
 * ChatOpenAI calls the Responses API by itself when its `reasoning` option asks for a summary
 * (`reasoning: { effort: 'low', summary: 'auto' }`; @langchain/openai `_useResponsesApi`), as with `useResponsesApi`.
 */
export const LANGCHAIN_REASONING = { field: 'reasoning', responsesKey: 'summary' } as const;

/** LangChain's API key fields (`apiKey`, `openAIApiKey`). */
export const LANGCHAIN_KEY_FIELDS: readonly string[] = Object.keys(LANGCHAIN_FIELDS).filter((field) => LANGCHAIN_FIELDS[field] === 'key');

/** `configuration` (openai ClientOptions) entries dropped on Azure: the target sets the URL and key itself. */
export const LANGCHAIN_CONFIGURATION_REMOVED: readonly string[] = ['organization', 'project', 'baseURL', 'apiKey', 'dataResidency'];

/** Helpers of `@langchain/openai` that build OpenAI-hosted tools (`tools.webSearch()`): they need the Responses API. */
export const LANGCHAIN_TOOLS_EXPORT = 'tools';

/** Why a client goes to the v1 form on the classic target, and what LangChain cannot do on Azure. */
export const LANGCHAIN_MESSAGES = {
  responsesOnV1:
    'the Responses API (useResponsesApi, a reasoning summary or built-in tools) is only documented on Azure\'s /openai/v1 path: this client uses ChatOpenAI there, and `model` carries the deployment name (LangChain keys reasoning/tool behaviour on it; name the deployment after the model)',
  modelNotLiteral:
    'the model is not a literal: set the Azure deployment that serves it (LangChain falls back to AZURE_OPENAI_API_DEPLOYMENT_NAME)',
  modelNotLiteralV1: 'the model is not a literal: on /openai/v1 it must name the Azure deployment that serves it',
  /** Embeddings with no model named: LangChain's default model made the vectors the app has stored. */
  defaultEmbeddings: (env: string) =>
    `no model is named, so LangChain embedded with its default model: set ${env} to a deployment of the model your stored vectors were made with (vectors of another model do not match them)`,
  /** A reasoning model on /openai/v1, where `model` carries the deployment name LangChain reads it from. */
  reasoningByNameV1:
    "LangChain shapes a reasoning model's requests by the model name (max_completion_tokens, the developer role), and on /openai/v1 `model` is the deployment name: name the deployment after the model, or its requests take a chat model's shape, which Azure rejects",
  /** A literal that names no model this tool knows (a fine-tune, a made-up name an example fails with on purpose). */
  modelUnknown: (model: string) =>
    `'${model}' is no model this tool knows: set the Azure deployment that serves it (LangChain falls back to AZURE_OPENAI_API_DEPLOYMENT_NAME); a name meant to fail goes in the deployment field as it is`,
  modelUnknownV1: (model: string) => `'${model}' is no model this tool knows: on /openai/v1 the model must name the Azure deployment that serves it`,
  sdkClient:
    "OpenAIClient is the openai SDK's client, which @langchain/openai re-exports: it talks to OpenAI; construct openai's AzureOpenAI here instead (endpoint, api-version, key or Entra ID), or an OpenAIClient given baseURL `${AZURE_OPENAI_ENDPOINT}/openai/v1/` and your Azure key",
  spreadOptions:
    'some LangChain options come from elsewhere (a spread): check they set no configuration.baseURL, apiKey or organization meant for OpenAI or another vendor (the Azure settings here come after them and win)',
  optionsNotLiteral: (cls: LangChainClass) =>
    `LangChain options are built elsewhere: move them to Azure by hand (${cls.azure} with ${cls.deploymentField}, azureOpenAIEndpoint, azureOpenAIApiVersion, azureOpenAIApiKey or azureADTokenProvider)`,
  legacyEntrypoint: (entrypoint: string) =>
    `this class comes from ${entrypoint}, LangChain's legacy entrypoint (langchain before 0.2), and is left as it is: import it from @langchain/openai (add the package) and run the migration again to move it to Azure, or set its Azure fields here (azureOpenAIApiKey, azureOpenAIApiInstanceName, azureOpenAIApiDeploymentName, azureOpenAIApiVersion)`,
  completionsClassic:
    'the LangChain OpenAI LLM (legacy completions) stays on the classic AzureOpenAI class: completions are not on Azure\'s /openai/v1 surface',
  hostedTools: (types: readonly string[]) =>
    `OpenAI built-in tools (${types.join(', ')}) differ by Azure region and model: check them for your deployment`,
} as const;
