/**
 * Packages and classes that make a client talk to OpenAI, and the Azure ones that already don't.
 * Keyed by module specifier; `default` stands for the default export.
 */
export const OPENAI_SDK = 'openai';

/** Exports of the `openai` package that construct a direct-OpenAI client. */
export const OPENAI_CLIENT_EXPORTS: readonly string[] = ['default', 'OpenAI'];
/** Exports of the `openai` package that already target Azure. */
export const AZURE_CLIENT_EXPORTS: readonly string[] = ['AzureOpenAI'];
/** openai v3's client, gone since v4 (migrate to `new OpenAI` first). */
export const LEGACY_CLIENT_EXPORTS: readonly string[] = ['OpenAIApi'];

/** openai v3-style clients the codemod does not rewrite, by package: their exports and the marker on each construction. */
export const LEGACY_CLIENTS: Readonly<Record<string, { exports: readonly string[]; message: string }>> = {
  openai: {
    exports: LEGACY_CLIENT_EXPORTS,
    message:
      "openai v3 API (OpenAIApi) is not supported by this tool's rewrite: upgrade to openai v4+ first (github.com/openai/openai-node/discussions/217), then re-run",
  },
  'openai-edge': {
    exports: ['OpenAIApi'],
    message:
      "openai-edge (the openai v3 API on fetch) is not supported by this tool's rewrite: move to openai v4+ (`new OpenAI()` runs on edge runtimes), then re-run",
  },
};

/** Subpath imports that are still the `openai` package (types, helpers), never a client constructor. */
export function isOpenAISubpath(source: string): boolean {
  return source.startsWith('openai/');
}

/**
 * Wrappers that talk to OpenAI directly, with the Azure class or package that replaces each.
 * Used by the linter (`no-openai-client`) and to mark wrapper code the codemod does not rewrite yet.
 */
export const DIRECT_OPENAI_WRAPPERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '@langchain/openai': {
    ChatOpenAI: 'AzureChatOpenAI',
    OpenAIEmbeddings: 'AzureOpenAIEmbeddings',
    OpenAI: 'AzureOpenAI',
  },
  '@ai-sdk/openai': {
    openai: 'azure (from @ai-sdk/azure)',
    createOpenAI: 'createAzure (from @ai-sdk/azure)',
  },
  'openai-edge': {
    OpenAIApi: 'AzureOpenAI (from openai)',
  },
};

/** Packages whose presence means code is already on Azure. */
export const AZURE_PACKAGES: readonly string[] = ['@ai-sdk/azure', '@azure/openai'];

/**
 * Factory-style wrapper exports that are called, not constructed (`openai('gpt-4o')`, `createOpenAI({...})`), and the
 * methods of the `@ai-sdk/openai` provider that each create a model bound to OpenAI (`openai.chat('gpt-4o')`).
 */
export const WRAPPER_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  '@ai-sdk/openai': ['openai', 'createOpenAI'],
};
export const AI_SDK_PROVIDER_METHODS: readonly string[] = [
  'languageModel',
  'responses',
  'chat',
  'completion',
  'embedding',
  'embeddingModel',
  'textEmbedding',
  'textEmbeddingModel',
  'image',
  'imageModel',
  'transcription',
  'speech',
];

/**
 * Version ranges for the dependencies the migrated code needs, written into `package.json` (the releases this
 * tool's transforms were checked against). A range already there that satisfies the major is kept.
 */
export const DEPENDENCY_RANGES: Readonly<Record<string, string>> = {
  '@azure/identity': '^4.13.1',
  '@ai-sdk/azure': '^3.0.128',
  openai: '^7.57.0',
};

/** Packages a migration can leave unused (their imports become `openai` or `@ai-sdk/azure`). */
export const REPLACED_PACKAGES: readonly string[] = ['@ai-sdk/openai', 'openai-edge', '@azure/openai'];
