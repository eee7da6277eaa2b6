/**
 * Environment variables: the OpenAI names code reads, and what each becomes on Azure.
 * `null` means the variable has no Azure meaning and should simply go away.
 */
export const OPENAI_ENV_REPLACEMENTS: Readonly<Record<string, string | null>> = {
  OPENAI_API_KEY: 'AZURE_OPENAI_API_KEY',
  OPENAI_KEY: 'AZURE_OPENAI_API_KEY',
  OPENAI_BASE_URL: 'AZURE_OPENAI_ENDPOINT',
  OPENAI_API_BASE: 'AZURE_OPENAI_ENDPOINT',
  OPENAI_API_HOST: 'AZURE_OPENAI_ENDPOINT',
  OPENAI_MODEL: 'AZURE_OPENAI_DEPLOYMENT',
  OPENAI_CHAT_MODEL: 'AZURE_OPENAI_DEPLOYMENT',
  OPENAI_EMBEDDING_MODEL: 'AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT',
  OPENAI_EMBEDDINGS_MODEL: 'AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT',
  OPENAI_ORG_ID: null,
  OPENAI_ORGANIZATION: null,
  OPENAI_PROJECT_ID: null,
  OPENAI_ADMIN_KEY: null,
};

/** `OPENAI_API_VERSION` is read by `AzureOpenAI` itself: an Azure variable despite its name. */
export const AZURE_OWNED_OPENAI_ENV: readonly string[] = ['OPENAI_API_VERSION'];

export function isOpenAIEnvName(name: string): boolean {
  return name.startsWith('OPENAI_') && !AZURE_OWNED_OPENAI_ENV.includes(name);
}

/** The Azure variable to read instead, `null` when there is none to read, `undefined` when unknown. */
export function azureReplacementFor(name: string): string | null | undefined {
  return Object.hasOwn(OPENAI_ENV_REPLACEMENTS, name) ? OPENAI_ENV_REPLACEMENTS[name] : undefined;
}

/** The variables migrated code reads, by role. */
export const AZURE_ENV = {
  endpoint: 'AZURE_OPENAI_ENDPOINT',
  apiKey: 'AZURE_OPENAI_API_KEY',
  apiVersion: 'OPENAI_API_VERSION',
} as const;
