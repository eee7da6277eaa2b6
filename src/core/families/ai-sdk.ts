/**
 * The Vercel AI SDK family (`@ai-sdk/openai` → `@ai-sdk/azure`, migration spec §7.1) as data: read by the
 * `ai-sdk` transform, by the lint rules (through packages.ts) and by the project index, so they agree.
 */

/** What an OpenAI provider setting becomes on `createAzure`. */
export type AiSdkSettingAction =
  /** replaced by the Azure auth the run emits (`apiKey` / `tokenProvider`) */
  | 'auth'
  /** replaced by the Azure endpoint the run emits (`resourceName` / `baseURL`) */
  | 'endpoint'
  /** no Azure counterpart: removed */
  | 'drop'
  /** kept, minus OpenAI account headers */
  | 'headers'
  /** kept as is */
  | 'keep';

/** The kind of model a provider method creates (its `providerMetadata` key on Azure: `AI_SDK.metadataKeys`). */
export type AiSdkModelKind = 'responses' | 'chat' | 'completion' | 'embedding' | 'image' | 'transcription' | 'speech';

export const AI_SDK = {
  package: '@ai-sdk/openai',
  azurePackage: '@ai-sdk/azure',
  /**
   * The `@ai-sdk/azure` range for each major of the `@ai-sdk/openai` it replaces: one monorepo releases both with
   * majors in step (0.x for ai 3, 1.x for ai 4, 2.x for ai 5, 3.x for ai 6), and another major fails beside that `ai`.
   */
  azureRanges: { 0: '^0.0.52', 1: '^1.0.0', 2: '^2.0.129', 3: '^3.0.128', 4: '^4.0.0' },
  /**
   * What the migrated code asks of `@ai-sdk/azure` beyond the classic key, and the first major that has it: the v1
   * form (a `baseURL` ending in `/openai/v1`, read as Azure's v1 API from 2.0.129 and 3.0.113: 1.x builds deployment
   * URLs only) and Entra ID (`tokenProvider`, from 3.0.69). Its major follows `@ai-sdk/openai`'s, so an older project
   * gets a note, not a raise.
   */
  azureSince: [
    { option: 'target', value: 'v1', major: 2, ai: 5, feature: "a baseURL on Azure's /openai/v1 API", instead: '--target classic' },
    { option: 'auth', value: 'entra-id', major: 3, ai: 6, feature: 'a tokenProvider (Entra ID)', instead: '--auth api-key' },
  ],
  /** The default provider instance: `openai('gpt-4o')`, `openai.chat('gpt-4o')`. */
  instance: { openai: 'azure' },
  /** Provider factories: `createOpenAI({ ... })`. */
  factories: { createOpenAI: 'createAzure' },
  /**
   * Types naming what the factory and instance make: they follow the file's values (`let p: OpenAIProvider =
   * createAzure(…)` does not compile, as Azure's provider lacks some of OpenAI's tools). `OpenAIProviderSettings`
   * stays: Azure's settings lack `organization`, `project` and `name`, and such an object spread into `createAzure`
   * compiles as it is.
   */
  types: { OpenAIProvider: 'AzureOpenAIProvider' },
  /**
   * Provider methods taking a model id, which becomes a deployment on Azure; the same names exist on
   * `AzureOpenAIProvider` (1:1). Calling the provider itself (`openai(id)`) creates a Responses model.
   */
  methods: {
    languageModel: 'responses',
    responses: 'responses',
    chat: 'chat',
    completion: 'completion',
    embedding: 'embedding',
    embeddingModel: 'embedding',
    textEmbedding: 'embedding',
    textEmbeddingModel: 'embedding',
    image: 'image',
    imageModel: 'image',
    transcription: 'transcription',
    speech: 'speech',
  } satisfies Record<string, AiSdkModelKind>,
  /** `openai.tools.*` with an `azure.tools.*` counterpart; the rest of `openai.tools` has none (spec §7.1). */
  tools: ['codeInterpreter', 'fileSearch', 'imageGeneration', 'webSearch', 'webSearchPreview'],
  /** `createOpenAI` settings and what each becomes on `createAzure`; a setting not listed is kept with a marker. */
  settings: {
    apiKey: 'auth',
    baseURL: 'endpoint',
    organization: 'drop',
    project: 'drop',
    name: 'drop',
    compatibility: 'drop',
    headers: 'headers',
    fetch: 'keep',
  } satisfies Record<string, AiSdkSettingAction>,
  /** Variables `@ai-sdk/azure` reads by default (its default `azure` instance, `createAzure()` without settings). */
  env: { resourceName: 'AZURE_RESOURCE_NAME', apiKey: 'AZURE_API_KEY' },
  /**
   * The `providerMetadata` key of each model kind in `@ai-sdk/azure` (3.0.128): a Responses model names it after its
   * provider (`azure`); chat, completion and image models write `openai` whatever serves them; the others write none.
   */
  metadataKeys: { responses: 'azure', chat: 'openai', completion: 'openai', image: 'openai' } satisfies Partial<Record<AiSdkModelKind, string>>,
  /** A model string routed by the Vercel AI Gateway (`'openai/gpt-4o'`), not by this provider. */
  gatewayPrefix: 'openai/',
  /** Packages whose calls take such strings (`generateText({ model: 'openai/gpt-4o' })`, `gateway.languageModel(id)`). */
  gatewayPackages: ['ai', '@ai-sdk/gateway'],
} as const;

export const AI_SDK_MESSAGES = {
  providerHeldElsewhere:
    'this provider is kept in a table, returned or handed on, so the model ids it is given are written elsewhere, out of reach here: each must now be an Azure deployment name',
  factoryHandedOn: (name: string) =>
    `${name} is handed on here, not called: the provider is made elsewhere, with settings and model ids this tool cannot see, so it stays on @ai-sdk/openai; for Azure hand on createAzure from @ai-sdk/azure and give it Azure settings (resourceName, or baseURL \`\${AZURE_OPENAI_ENDPOINT}/openai/v1\`; apiKey) and deployment names as model ids`,
  memberWithoutCounterpart: (member: string) =>
    `openai.${member} has no @ai-sdk/azure counterpart: it stays on @ai-sdk/openai (and talks to OpenAI) until replaced`,
  toolWithoutCounterpart: (tool: string) =>
    `openai.tools.${tool} has no @ai-sdk/azure counterpart (azure.tools has ${AI_SDK.tools.join(', ')}): check the tool is offered for your Azure deployment or replace it`,
  hostedTool: (tool: string) =>
    `hosted tool availability and parameters differ by Azure region and model: check ${tool} for your deployment`,
  gateway:
    'this model id is routed by the Vercel AI Gateway, not sent to OpenAI by this code: to reach Azure, use an @ai-sdk/azure model or route the Gateway to Azure (providerOptions.gateway.order: ["azure"])',
  gatewayProvider:
    "this provider is given other vendors' model ids (`anthropic/…`), so its base URL is a gateway's: it is left on @ai-sdk/openai (and that gateway); to use Azure OpenAI, point the gateway at your Azure resource, or give this file's OpenAI models an @ai-sdk/azure provider",
  metadata:
    'providerMetadata of Azure Responses models is keyed `azure` (chat, completion and image models keep `openai`): read the key of the model that produced this result',
  unknownSetting: (key: string) => `createOpenAI setting \`${key}\` has no known @ai-sdk/azure counterpart: check it`,
  spreadSettings:
    'provider settings come from elsewhere: check they set no baseURL (a baseURL wins over resourceName in @ai-sdk/azure, so the Azure key would go there), organization, project or OpenAI apiKey (the other Azure settings here come last and win)',
  namespace:
    'this @ai-sdk/openai namespace import is also used for other exports: move its openai / createOpenAI uses to @ai-sdk/azure by hand',
  // forceReasoning is in @ai-sdk/openai 3 (ai 6) and later only; every major checks how the id starts (o1-, o, gpt-5).
  capabilities:
    'the AI SDK detects reasoning models by model id, which a deployment name may no longer show: name each reasoning deployment after its model (o3-mini, gpt-5-mini), or, on ai 6 (@ai-sdk/azure 3) and later, set providerOptions.openai.forceReasoning (and systemMessageMode) for it',
} as const;

/** The export of `@ai-sdk/azure` replacing an `@ai-sdk/openai` export, if any. */
export function aiSdkAzureExport(name: string): string | undefined {
  const map: Readonly<Record<string, string>> = { ...AI_SDK.instance, ...AI_SDK.factories };
  return Object.hasOwn(map, name) ? map[name] : undefined;
}

export function isAiSdkModelMethod(name: string): boolean {
  return Object.hasOwn(AI_SDK.methods, name);
}

/** What each `@ai-sdk/openai` export becomes, for messages (`azure (from @ai-sdk/azure)`). */
export function aiSdkReplacements(): Record<string, string> {
  const map: Readonly<Record<string, string>> = { ...AI_SDK.instance, ...AI_SDK.factories };
  return Object.fromEntries(Object.entries(map).map(([from, to]) => [from, `${to} (from ${AI_SDK.azurePackage})`]));
}
