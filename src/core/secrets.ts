/**
 * OpenAI secret keys. The strict pattern is gitleaks' `openai-api-key` rule (anchored on `T3BlbkFJ`, base64 of
 * "OpenAI"); the loose one catches project/service/admin keys and long `sk-` tokens with lower confidence.
 */
const STRICT =
  /sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}/;
// A kind prefix must be followed by a body of its own length: the bare alternative would take `sk-proj-` plus 16
// characters (a test's `sk-proj-abcdef0123456789`) for a 21-character key.
const LOOSE = /\bsk-(?:proj-|svcacct-|admin-)[A-Za-z0-9_-]{20,}|\bsk-(?!(?:proj|svcacct|admin)-)[A-Za-z0-9_-]{20,}/;

/** Either, every match of a text (`matchAll` copies it: its `lastIndex` is never shared). */
const ANY_KEY = new RegExp(`${STRICT.source}|${LOOSE.source}`, 'g');

/** Names of the option or setting that holds an API key: `apiKey`, `api_key`, `key`, `token`, `apiToken`. */
const KEY_OPTION_NAME = /^(?:api[_-]?)?(?:key|token)$/i;

export function isKeyOptionName(name: string): boolean {
  return KEY_OPTION_NAME.test(name);
}

/** A key OpenAI issued for certain: the `T3BlbkFJ` marker or a project/service-account/admin prefix. */
const OPENAI_SHAPED = /T3BlbkFJ|^sk-(?:proj|svcacct|admin)-/;

/**
 * Other vendors' keys that share the `sk-` prefix (gitleaks' `anthropic-api-key`/`anthropic-admin-api-key` rules,
 * vendors' key formats): never OpenAI keys, whatever surrounds them.
 */
export const OTHER_VENDOR_KEY_PREFIXES: Readonly<Record<string, string>> = {
  'sk-ant-': 'Anthropic',
  'sk-lf-': 'Langfuse',
  'sk-mp-': 'Mixpanel',
  'sk-or-': 'OpenRouter',
  'sk-helicone-': 'Helicone',
};

/** What a low-confidence `sk-` token needs around it to count as an OpenAI key. */
const OPENAI_CONTEXT = /openai/i;

/**
 * A loose match that is a placeholder, not a key: its body is one kind of character (`sk-xxxxxxxxxxxxxxxxxxxx`,
 * `sk-local-no-key-required`, `sk-XXXXXXXXXXXXXXXXXXXX`). A key is random base62: letters of both cases and digits.
 * A bare `sk-` token, whose prefix says nothing of OpenAI, must have all three (a test's `sk-1234567890abcdef…` is
 * none: 48 random base62 characters without an uppercase letter come up once in 10^11).
 */
function isPlaceholder(token: string): boolean {
  const body = token.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '');
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((kind) => kind.test(body)).length;
  return kinds < (body.length === token.length - 3 ? 3 : 2);
}

export function findSecret(text: string): string | undefined {
  return findSecrets(text)[0]?.secret;
}

/**
 * A key written as a literal that holds no secret (`'test-key'`, `'INVALID_KEY'`, `'sk-xxxx'`): a test's or an
 * example's stand-in. The migrated client keeps it as its Azure key, so a test with a mocked transport still builds
 * its client and an example that fails on purpose still fails. A real key is reported and read from the environment.
 */
export function isPlaceholderKey(value: string): boolean {
  return value.trim() !== '' && findSecret(value) === undefined;
}

/**
 * Whether `text` can hold a secret at all: every pattern above starts with `sk-`, so a text without it (or an escape
 * that could spell it in a literal's value) has none. A cheap gate before finding a literal's value.
 */
export function mayHoldSecret(text: string): boolean {
  return /sk-|\\[ux]/.test(text);
}

/** A literal that spells OpenAI's key format from its start: `'sk-'`, the pattern of `/^sk-[\w-]+$/`. */
export function namesOpenAIKeyFormat(literal: string): boolean {
  return /^\^?sk-/.test(literal);
}

/** Prose that describes an OpenAI key (`must start with "sk-"`): not true of the Azure key a renamed variable holds. */
export function describesOpenAIKey(text: string): boolean {
  return /(?<![\w-])sk-/.test(text);
}

/** Every `sk-` secret of the text, placeholders left out (for masking: any vendor's key is masked). */
export function findSecrets(text: string): { secret: string; index: number }[] {
  const out: { secret: string; index: number }[] = [];
  for (const m of text.matchAll(ANY_KEY)) if (STRICT.test(m[0]) || !isPlaceholder(m[0])) out.push({ secret: m[0], index: m.index ?? 0 });
  return out;
}

export function isOtherVendorKey(secret: string): boolean {
  return Object.keys(OTHER_VENDOR_KEY_PREFIXES).some((prefix) => secret.startsWith(prefix));
}

/** The line of `text` holding `index`: the default context of a match in a text file. */
export function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * OpenAI keys only (for findings, not masking): OpenAI-shaped keys always; other vendors' prefixes never; any
 * other long `sk-` token only when its context (the line by default, the statement for code) mentions OpenAI.
 */
export function findOpenAIKeys(
  text: string,
  contextOf: (index: number) => string = (index) => lineAround(text, index),
): { secret: string; index: number }[] {
  return findSecrets(text).filter(({ secret, index }) => {
    if (isOtherVendorKey(secret)) return false;
    return OPENAI_SHAPED.test(secret) || OPENAI_CONTEXT.test(contextOf(index));
  });
}

/** `sk-proj-AAAA…Ab12`-style masking: the kind prefix and the last four characters, never the body. */
export function maskSecret(secret: string): string {
  const prefix = /^sk-(?:proj-|svcacct-|admin-)?/.exec(secret)?.[0] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}
