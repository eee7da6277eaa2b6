/** Targets, auth modes and api-versions (migration spec §1–§2). */
export const TARGETS = ['classic', 'v1'] as const;
export type Target = (typeof TARGETS)[number];

export const AUTH_MODES = ['api-key', 'entra-id'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Latest dated GA data-plane api-version. */
export const DEFAULT_API_VERSION = '2024-10-21';
/** Latest dated preview: needed by Responses, vector stores, Assistants and images.edit on the classic target. */
export const PREVIEW_API_VERSION = '2025-04-01-preview';

/**
 * Models Azure serves from a preview api-version on, not on the dated GA `DEFAULT_API_VERSION`: on the classic
 * target a client that sends one takes the preview. Reasoning models (the o-series, gpt-5 and later, codex-mini) are
 * "enabled only for api versions 2024-12-01-preview and later"; chat completions with audio (`modalities`, `audio`:
 * the gpt-4o audio previews, gpt-audio) came with 2025-01-01-preview, the api-version of Azure's audio quickstart.
 */
const PREVIEW_MODELS: readonly { kind: string; pattern: RegExp; since: string }[] = [
  { kind: 'reasoning', pattern: /^(?:o1|o3|o4|gpt-5|codex-mini)(?:[-.]|$)/i, since: '2024-12-01-preview' },
  { kind: 'audio', pattern: /^(?:gpt-4o(?:-mini)?-audio|gpt-audio)(?:[-.]|$)/i, since: '2025-01-01-preview' },
];

/** Whether a model is a reasoning model (PREVIEW_MODELS' first kind): clients shape its requests by its name. */
export function isReasoningModel(model: string): boolean {
  return PREVIEW_MODELS[0]!.pattern.test(model);
}

/** Whether Azure serves a model from a preview api-version on only (see PREVIEW_MODELS). */
export function isPreviewModel(model: string): boolean {
  return PREVIEW_MODELS.some((m) => m.pattern.test(model));
}

/** The report note for a construction that takes the preview api-version for the models its calls send. */
export function previewModelNote(models: readonly string[], apiVersion: string): string {
  const parts = PREVIEW_MODELS.flatMap(({ kind, pattern, since }) => {
    const these = models.filter((m) => pattern.test(m));
    if (these.length === 0) return [];
    return [`${kind} model${these.length === 1 ? '' : 's'} ${these.join(', ')} ${these.length === 1 ? 'is' : 'are'} served from api-version ${since} on`];
  });
  return `uses preview api-version ${PREVIEW_API_VERSION}: ${parts.join('; ')}, not on the dated GA api-version ${apiVersion} (or migrate with --target v1)`;
}

const DATED_API_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview)?$/;

/** Whether dated api-version `a` is later than `b` (`2025-04-01-preview` > `2024-10-21`); never for `v1`, `preview`. */
export function isLaterApiVersion(a: string, b: string): boolean {
  return DATED_API_VERSION.test(a) && DATED_API_VERSION.test(b) && a > b;
}

/** Entra ID token audience per target (spec §2). */
export const TOKEN_SCOPES: Readonly<Record<Target, string>> = {
  classic: 'https://cognitiveservices.azure.com/.default',
  v1: 'https://ai.azure.com/.default',
};

export const AZURE_IDENTITY_PACKAGE = '@azure/identity';

/** What the pipeline hands every transform. */
export interface MigrationOptions {
  target: Target;
  auth: AuthMode;
  apiVersion: string;
  /** Whether `apiVersion` was chosen by the user (then a file's preview needs do not override it). */
  apiVersionExplicit?: boolean;
  deployments: Readonly<Record<string, string | { env: string }>>;
}

export const DEFAULT_OPTIONS: MigrationOptions = {
  target: 'classic',
  auth: 'api-key',
  apiVersion: DEFAULT_API_VERSION,
  deployments: {},
};
