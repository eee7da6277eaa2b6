/**
 * openai v3 (`Configuration` + `OpenAIApi`, axios responses) and `openai-edge` (the same surface on fetch): what each
 * construct becomes on today's `openai` API (migration-spec §5.1). Read by the legacy transform and the linter.
 */

/** How a v3 method maps: the current resource call, and the v3 positional parameters when it takes them. */
export interface V3Method {
  /** Member path on a current client (`chat.completions.create`). */
  call: string;
  /** Positional parameters in order, as keys of the current request object (snake_case). */
  positional?: readonly string[];
  /** Parameters passed as a bare id (`retrieveModel(id)`): the call keeps its first argument as is. */
  id?: boolean;
}

export const OPENAI_V3 = {
  /** Packages carrying the v3 surface; `openai` only when a v3 export is imported from it. */
  packages: ['openai', 'openai-edge'],
  client: 'OpenAIApi',
  configuration: 'Configuration',
  /** Type exports of v3 with a counterpart among `openai`'s resource types (enums such as `…RoleEnum` have none). */
  types: {
    ChatCompletionRequestMessage: 'ChatCompletionMessageParam',
    CreateChatCompletionRequest: 'ChatCompletionCreateParamsNonStreaming',
    CreateChatCompletionResponse: 'ChatCompletion',
    CreateEmbeddingRequest: 'EmbeddingCreateParams',
    CreateEmbeddingResponse: 'CreateEmbeddingResponse',
    CreateCompletionRequest: 'CompletionCreateParamsNonStreaming',
    CreateCompletionResponse: 'Completion',
    CreateImageRequest: 'ImageGenerateParams',
    ImagesResponse: 'ImagesResponse',
    ImagesResponseDataInner: 'Image',
    CreateEmbeddingResponseDataInner: 'Embedding',
    ChatCompletionResponseMessage: 'ChatCompletionMessage',
    ChatCompletionFunctions: 'FunctionDefinition',
    CreateModerationRequest: 'ModerationCreateParams',
    CreateModerationResponse: 'ModerationCreateResponse',
    Model: 'Model',
    OpenAIFile: 'FileObject',
  } as Readonly<Record<string, string>>,
  /**
   * What `openai` exports at its top level today (openai 7's index): a v3 name imported beside them that is none of
   * these, and that `types` does not map (enums such as `ChatCompletionRequestMessageRoleEnum`, `…Inner` helper types
   * of no counterpart, axios helpers), no longer exists.
   */
  currentExports: [
    'default',
    'OpenAI',
    'ClientOptions',
    'DataResidency',
    'Uploadable',
    'toFile',
    'toStreamingFile',
    'APIPromise',
    'PagePromise',
    'ComputerToolset',
    'ComputerDriver',
    'OpenAIError',
    'APIError',
    'APIConnectionError',
    'APIConnectionTimeoutError',
    'APIUserAbortError',
    'NotFoundError',
    'ConflictError',
    'RateLimitError',
    'BadRequestError',
    'AuthenticationError',
    'InternalServerError',
    'PermissionDeniedError',
    'UnprocessableEntityError',
    'InvalidWebhookSignatureError',
    'OAuthError',
    'SubjectTokenProviderError',
    'AzureOpenAI',
    'AzureClientOptions',
    'BedrockOpenAI',
    'BedrockClientOptions',
  ] as readonly string[],
} as const;

/** A v3 type export of `openai` that today's package lacks at its top level (`ChatCompletionRequestMessage`). */
export function isV3TypeName(name: string): boolean {
  return Object.hasOwn(OPENAI_V3.types, name) && !OPENAI_V3.currentExports.includes(name);
}

/** `new Configuration({...})` keys → `new OpenAI({...})` keys; `baseOptions` is split by BASE_OPTIONS. */
export const V3_CONFIGURATION_OPTIONS: Readonly<Record<string, string>> = {
  apiKey: 'apiKey',
  organization: 'organization',
  basePath: 'baseURL',
};

/** `baseOptions` (axios defaults) keys → client options. */
export const V3_BASE_OPTIONS: Readonly<Record<string, string>> = {
  headers: 'defaultHeaders',
  params: 'defaultQuery',
  timeout: 'timeout',
};

export const V3_METHODS: Readonly<Record<string, V3Method>> = {
  createChatCompletion: { call: 'chat.completions.create' },
  createCompletion: { call: 'completions.create' },
  createEmbedding: { call: 'embeddings.create' },
  createImage: { call: 'images.generate' },
  createImageEdit: { call: 'images.edit', positional: ['image', 'prompt', 'mask', 'n', 'size', 'response_format', 'user'] },
  createImageVariation: { call: 'images.createVariation', positional: ['image', 'n', 'size', 'response_format', 'user'] },
  createTranscription: {
    call: 'audio.transcriptions.create',
    positional: ['file', 'model', 'prompt', 'response_format', 'temperature', 'language'],
  },
  createTranslation: { call: 'audio.translations.create', positional: ['file', 'model', 'prompt', 'response_format', 'temperature'] },
  createModeration: { call: 'moderations.create' },
  listModels: { call: 'models.list' },
  retrieveModel: { call: 'models.retrieve', id: true },
  deleteModel: { call: 'models.delete', id: true },
  createFile: { call: 'files.create', positional: ['file', 'purpose'] },
  listFiles: { call: 'files.list' },
  retrieveFile: { call: 'files.retrieve', id: true },
  deleteFile: { call: 'files.delete', id: true },
  downloadFile: { call: 'files.content', id: true },
  createFineTune: { call: 'fineTuning.jobs.create' },
  listFineTunes: { call: 'fineTuning.jobs.list' },
  retrieveFineTune: { call: 'fineTuning.jobs.retrieve', id: true },
  cancelFineTune: { call: 'fineTuning.jobs.cancel', id: true },
  listFineTuneEvents: { call: 'fineTuning.jobs.listEvents', id: true },
};

/** v3 methods whose endpoints are gone: marked, never rewritten. */
export const V3_REMOVED_METHODS: readonly string[] = [
  'createEdit',
  'createAnswer',
  'createClassification',
  'createSearch',
  'listEngines',
  'retrieveEngine',
];

/** axios error fields (`err.response.X`) → current `APIError` fields (`err.Y`). `data.error` is the body's error. */
export const V3_ERROR_FIELDS: Readonly<Record<string, string>> = {
  status: 'status',
  headers: 'headers',
  data: 'error',
};

export const V3_MESSAGES = {
  removed: 'this openai v3 endpoint no longer exists (edits, answers, classifications, search, engines): rewrite it on chat completions',
  axiosOptions: 'the second argument was axios request options: the current SDK takes { headers, query, timeout, signal } here',
  manualStream:
    'this code reads the v3 axios stream by hand (SSE lines): the call now returns a Stream, iterate it with for await (const chunk of stream) and read chunk.choices[0]?.delta',
  envelope:
    'the result is no longer an axios response: the payload is the result itself (was .data), status and headers come from .withResponse()',
  edgeStream:
    'this streaming call returned a fetch Response (openai-edge) or an axios stream; it now returns a Stream of chunks: iterate it with for await, or stream through the `ai` package (streamText with @ai-sdk/azure)',
  fineTune: 'the legacy fine-tunes API is retired: fineTuning.jobs takes a different payload (training_file, model with version)',
  errorResponse: 'axios error shape: the current SDK throws APIError with status, error and headers (no .response)',
  goneExports: (names: readonly string[]) =>
    `openai v3 ${names.length === 1 ? 'export' : 'exports'} ${names.join(', ')} no longer ${names.length === 1 ? 'exists' : 'exist'}: use the resource types (import type { … } from 'openai/resources') or plain values (enums became string literals: 'user', 'assistant')`,
} as const;
