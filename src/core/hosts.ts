/**
 * Hosts: which URLs talk to OpenAI's API directly, which are Azure, which are merely OpenAI docs links.
 * Shared by the codemod (baseURL decisions) and the linter (no-openai-endpoint, no-openai-client).
 */

/** api.openai.com, its data-residency hosts and the mTLS host; not platform/chat/help/cookbook docs hosts. */
const OPENAI_API_HOST = /(?:^|[^\w.-])(?:(?:us|eu|ae|au|in|jp|mtls)\.)?api\.openai\.com(?![\w-])/i;

export const OPENAI_DOCS_HOSTS: readonly string[] = [
  'platform.openai.com',
  'chat.openai.com',
  'chatgpt.com',
  'help.openai.com',
  'cookbook.openai.com',
  'openai.com',
];

const AZURE_OPENAI_HOST =
  /[\w-]+\.(?:openai\.azure\.(?:com|us|cn)|cognitiveservices\.azure\.(?:com|us|cn)|services\.ai\.azure\.com)/i;

/** Azure front doors teams put before their resource (API Management). */
const AZURE_GATEWAY_HOST = /[\w-]+\.azure-api\.net/i;

/**
 * JSX attributes whose value is text shown to a person (`placeholder="https://api.openai.com/v1"` in a settings form),
 * not a URL the code calls: a host named there is prose, like one in a comment.
 */
const DISPLAY_ATTRIBUTES = new Set(['placeholder', 'title', 'alt', 'aria-label', 'aria-placeholder', 'aria-description']);

export function isDisplayAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  // A component's own prop for the same text (`hostPlaceholder`, `inputPlaceholder`) is shown the same way.
  return DISPLAY_ATTRIBUTES.has(lower) || lower.endsWith('placeholder');
}

/**
 * Expressions a displayed value passes through unchanged on its way into an attribute: a choice between texts
 * (`placeholder={local ? 'http://localhost:8080' : 'https://api.openai.com'}`), a fallback, a cast.
 */
export const DISPLAY_VALUE_CARRIERS: ReadonlySet<string> = new Set([
  'ConditionalExpression',
  'LogicalExpression',
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
]);

/**
 * Whether a string in `parent` names a property rather than holds a value: a key (an object's, an interface's, a
 * class's) or a computed member's (`claims['https://api.openai.com/auth']`, a JWT claim's name). Such a string is
 * no URL anything requests. Babel's and ESTree's trees share these fields.
 */
export function namesProperty(parent: { type: string; key?: unknown; computed?: boolean; property?: unknown }, child: unknown): boolean {
  if (parent.key === child) return true;
  return (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.computed === true && parent.property === child;
}

/**
 * The names of the claims OpenAI's sign-in tokens carry (`https://api.openai.com/auth`, `…/profile`), which code
 * reading a ChatGPT or Codex login writes as values too (`claimPath: 'https://api.openai.com/auth'`): names, not URLs
 * anything requests, and nothing Azure has a counterpart of.
 */
export function isOpenAIClaimName(text: string): boolean {
  return /^https:\/\/api\.openai\.com\/(?:auth|profile)$/.test(text);
}

export function mentionsOpenAIHost(text: string): boolean {
  return OPENAI_API_HOST.test(text);
}

/** The OpenAI host a text mentions (for messages), or undefined. */
export function findOpenAIHost(text: string): string | undefined {
  return OPENAI_API_HOST.exec(text)?.[0].replace(/^[^\w]/, '');
}

export function mentionsAzureHost(text: string): boolean {
  return AZURE_OPENAI_HOST.test(text) || AZURE_GATEWAY_HOST.test(text);
}

/** Env names whose value is an Azure endpoint, so a template built on them is an Azure URL. */
export const AZURE_ENDPOINT_ENV_NAMES: readonly string[] = [
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_ENDPOINT',
  'AZURE_OPENAI_BASE_URL',
];

/**
 * A base URL on Azure's v1 surface: an Azure host (or an Azure endpoint variable) followed by `/openai/v1`.
 * `text` is the URL with unknown parts left as their source text (e.g. `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/`).
 */
export function isAzureV1BaseURL(text: string): boolean {
  const azure = mentionsAzureHost(text) || AZURE_ENDPOINT_ENV_NAMES.some((n) => text.includes(n));
  return azure && /\/openai\/v1\/?(?:$|[?#`'"])/.test(text);
}

/** Already pointed at Azure by hand: deployment-scoped path, Azure host, or an api-version query. */
export function isAzureURL(text: string): boolean {
  return (
    mentionsAzureHost(text) ||
    AZURE_ENDPOINT_ENV_NAMES.some((n) => text.includes(n)) ||
    /\/openai\/deployments\//.test(text)
  );
}

/** A URL written in quotes (a string or template literal's start): `'http://localhost:11434/v1'`. */
const QUOTED_URL = /['"`]((?:https?|wss?):\/\/[^'"`\s]*)/gi;

/**
 * Whether a `baseURL` value sends the `openai` SDK to OpenAI itself (and so is ours to migrate).
 * `undefined` means "unknown expression": only an OpenAI host or an OpenAI env read counts as OpenAI. An OpenAI env
 * read whose default is another URL (`process.env.OPENAI_BASE_URL ?? 'http://localhost:11434/v1'`) is the code of
 * another vendor (or a local server) that lets the variable point it elsewhere: not OpenAI.
 */
export function isOpenAIBaseURL(text: string): boolean {
  if (mentionsOpenAIHost(text)) return true;
  if (!/\bOPENAI_(?:BASE_URL|API_BASE)\b/.test(text)) return false;
  return ![...text.matchAll(QUOTED_URL)].some((m) => !mentionsOpenAIHost(m[1]!));
}

/** Expressions a read and its fallback sit in (`a ?? b`, `a || b`, `c ? a : b`, TypeScript's wrappers, parentheses). */
export const FALLBACK_EXPRESSIONS: ReadonlySet<string> = new Set([
  'LogicalExpression',
  'ConditionalExpression',
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'ParenthesizedExpression',
]);

/**
 * Methods of a validation schema that give a setting its default (zod's, yup's and joi's `.default(value)`): a
 * settings schema's defaults are its settings' values, as an object literal's would be.
 */
export const SCHEMA_DEFAULT_METHODS: readonly string[] = ['default'];

/**
 * Whether a read of OpenAI's base URL variable, in the expression around it (`text`: `process.env.OPENAI_BASE_URL ??
 * 'http://localhost:11434/v1'`), falls back to another URL: that service's setting, which the code and checks leave.
 */
export function defaultsElsewhere(text: string): boolean {
  return /\bOPENAI_(?:BASE_URL|API_BASE)\b/.test(text) && !isOpenAIBaseURL(text);
}

/**
 * Client options that only Azure OpenAI's requests carry (an `api-key` header, an `api-version` query): a client given
 * one is set up for Azure by hand, whatever its base URL falls back to.
 */
export const AZURE_REQUEST_OPTIONS: Readonly<Record<string, string>> = { defaultHeaders: 'api-key', defaultQuery: 'api-version' };

/** OpenAI's mutual-TLS host: an OpenAI-platform identity feature with no Azure counterpart (spec §11.14). */
export const OPENAI_MTLS_HOST = /(?:^|[^\w.-])mtls\.api\.openai\.com(?![\w-])/i;

/** An OpenAI API URL at the start of a text: scheme, API host (or a data-residency host), optional `/v1`, then the rest. */
const OPENAI_API_URL = /^(https?|wss?):\/\/(?:(?:us|eu|ae|au|in|jp)\.)?api\.openai\.com(?::443)?(\/v1)?(?=[/?#]|$)/i;

export interface OpenAIURL {
  /** `ws` for WebSocket URLs, else `http`. */
  scheme: 'http' | 'ws';
  /** Whether the URL is on the versioned API (`/v1…`); a bare host says nothing of the paths later added to it. */
  versioned: boolean;
  /** What follows the host and `/v1`: `/chat/completions?x=1`, `/`, or ''. */
  rest: string;
}

/** Parse a text that starts with an OpenAI API URL (not the mTLS host). */
export function parseOpenAIURL(text: string): OpenAIURL | undefined {
  const m = OPENAI_API_URL.exec(text);
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase().startsWith('ws') ? 'ws' : 'http', versioned: m[2] !== undefined, rest: text.slice(m[0].length) };
}

/** A bare OpenAI API host name (`api.openai.com`, `eu.api.openai.com`), as given to `https.request({ host })`. */
export function isOpenAIAPIHostName(text: string): boolean {
  return /^(?:(?:us|eu|ae|au|in|jp)\.)?api\.openai\.com$/i.test(text);
}
