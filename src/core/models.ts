/**
 * The model catalogue: what an OpenAI model id looks like, and how a model becomes a deployment reference.
 * Patterns, not a closed list, so new dated snapshots (`gpt-4o-2024-08-06`) are recognised without a release.
 */
export const MODEL_FAMILIES: readonly RegExp[] = [
  /^gpt-(?:3\.5|35|4|4o|4\.1|4\.5|5|5\.\d+|oss|realtime|audio|image)(?:[-.][\w.-]+)?$/,
  /^chatgpt-4o(?:-[\w.-]+)?$/,
  /^o[1-9](?:-[\w.-]+)?$/,
  /^text-embedding-(?:3-small|3-large|ada-002)$/,
  /^(?:text-)?(?:davinci|babbage|curie|ada)(?:-\d{3})?$/,
  /^text-(?:davinci|moderation)-[\w.-]+$/,
  /^omni-moderation-[\w.-]+$/,
  /^dall-e-[23]$/,
  /^whisper-1$/,
  /^tts-1(?:-hd)?(?:-[\w.-]+)?$/,
  /^codex-mini(?:-[\w.-]+)?$/,
  /^computer-use-preview(?:-[\w.-]+)?$/,
  /^sora(?:-[\w.-]+)?$/,
];

/** Prefixes some registries put in front of a model id (`openai:gpt-4o-mini`, `openai/gpt-4o`). */
const PROVIDER_PREFIX = /^openai[:/]/;

export function isModelName(value: string): boolean {
  return MODEL_FAMILIES.some((re) => re.test(value));
}

/** A provider-prefixed id such as `openai:gpt-4o`: a model name, but routed by a registry or gateway, not by us. */
export function isProviderPrefixedModel(value: string): boolean {
  return PROVIDER_PREFIX.test(value) && isModelName(value.replace(PROVIDER_PREFIX, ''));
}

/** An id another vendor's prefix names (`anthropic/claude-sonnet-4`, `grok/grok-4`): only a gateway serves it. */
const OTHER_VENDOR_MODEL = /^(?!openai\/)[a-z][\w.-]*\/[\w.:-]+$/i;

export function isOtherVendorModel(value: string): boolean {
  return OTHER_VENDOR_MODEL.test(value);
}

/** `gpt-4.1` → `GPT_4_1`; deterministic so every file names the same variable for the same model. */
export function upperSnake(model: string): string {
  return model
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** String methods that make a check on a model value (`model.startsWith('o1')`) when called with a literal. */
export const MODEL_CHECK_METHODS: readonly string[] = ['startsWith', 'endsWith', 'includes', 'indexOf', 'match', 'search'];

export const MODEL_CHECK_MESSAGE =
  'deployment names may not look like model names: this check on a model value breaks once it holds an Azure deployment name';

export const DEPLOYMENT_ENV_PREFIX = 'AZURE_OPENAI_DEPLOYMENT_';

export function deploymentEnvName(model: string): string {
  return DEPLOYMENT_ENV_PREFIX + upperSnake(model);
}
