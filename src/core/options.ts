/**
 * What happens to each `openai` client option on Azure (migration spec §3).
 * remove: dropped (meaningless or harmful on Azure); keep: unchanged; clean: kept minus OpenAI-only entries;
 * flag: kept, with a TODO marker explaining what the user must still do.
 */
export type OptionAction = 'remove' | 'keep' | 'clean' | 'flag' | 'replace';

export interface OptionRule {
  action: OptionAction;
  /** Marker text for `flag` (and for `remove` where removal loses behaviour the user must re-create). */
  why?: string;
  /** Flag only a value that may be true: a literal `false` needs no marker. */
  unlessFalse?: boolean;
  /** For `remove` that loses nothing the user must redo: a line in the report saying why the option went. */
  note?: string;
}

/** OpenAI account options every family drops (client options, `createOpenAI` settings, LangChain fields), and the report's line about it. */
export const ACCOUNT_OPTIONS: readonly string[] = ['organization', 'project'];
export const ACCOUNT_NOTE =
  'removed OpenAI organization/project options: Azure OpenAI has neither; access, quota and billing follow the Azure resource';

export const CLIENT_OPTIONS: Readonly<Record<string, OptionRule>> = {
  apiKey: { action: 'replace' },
  baseURL: { action: 'replace' },
  organization: { action: 'remove', note: ACCOUNT_NOTE },
  project: { action: 'remove', note: ACCOUNT_NOTE },
  adminAPIKey: {
    action: 'remove',
    why: 'Azure OpenAI has no admin API key; organization administration is Azure RBAC and ARM',
  },
  dataResidency: {
    action: 'remove',
    why: 'data residency on Azure is the region and deployment type (Standard, DataZone, Global) you deploy to',
  },
  credential: { action: 'remove', why: 'OpenAI X.509 mTLS credentials do not apply to Azure OpenAI' },
  x509Transport: { action: 'remove', why: 'OpenAI X.509 mTLS transport does not apply to Azure OpenAI' },
  workloadIdentity: {
    action: 'flag',
    why: 'workloadIdentity authenticates to the OpenAI platform, not Azure; use Entra ID (--auth entra-id)',
  },
  webhookSecret: {
    action: 'flag',
    why: 'register the webhook endpoint on the Azure resource and deploy the signing secret Azure issues',
  },
  defaultHeaders: { action: 'clean' },
  timeout: { action: 'keep' },
  maxRetries: { action: 'keep' },
  fetch: { action: 'keep' },
  fetchOptions: { action: 'keep' },
  httpAgent: { action: 'keep' },
  defaultQuery: { action: 'keep' },
  dangerouslyAllowBrowser: {
    action: 'flag',
    unlessFalse: true,
    why: 'browser code must not hold an Azure OpenAI key: move these calls to a server or token broker (DefaultAzureCredential cannot mint Entra ID tokens in the browser)',
  },
  logLevel: { action: 'keep' },
  logger: { action: 'keep' },
};

/**
 * The marker of an `apiKey` the code supplies itself (a variable, a member, a call: a per-user or configured key),
 * which the migrated client (`openai`'s, or the AI SDK's provider) replaces with the Azure auth read from `envName`
 * (spec §3: rewrite the value) — never silently.
 */
export function ownApiKeyMessage(envName: string): string {
  return `this apiKey came from the code (a per-user or configured OpenAI key), not the environment: the Azure client uses ${envName} (or Entra ID) instead, so whoever reaches this code now spends your Azure resource (gate it, or drop the route); if users bring their own keys, they must now bring Azure OpenAI keys: pass them here`;
}

/** A raw request's key that came from the code: it is now sent to Azure, so it must be an Azure OpenAI key. */
export const OWN_REQUEST_KEY_MESSAGE =
  "this request's key came from the code (a per-user or configured OpenAI key), not the environment, and now goes to Azure as `api-key`: it must be an Azure OpenAI key (or use Entra ID); if users bring their own keys, they must now bring Azure OpenAI keys";

/**
 * The marker of a setting read off an env object other than the process's (`env.OPENAI_API_KEY`: a Cloudflare Worker's
 * or Pages Function's bindings, Hono's `c.env`, SvelteKit's `$env/dynamic/private`, a config object), where the
 * migrated code reads `process.env`, which such a runtime may not provide (a Worker without `nodejs_compat`).
 */
export function handedEnvMessage(object: string, name: string): string {
  return `${name} is read from \`${object}\`, an env object other than process.env (a Worker's bindings, Hono's c.env, SvelteKit's $env, a config object), but the Azure settings written here read process.env, which that runtime may not provide: read them, and the deployment variables, from \`${object}\` and declare them there`;
}

/**
 * A client (or AI SDK provider) whose base URL the code hands it at run time (`baseURL: config.baseURL`): it talks to
 * OpenAI wherever that value is unset or OpenAI's, and to whatever else it names otherwise, so it is left as it is.
 */
export function baseURLFromCodeMessage(value: string): string {
  return `this client's base URL comes from the code (\`${value}\`): where it is unset or OpenAI's, the client still talks to OpenAI; left as it is: for Azure OpenAI, create the Azure client here (endpoint, api-version, key or Entra ID) for that case`;
}

/**
 * Client options that hand the client to another cloud's API (openai's `provider: bedrock({ region })`, from
 * `openai/providers/*`): such a client is that cloud's, not OpenAI's, whatever else its options say.
 */
export const OTHER_CLOUD_OPTIONS: readonly string[] = ['provider'];

/** Client properties whose meaning changes with Entra ID auth (the token provider becomes the SDK's `apiKey` function). */
export const ENTRA_CLIENT_PROPERTIES: Readonly<Record<string, string>> = {
  apiKey:
    "with Entra ID auth the client's apiKey holds no key (null until the first request, then a short-lived token): get credentials from the token provider instead",
};

/** Headers that carry OpenAI account routing or an OpenAI bearer key: stripped from `defaultHeaders`. */
export const OPENAI_ONLY_HEADERS: readonly string[] = ['openai-organization', 'openai-project', 'authorization'];

export function optionRule(name: string): OptionRule {
  return CLIENT_OPTIONS[name] ?? { action: 'keep' };
}
