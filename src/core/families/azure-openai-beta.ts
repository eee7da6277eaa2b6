/**
 * `@azure/openai` 1.0.0-beta (`OpenAIClient`): what each construct becomes on `openai`'s AzureOpenAI (or the v1
 * `OpenAI` client), per migration-spec §5.2. Read by the legacy transform and the linter.
 */

/** How a beta method maps: the current call, the positional parameters after the deployment, and streaming. */
export interface BetaMethod {
  call: string;
  /** Keys of the current request for the arguments after the deployment (the options object comes last). */
  positional: readonly string[];
  stream?: boolean;
  /** Audio: the third argument may be a response format string instead of the options object. */
  format?: boolean;
}

export const AZURE_OPENAI_BETA = {
  package: '@azure/openai',
  client: 'OpenAIClient',
  /** Credential classes: an Azure key, or a key for api.openai.com (the beta's non-Azure mode). */
  azureKey: 'AzureKeyCredential',
  openaiKey: 'OpenAIKeyCredential',
  /** Packages an `AzureKeyCredential` may come from besides the beta itself. */
  credentialPackages: ['@azure/openai', '@azure/core-auth'],
  /** The typings-only companion (2.x) that adds Azure fields to openai's types. */
  typesModule: '@azure/openai/types',
  /** The beta's own api-version default was a preview; AzureOpenAI requires one. */
  scope: 'https://cognitiveservices.azure.com/.default',
} as const;

export const BETA_METHODS: Readonly<Record<string, BetaMethod>> = {
  getChatCompletions: { call: 'chat.completions.create', positional: ['messages'] },
  streamChatCompletions: { call: 'chat.completions.create', positional: ['messages'], stream: true },
  listChatCompletions: { call: 'chat.completions.create', positional: ['messages'], stream: true },
  getCompletions: { call: 'completions.create', positional: ['prompt'] },
  streamCompletions: { call: 'completions.create', positional: ['prompt'], stream: true },
  listCompletions: { call: 'completions.create', positional: ['prompt'], stream: true },
  getEmbeddings: { call: 'embeddings.create', positional: ['input'] },
  getImages: { call: 'images.generate', positional: ['prompt'] },
  getAudioTranscription: { call: 'audio.transcriptions.create', positional: ['file'], format: true },
  getAudioTranslation: { call: 'audio.translations.create', positional: ['file'], format: true },
};

/** Beta types with a direct counterpart among `openai`'s types (exported from `openai/resources`). */
export const BETA_TYPES: Readonly<Record<string, string>> = {
  ChatRequestMessage: 'ChatCompletionMessageParam',
  ChatRequestSystemMessage: 'ChatCompletionSystemMessageParam',
  ChatRequestUserMessage: 'ChatCompletionUserMessageParam',
  ChatRequestAssistantMessage: 'ChatCompletionAssistantMessageParam',
  ChatRequestToolMessage: 'ChatCompletionToolMessageParam',
  ChatResponseMessage: 'ChatCompletionMessage',
  ChatCompletions: 'ChatCompletion',
  ChatCompletionsToolDefinition: 'ChatCompletionTool',
  Completions: 'Completion',
  Embeddings: 'CreateEmbeddingResponse',
  ImageGenerations: 'ImagesResponse',
};

/** Request options camelCase → snake_case (GetChatCompletionsOptions, GetCompletionsOptions, …). Unlisted keys stay. */
export const BETA_OPTION_RENAMES: Readonly<Record<string, string>> = {
  maxTokens: 'max_tokens',
  topP: 'top_p',
  presencePenalty: 'presence_penalty',
  frequencyPenalty: 'frequency_penalty',
  logitBias: 'logit_bias',
  functionCall: 'function_call',
  responseFormat: 'response_format',
  toolChoice: 'tool_choice',
  topLogprobs: 'top_logprobs',
  bestOf: 'best_of',
  parallelToolCalls: 'parallel_tool_calls',
  toolCallId: 'tool_call_id',
  toolCalls: 'tool_calls',
  imageUrl: 'image_url',
  dataSources: 'data_sources',
};

/** Request options with no place in the request body: marked. `model` on embeddings is dropped (the deployment wins). */
export const BETA_DROPPED_OPTIONS: readonly string[] = ['model'];
export const BETA_REQUEST_OPTIONS: Readonly<Record<string, string>> = { abortSignal: 'signal', requestOptions: '', onResponse: '', tracingOptions: '' };

/** On Your Data extension parameters camelCase → snake_case (inside `data_sources[].parameters`). */
export const BETA_DATA_SOURCE_RENAMES: Readonly<Record<string, string>> = {
  indexName: 'index_name',
  inScope: 'in_scope',
  topNDocuments: 'top_n_documents',
  semanticConfiguration: 'semantic_configuration',
  queryType: 'query_type',
  fieldsMapping: 'fields_mapping',
  embeddingDependency: 'embedding_dependency',
  deploymentName: 'deployment_name',
  managedIdentityResourceId: 'managed_identity_resource_id',
  roleInformation: 'role_information',
  strictness: 'strictness',
  key: 'key',
};

/** Result fields read in camelCase → snake_case (ChatCompletions, ChatChoice, usage, filters, images). */
export const BETA_RESULT_RENAMES: Readonly<Record<string, string>> = {
  finishReason: 'finish_reason',
  contentFilterResults: 'content_filter_results',
  promptFilterResults: 'prompt_filter_results',
  promptIndex: 'prompt_index',
  toolCalls: 'tool_calls',
  functionCall: 'function_call',
  systemFingerprint: 'system_fingerprint',
  promptTokens: 'prompt_tokens',
  completionTokens: 'completion_tokens',
  totalTokens: 'total_tokens',
  selfHarm: 'self_harm',
  protectedMaterialText: 'protected_material_text',
  protectedMaterialCode: 'protected_material_code',
  customBlocklists: 'custom_blocklists',
  base64Data: 'b64_json',
  revisedPrompt: 'revised_prompt',
  topLogprobs: 'top_logprobs',
};

/**
 * Result fields whose values hold no field that changed name (text, ids, numbers, embeddings, dates): a value read
 * through one of them can go anywhere, and reads past it need no rename.
 */
export const BETA_RESULT_LEAVES: ReadonlySet<string> = new Set([
  ...['content', 'role', 'name', 'arguments', 'text', 'id', 'model', 'object', 'type', 'url', 'index', 'created'],
  ...['finishReason', 'systemFingerprint', 'base64Data', 'revisedPrompt', 'embedding', 'refusal'],
  ...['promptTokens', 'completionTokens', 'totalTokens', 'promptIndex', 'filtered', 'severity', 'detected'],
]);

/** Result fields that exist on Azure only: reading them in TypeScript needs `import '@azure/openai/types'`. */
export const AZURE_ONLY_FIELDS: readonly string[] = ['content_filter_results', 'prompt_filter_results', 'context', 'data_sources'];

export const BETA_MESSAGES = {
  dataSources:
    'On Your Data: azureExtensionOptions became data_sources with snake_case parameters; check each data source against the api-version (enhancements and some source types were removed)',
  options: 'these @azure/openai options are camelCase: rename them to the snake_case request fields (maxTokens → max_tokens, …)',
  requestOption: 'this @azure/openai option is not a request field: pass it in the second argument ({ signal, headers, timeout })',
  result:
    'this @azure/openai result is read elsewhere: its fields are snake_case now (finishReason → finish_reason, contentFilterResults → content_filter_results, usage.totalTokens → total_tokens)',
  created: '`created` is a unix timestamp in seconds now, not a Date',
  clientOptions: 'OpenAIClientOptions other than apiVersion: move them to the client options (timeout, maxRetries, defaultHeaders)',
  credential: 'credential not recognised: pass apiKey (a string) or azureADTokenProvider: getBearerTokenProvider(credential, scope)',
  file: 'the service reads the audio format from the file name: set the name passed to toFile to match the audio (audio.wav, audio.mp3, …)',
  format: 'the response format argument is not a literal: pass it as response_format',
} as const;
