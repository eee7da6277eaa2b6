import {
  AI_SDK,
  AZURE_ENV,
  azureReplacementFor,
  isLaterApiVersion,
  isAzureURL,
  isModelName,
  isOpenAIEnvName,
  LANGCHAIN_ENV,
  mentionsOpenAIHost,
  OPENAI_BASE_URL_ENV,
  type AuthMode,
  type Target,
} from '../core/index.js';
import { findSecret } from '../core/secrets.js';
import type { DeploymentUse } from '../../transforms/lib/types.js';

/** What the code migration established, which every config file follows. */
export interface ConfigContext {
  /** The variables the migrated code this file serves reads (the report's `env` list, within the file's scope). */
  env: readonly string[];
  /** OpenAI variables that code still reads after the run (beside a marker, in an unmigrated client): kept. */
  staleEnv?: readonly string[];
  target: Target;
  /** The run's auth: with the target, what the migrated code asks of the packages it now imports. */
  auth?: AuthMode;
  apiVersion: string;
  /** Each api-version variable that code reads, with the latest version it falls back to. */
  apiVersions?: Readonly<Record<string, string>>;
  /** Each model sent as a deployment, with the env variable or deployment name it became. */
  deployments: readonly DeploymentUse[];
  /** What each package.json (absolute path) must gain and lose. */
  packages?: ReadonlyMap<string, PackageChanges>;
  /** What the Deno import maps of each folder (absolute path) must gain: the needs of the code they serve. */
  importMaps?: ReadonlyMap<string, PackageChanges>;
}

/** The dependency edits one package.json gets. */
export interface PackageChanges {
  /** Package → version range to add (or raise to). */
  add: ReadonlyMap<string, string>;
  remove: readonly string[];
  /** Package → the oldest release the migrated code works with, and what it needs from it: a range below is raised. */
  atLeast?: ReadonlyMap<string, { version: string; features: readonly string[]; alsoNeeds?: readonly string[] }>;
  /** Added packages only test files need (core `isTestFile`): what the package ships does not. */
  testsOnly?: ReadonlySet<string>;
}

/** What becomes of one variable a config file sets. */
export type Fate = { kind: 'keep' } | { kind: 'delete' } | { kind: 'rename'; to: string };

const KEEP: Fate = { kind: 'keep' };
const DELETE: Fate = { kind: 'delete' };
/** `OPENAI_MODEL`, `OPENAI_CHAT_MODEL`, `OPENAI_GPT4_MODEL`…: a model setting, now a deployment name. */
const MODEL_VARIABLE = /^OPENAI_(?:[A-Z0-9_]+_)?MODEL(?:_NAME)?$/;
const DEPLOYMENT_VARIABLE = /^AZURE_OPENAI_(?:[A-Z0-9]+_)*DEPLOYMENT/;

/** Whether a variable names a deployment: the report's deployment env names and any `AZURE_OPENAI_*DEPLOYMENT*`. */
export function isDeploymentVariable(name: string, ctx: ConfigContext): boolean {
  return DEPLOYMENT_VARIABLE.test(name) || ctx.deployments.some((d) => d.env === name);
}

/** The model a deployment variable's example value should name (its old value when that is a model name). */
export function modelFor(name: string, ctx: ConfigContext, oldValue = ''): string | undefined {
  if (isModelName(oldValue)) return oldValue;
  return ctx.deployments.find((d) => d.env === name)?.model;
}

/**
 * The fate of a variable `name` (set to `value`) in a config file. The env list is the truth: a variable the code
 * reads stays; an OpenAI variable becomes the Azure one the code now reads, or goes when the code reads none.
 */
export function fateOf(name: string, value: string, ctx: ConfigContext): Fate {
  if (ctx.env.includes(name) || ctx.staleEnv?.includes(name)) return KEEP;
  if (name === AZURE_ENV.apiVersion) return ctx.target === 'v1' ? DELETE : KEEP;
  if (!isOpenAIEnvName(name)) return KEEP;
  // Before any rename: the Azure endpoint the code reads is no place for another service's URL.
  if (isOtherServiceBaseURL(name, value)) return KEEP;
  const known = azureReplacementFor(name);
  const replacement = known !== undefined ? known : MODEL_VARIABLE.test(name) ? 'AZURE_OPENAI_DEPLOYMENT' : undefined;
  if (replacement === null) return DELETE;
  // An OpenAI name this tool does not know may still be read by code it left a marker in: keep it for the user.
  if (replacement === undefined) return KEEP;
  if (ctx.env.includes(replacement)) return { kind: 'rename', to: replacement };
  // The code reads another Azure name for the same setting (the AI SDK's Azure provider reads AZURE_API_KEY).
  const alias = SAME_SETTING[replacement]?.find((name) => ctx.env.includes(name));
  if (alias) return { kind: 'rename', to: alias };
  if (MODEL_VARIABLE.test(name) || replacement.includes('DEPLOYMENT')) {
    const use = ctx.deployments.find((d) => d.model === value.trim() && d.env);
    if (use?.env) return { kind: 'rename', to: use.env };
  }
  // A base URL that is not OpenAI's may be a proxy the code still reads (it got a marker): keep it.
  if (OPENAI_BASE_URL_ENV.includes(name) && value.trim() !== '' && !/api\.openai\.com/.test(value)) return KEEP;
  // A key goes when the migrated code is keyless; else no migrated code reads one, and code the run did not see as
  // reading it (`env.OPENAI_API_KEY` of an object handed in) may: a secret is not deleted on a guess.
  if (replacement === AZURE_ENV.apiKey && ctx.auth !== 'entra-id') return KEEP;
  return DELETE;
}

/** A base URL variable set to a URL of another service (Groq, a local server), neither OpenAI's nor Azure's. */
export function isOtherServiceBaseURL(name: string, value: string): boolean {
  return OPENAI_BASE_URL_ENV.includes(name) && /^https?:\/\//i.test(value.trim()) && !mentionsOpenAIHost(value) && !isAzureURL(value);
}

/**
 * The note for a block of settings (a service's or a job's env) whose base URL is another service's: its OpenAI
 * variables (the key too) configure that service, so none of them is renamed, whatever their order.
 */
export function otherServiceBlockNote(line: number, name: string, value: string): string {
  return `line ${line}: ${name} points at ${value.trim()}, not OpenAI: this block's OpenAI variables configure that service and are kept; if this service should use Azure OpenAI, set the Azure variables its code reads by hand`;
}

/** The Azure key variables migrated code reads: the openai SDK's and LangChain's, the AI SDK's Azure provider's. */
export const KEY_VARIABLES: readonly string[] = [AZURE_ENV.apiKey, AI_SDK.env.apiKey];

/** Whether an OpenAI variable holds the API key (`OPENAI_API_KEY`, `OPENAI_KEY`). */
export function isKeyVariable(name: string): boolean {
  return azureReplacementFor(name) === AZURE_ENV.apiKey;
}

/** Azure variables that hold the same setting under another client's name: an OpenAI key becomes whichever the code reads. */
const SAME_SETTING: Readonly<Record<string, readonly string[]>> = { [AZURE_ENV.apiKey]: KEY_VARIABLES.filter((n) => n !== AZURE_ENV.apiKey) };

/**
 * Variables a block that sets the API key must also set for the migrated code to connect, when it reads them: the
 * endpoint, the AI SDK's resource name and key, the api-version. In canonical order (endpoint, key, api-version, …).
 */
export const CONNECTION_COMPANIONS: readonly string[] = [AZURE_ENV.endpoint, AZURE_ENV.apiKey, AI_SDK.env.apiKey, AI_SDK.env.resourceName, AZURE_ENV.apiVersion];

export const ENDPOINT_PLACEHOLDER = 'https://<your-resource>.openai.azure.com';

/** Variables holding an api-version: `AzureOpenAI`'s and LangChain's Azure classes'. */
const API_VERSION_VARIABLES: readonly string[] = [AZURE_ENV.apiVersion, LANGCHAIN_ENV.apiVersion];

/**
 * The api-version a variable must hold for the code that reads it: the version that code falls back to (a value
 * set wins over the fallback, so an older or empty one would break the calls that need a preview).
 */
export function apiVersionFor(name: string, ctx: ConfigContext): string | undefined {
  if (!API_VERSION_VARIABLES.includes(name) || !ctx.env.includes(name)) return undefined;
  return ctx.apiVersions?.[name] ?? ctx.apiVersion;
}

/** The value an api-version variable set to `value` must get instead (empty, or older than the code needs). */
export function raisedApiVersion(name: string, value: string, ctx: ConfigContext): string | undefined {
  const needed = apiVersionFor(name, ctx);
  return needed !== undefined && (value === '' || isLaterApiVersion(needed, value)) ? needed : undefined;
}

/** A placeholder value for a variable (never a secret): the endpoint's shape, the api-version, a model name. */
export function placeholderFor(name: string, ctx: ConfigContext, oldValue = ''): string {
  if (name === AZURE_ENV.endpoint) return ENDPOINT_PLACEHOLDER;
  const apiVersion = apiVersionFor(name, ctx);
  if (apiVersion !== undefined) return apiVersion;
  if (isDeploymentVariable(name, ctx)) return modelFor(name, ctx, oldValue) ?? '<your-deployment>';
  return '';
}

/** The comment above a deployment variable: the example value is a model name, the real one a deployment's. */
export function deploymentComment(model: string | undefined): string {
  return model
    ? `Name of your Azure OpenAI deployment of ${model} (a deployment name, not a model name)`
    : 'Name of your Azure OpenAI deployment (a deployment name, not a model name)';
}

/** Canonical order for variables a file gains: endpoint, key, api-version, then deployments by name. */
export function canonicalOrder(names: Iterable<string>): string[] {
  const rank = (n: string): number => {
    const i = [AZURE_ENV.endpoint, AZURE_ENV.apiKey, AZURE_ENV.apiVersion].indexOf(n as never);
    return i < 0 ? 3 : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Variables that connect to the service (key, base URL): the Azure endpoint and api-version go beside them. */
export function isConnectionVariable(name: string): boolean {
  const replacement = azureReplacementFor(name);
  return replacement === AZURE_ENV.apiKey || replacement === AZURE_ENV.endpoint;
}

/** A value that must never be copied: an OpenAI key. */
export function secretIn(value: string): string | undefined {
  return findSecret(value);
}
