/**
 * API surfaces of the `openai` client, as member paths after the client (`chat.completions.create`).
 * A trailing `.*` matches any method under that resource. Spec §4.2 and §11.
 */

/** Calls whose `model` names a deployment on Azure: the literal becomes a deployment reference. */
export const DEPLOYMENT_CALLS: readonly string[] = [
  'chat.completions.create',
  'chat.completions.parse',
  'chat.completions.stream',
  'chat.completions.runTools',
  'beta.chat.completions.parse',
  'beta.chat.completions.stream',
  'beta.chat.completions.runTools',
  'completions.create',
  'embeddings.create',
  'images.generate',
  'images.edit',
  'audio.transcriptions.create',
  'audio.translations.create',
  'audio.speech.create',
  'responses.create',
  'responses.stream',
  'responses.parse',
  'realtime.sessions.create',
  'realtime.clientSecrets.create',
  'beta.realtime.sessions.create',
  'beta.assistants.create',
  'beta.assistants.update',
  'beta.threads.runs.create',
  'beta.threads.runs.createAndPoll',
  'beta.threads.runs.createAndStream',
  'beta.threads.runs.stream',
  'beta.threads.createAndRun',
  'beta.threads.createAndRunPoll',
  'beta.threads.createAndRunStream',
];

/** Where a deployment call's model sits in its first argument when not at `model` (GA realtime: `session.model`). */
export const DEPLOYMENT_MODEL_PATHS: Readonly<Record<string, readonly string[]>> = {
  'realtime.clientSecrets.create': ['session', 'model'],
};

/** Realtime WebSocket helpers: `<Class>.create(client, { model })` connects to a deployment on Azure. */
export const REALTIME_CONNECTORS: Readonly<Record<string, readonly string[]>> = {
  'openai/realtime/ws': ['OpenAIRealtimeWS'],
  'openai/realtime/websocket': ['OpenAIRealtimeWebSocket'],
};

/**
 * Strings that carry OpenAI's own realtime WebSocket conventions (spec §11.10): browser auth through a subprotocol
 * (`openai-insecure-api-key.<key>`, with the account's `openai-organization.`/`openai-project.`) and the beta protocol
 * (`openai-beta.realtime-v1` subprotocol, `OpenAI-Beta: realtime=v1` header). Tested on a string's start.
 */
const REALTIME_OPENAI_SIGNS = /^(?:openai-insecure-api-key\.|openai-organization\.|openai-project\.|openai-beta\.realtime-v1$|realtime=v1$)/i;

export function isRealtimeOpenAISign(text: string): boolean {
  return REALTIME_OPENAI_SIGNS.test(text);
}

/** Whether a file's text may hold such a string: the cheap test before looking at its strings. */
export function mentionsRealtimeOpenAISign(text: string): boolean {
  return /openai-insecure-api-key\.|openai-(?:organization|project)\.|realtime[-=]v1/i.test(text);
}

export const REALTIME_PROTOCOL_MESSAGE =
  "OpenAI's realtime WebSocket conventions do not carry over: Azure's /openai/v1/realtime speaks the GA protocol, not the beta one (`openai-beta.realtime-v1`, `OpenAI-Beta: realtime=v1`), and takes no `openai-insecure-api-key.` subprotocol or OpenAI key: connect from a server with an `api-key` header (or an Entra ID token), or from the browser with an ephemeral key from /openai/v1/realtime/client_secrets";

/**
 * A WebRTC offer (SDP) posted to `/v1/realtime`, OpenAI's beta WebRTC route: Azure's `/openai/v1/realtime` is its
 * WebSocket endpoint (spec §11.10). Told by the path and an SDP body in the file.
 */
export const WEBRTC_OFFER = {
  path: /^\/realtime(?=[?#]|$)/,
  sdp: /application\/sdp|\.sdp\b/i,
  message:
    "this posts a WebRTC offer (SDP) to OpenAI's beta WebRTC route: Azure's /openai/v1/realtime takes WebSocket connections only; post the offer to /openai/v1/realtime/calls (GA WebRTC, in the regions that offer it), with an ephemeral key from /openai/v1/realtime/client_secrets, naming a deployment as its model",
} as const;

/** The classic target's realtime connection: `OpenAIRealtimeWS.azure(azureClient, { deploymentName })` (spec §10 rule 17). */
export const REALTIME_AZURE = { factory: 'azure', deploymentOption: 'deploymentName' } as const;

export const REALTIME_CLASSIC_MESSAGE =
  'on the classic target connect with OpenAIRealtimeWS.azure(client, { deploymentName }); create() expects a v1 (OpenAI) client';

/** Calls whose `model` is a model name by design (fine-tuning base models): never a deployment. */
export const MODEL_NAME_CALLS: readonly string[] = ['fineTuning.jobs.create'];

/** Free functions whose model argument is a model name by design (tokenizers). */
export const MODEL_NAME_FUNCTIONS: readonly string[] = ['encoding_for_model', 'encodingForModel'];

/** On the classic target these need a preview api-version (the dated GA one predates them). */
export const PREVIEW_CALLS: readonly string[] = [
  'responses.*',
  'vectorStores.*',
  'beta.vectorStores.*',
  'images.edit',
  'beta.assistants.*',
  'beta.threads.*',
];

/** `beta.chat.completions.X` moved to `chat.completions.X` in openai v5. */
export const RENAMED_CALLS: Readonly<Record<string, string>> = {
  'beta.chat.completions.parse': 'chat.completions.parse',
  'beta.chat.completions.stream': 'chat.completions.stream',
  'beta.chat.completions.runTools': 'chat.completions.runTools',
};

export interface SurfaceGap {
  /** `unsupported`: Azure OpenAI does not offer it (the linter flags these); `differs`: review needed. */
  level: 'unsupported' | 'differs';
  /** Why, and what to use instead: becomes the TODO marker and the lint message. */
  message: string;
  /** Only the path differs: Azure serves it on `/openai/v1` (the v1 target's client, a raw URL moved there). */
  servedOnV1?: true;
}

/** What Azure OpenAI does not offer or does differently, most specific path first. */
export const SURFACE_GAPS: Readonly<Record<string, SurfaceGap>> = {
  'moderations.*': {
    level: 'unsupported',
    message:
      "Azure OpenAI has no moderations endpoint; prompts and completions are screened by the deployment's content filter, and standalone moderation is Azure AI Content Safety",
  },
  'admin.*': {
    level: 'unsupported',
    message:
      'Azure OpenAI has no organization admin API; manage access with Azure RBAC, usage with Azure Monitor and Cost Management',
  },
  'engines.*': {
    level: 'unsupported',
    message:
      "the Engines API is the removed predecessor of Models (OpenAI's own too): Azure OpenAI has no engines endpoint; list models at /models (a key check works there as well)",
  },
  'images.createVariation': {
    level: 'unsupported',
    message: 'image variations are retired and Azure OpenAI does not offer them; use images.edit or images.generate',
  },
  'beta.assistants.*': {
    level: 'unsupported',
    message:
      'the Azure OpenAI Assistants API was retired on 2026-08-26; move to the Responses API or Microsoft Foundry Agents',
  },
  'beta.threads.*': {
    level: 'unsupported',
    message:
      'the Azure OpenAI Assistants API (threads, runs) was retired on 2026-08-26; move to the Responses API or Microsoft Foundry Agents',
  },
  'videos.*': {
    level: 'unsupported',
    message: 'Azure video generation (Sora) is a preview API with a different request and response shape',
  },
  'containers.*': { level: 'unsupported', message: 'Azure OpenAI does not document the containers API' },
  'skills.*': { level: 'unsupported', message: 'Azure OpenAI does not document the skills API' },
  // A REST path only (`/v1/traces/ingest`, where the Agents SDK's exporter sends its traces): no SDK member.
  'traces.*': {
    level: 'unsupported',
    message:
      "OpenAI's trace ingest (the Agents SDK's tracing exporter) has no Azure OpenAI counterpart: keep exporting there with an OpenAI key, turn tracing off, or send traces to Azure Monitor (OpenTelemetry)",
  },
  'beta.chatkit.*': { level: 'unsupported', message: 'ChatKit is an OpenAI platform feature with no Azure OpenAI equivalent' },
  'beta.agents.*': { level: 'unsupported', message: 'beta.agents is an OpenAI platform API; use Microsoft Foundry Agents' },
  'realtime.clientSecrets.*': {
    level: 'differs',
    message:
      'Azure serves realtime client secrets at /openai/v1/realtime/client_secrets: use the v1 target for this client and a region that offers realtime',
    servedOnV1: true,
  },
  'realtime.calls.*': {
    level: 'differs',
    message: 'Azure serves realtime WebRTC/SIP calls at /openai/v1/realtime/calls: use the v1 target for this client and a region that offers realtime',
    servedOnV1: true,
  },
  'beta.realtime.*': {
    level: 'unsupported',
    message: 'the beta realtime protocol is not on Azure; move to the GA realtime API (/openai/v1/realtime)',
  },
  'fineTuning.*': {
    level: 'differs',
    message:
      'fine-tuning on Azure takes a versioned base model (e.g. gpt-4o-mini-2024-07-18), runs in supported regions only, and the result must be deployed before use',
  },
  'batches.create': {
    level: 'differs',
    message:
      "Azure Global Batch: every line's body.model in the input file must be one Global-Batch deployment name; embeddings and fine-tuned models are not supported",
  },
  'conversations.*': { level: 'differs', message: 'Azure OpenAI parity for the conversations API is unverified; test it on your resource' },
  'uploads.*': { level: 'differs', message: 'Azure OpenAI parity for the uploads API is unverified; test it on your resource' },
  'graders.*': { level: 'differs', message: 'graders on Azure are preview under fine_tuning/alpha; check availability' },
  'models.list': {
    level: 'differs',
    message: 'on Azure this lists models available to the resource, not your deployments; ids are not valid model values',
  },
  'models.retrieve': {
    level: 'differs',
    message: 'on Azure this describes a model available to the resource, not a deployment',
  },
  'models.delete': { level: 'differs', message: 'deleting models on Azure is unverified; fine-tuned models are managed per deployment' },
};

/**
 * Calls whose stream yields chunks with `choices`: Azure sends content-filter annotation chunks with `choices: []`
 * (the first carries `prompt_filter_results` only), which a reader of `chunk.choices[0]` must step over. `flag`: a
 * stream when the request says `stream: true`; `always`: the `.stream()` helpers (they accumulate past such chunks
 * since openai 6.47.0, but iterating one still yields them).
 */
export const CHOICE_STREAM_CALLS: Readonly<Record<string, 'flag' | 'always'>> = {
  'chat.completions.create': 'flag',
  'completions.create': 'flag',
  'chat.completions.stream': 'always',
  'beta.chat.completions.stream': 'always',
};

/** Calls whose `tools` may hold OpenAI-hosted tools (`{ type: 'web_search' }`). */
/**
 * A request built by hand from an AzureOpenAI client's `baseURL` (`fetch(`${client.baseURL}/images/edits`, …)`): the
 * client's own requests add the deployment and api-version to it, a hand-made one does not. (A v1 client's baseURL,
 * `…/openai/v1/`, serves such requests as OpenAI's did; its `apiKey` is the Azure key, or null with Entra ID, which
 * openai-client marks.)
 */
export const CLASSIC_BASE_URL_MESSAGE =
  "the client's baseURL is now `${AZURE_OPENAI_ENDPOINT}/openai`: its own requests add the deployment and api-version, a request built from it by hand does not; build the v1 URL instead (`${AZURE_OPENAI_ENDPOINT}/openai/v1/…`, a deployment name as `model`), or use the client's own methods";

export const HOSTED_TOOL_CALLS: readonly string[] = ['responses.create', 'responses.stream', 'responses.parse'];

/** Hosted tool types (a trailing `*`: any type starting so); function and namespace tools run in the app itself. */
export const HOSTED_TOOL_TYPES: readonly string[] = [
  'web_search*',
  'computer*',
  'mcp',
  'code_interpreter',
  'image_generation',
  'file_search',
  'shell',
  'local_shell',
  'apply_patch',
  'tool_search',
  'programmatic_tool_calling',
  'custom',
];

export function isHostedToolType(type: string): boolean {
  return HOSTED_TOOL_TYPES.some((t) => (t.endsWith('*') ? type.startsWith(t.slice(0, -1)) : type === t));
}

export function hostedToolsMessage(types: readonly string[]): string {
  return `hosted tool availability and parameters differ by Azure region and model: check ${types.join(', ')} for your deployment`;
}

/** Whether `path` (`chat.completions.create`) is matched by a pattern (`chat.completions.create` or `chat.*`). */
export function matchesPath(pattern: string, path: string): boolean {
  return pattern.endsWith('.*') ? path.startsWith(pattern.slice(0, -1)) || path === pattern.slice(0, -2) : path === pattern;
}

function findPattern(patterns: Iterable<string>, path: string): string | undefined {
  return [...patterns].find((p) => matchesPath(p, path));
}

export function isDeploymentCall(path: string): boolean {
  return DEPLOYMENT_CALLS.includes(path);
}

export function isModelNameCall(path: string): boolean {
  return MODEL_NAME_CALLS.includes(path);
}

export function needsPreviewApiVersion(path: string): boolean {
  return findPattern(PREVIEW_CALLS, path) !== undefined;
}

export function surfaceGap(path: string): SurfaceGap | undefined {
  const key = findPattern(Object.keys(SURFACE_GAPS), path);
  return key === undefined ? undefined : SURFACE_GAPS[key];
}

/**
 * REST paths (after `/v1/`) by the SDK member they are, so a raw HTTP call to one gets the SDK call's gap. Paths whose
 * gap depends on the HTTP method (`/batches`, `/models/{id}`) are left out.
 */
export const REST_MEMBERS: Readonly<Record<string, string>> = {
  moderations: 'moderations.create',
  engines: 'engines',
  organization: 'admin.organization',
  'images/variations': 'images.createVariation',
  assistants: 'beta.assistants',
  threads: 'beta.threads',
  videos: 'videos',
  containers: 'containers',
  // A container's file content by the file's own id: part of the containers API.
  'container-files': 'containers',
  traces: 'traces',
  skills: 'skills',
  chatkit: 'beta.chatkit',
  'realtime/client_secrets': 'realtime.clientSecrets',
  'realtime/calls': 'realtime.calls',
  'realtime/sessions': 'beta.realtime.sessions',
  'realtime/transcription_sessions': 'beta.realtime.transcriptionSessions',
  fine_tuning: 'fineTuning',
  conversations: 'conversations',
  uploads: 'uploads',
};

/**
 * REST paths that are one SDK member only as they stand, not with more segments: the bare `/models` has one method
 * (GET, the list); `/models/{id}` is retrieve or delete by its method.
 */
export const REST_EXACT_MEMBERS: Readonly<Record<string, string>> = {
  models: 'models.list',
};

/** The gap of a REST path after `/v1` (`/threads/${id}/runs`, `/realtime/sessions?x`), as its SDK call has it. */
export function restSurfaceGap(rest: string): SurfaceGap | undefined {
  const path = rest.replace(/^\/+/, '').replace(/[?#].*$/s, '');
  if (Object.hasOwn(REST_EXACT_MEMBERS, path)) return surfaceGap(REST_EXACT_MEMBERS[path]!);
  const key = Object.keys(REST_MEMBERS).find((k) => path === k || path.startsWith(`${k}/`));
  return key === undefined ? undefined : surfaceGap(REST_MEMBERS[key]!);
}

/**
 * OpenAI paths outside the versioned API, by their first segment: the dashboard's billing endpoints (`/dashboard/
 * billing/usage`, `/dashboard/billing/credit_grants`), which key-usage pages and balance checks call.
 */
export const UNVERSIONED_GAPS: Readonly<Record<string, SurfaceGap>> = {
  dashboard: {
    level: 'unsupported',
    message:
      "OpenAI's dashboard billing API (usage, subscription, credit grants) has no Azure OpenAI counterpart: usage and cost are in Azure Cost Management and the resource's metrics",
  },
};

/** The gap of an OpenAI path outside `/v1` (`/dashboard/billing/usage?x`), by its first segment. */
export function unversionedSurfaceGap(rest: string): SurfaceGap | undefined {
  const first = rest.replace(/^\/+/, '').split(/[/?#]/, 1)[0]!;
  return Object.hasOwn(UNVERSIONED_GAPS, first) ? UNVERSIONED_GAPS[first] : undefined;
}

/** The member paths a resource prefix can be handed out as (`completions` from `client.chat.completions`). */
export const RESOURCE_PREFIXES: readonly string[] = [
  ...new Set(
    DEPLOYMENT_CALLS.flatMap((p) => {
      const parts = p.split('.');
      return parts.slice(1, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
    }),
  ),
];

/**
 * What OpenAI's platform answers with in errors (`error.code`, its message text) that Azure OpenAI does not
 * (spec §11.16): Azure reports `DeploymentNotFound`, `OperationNotSupported`, `content_filter`, 401 for a wrong key
 * and 429 per deployment. Matched lower-cased against a string the code compares an error with.
 */
export const OPENAI_ERROR_SIGNS: readonly string[] = [
  'insufficient_quota',
  'model_not_found',
  'invalid_api_key',
  'incorrect api key',
  'billing_hard_limit_reached',
  'billing_not_active',
  'account_deactivated',
  'invalid_organization',
  'unsupported_country_region_territory',
  'you exceeded your current quota',
];

export const OPENAI_ERROR_MESSAGE =
  "this branch reads an OpenAI error code or message, which Azure OpenAI does not send: it reports DeploymentNotFound, OperationNotSupported, content_filter, 401 for a wrong key and 429 per deployment; match those (or the HTTP status) instead";
