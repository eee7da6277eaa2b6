import { withoutMarkers } from '../markers.js';

/**
 * The OpenAI Agents SDK (`@openai/agents`, migration spec §7.3) as data. It has no Azure class: the SDK is pointed at
 * Azure with one `setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/, apiKey }))`.
 */

/** Sandbox agents (`SandboxAgent`): agents like the others, on the SDK's default client. */
export const AGENTS_SANDBOX_PACKAGE = '@openai/agents/sandbox';
/** The SDK's packages: the whole SDK, its split packages, and the entry points of agents and models built on it. */
export const AGENTS_PACKAGES: readonly string[] = [
  '@openai/agents',
  '@openai/agents-openai',
  '@openai/agents-core',
  '@openai/agents-openai/experimental/hosted-multi-agent',
  AGENTS_SANDBOX_PACKAGE,
];
/** The split package of the client setters and the provider (re-exported by `@openai/agents`). */
export const AGENTS_OPENAI_PACKAGE = '@openai/agents-openai';
/** Where the configuration functions come from (re-exported by `@openai/agents`). */
export const AGENTS_PACKAGE = '@openai/agents';
/** Realtime / voice agents: their own packages (also `realtime` of `@openai/agents`). */
export const AGENTS_REALTIME_PACKAGES: readonly string[] = ['@openai/agents/realtime', '@openai/agents-realtime'];

/** The SDK calls that configure which client or key it uses: the client goes where the program already does this. */
export const AGENTS_CONFIG_CALLS = {
  setClient: 'setDefaultOpenAIClient',
  setKey: 'setDefaultOpenAIKey',
  setProvider: 'setDefaultModelProvider',
  tracingDisabled: 'setTracingDisabled',
} as const;

/**
 * The packages that export each function the migration calls: the client setters live in `@openai/agents-openai`,
 * tracing in `@openai/agents-core`, and `@openai/agents` re-exports both. A module that imports only the core gets
 * its model provider from elsewhere, where the client is set.
 */
export const AGENTS_EXPORTED_BY: Readonly<Record<string, readonly string[]>> = {
  setDefaultOpenAIClient: ['@openai/agents', '@openai/agents-openai'],
  setTracingDisabled: ['@openai/agents', '@openai/agents-core'],
};

/** Constructions and calls that create agents or runs: a module with any of these needs the Azure client. */
export const AGENTS_CREATORS = { constructors: ['Agent', 'SandboxAgent', 'Runner'], calls: ['run'], statics: ['Agent.create'] } as const;

/** Where a model name sits in each creator's options: `new Agent({ model })`, `new Runner({ model })`. */
export const AGENTS_MODEL_FIELD = 'model';

/**
 * An agent's `model` that is a model object, not a model name (node types): written in place (`new
 * OpenAIChatCompletionsModel(localClient, …)`, `aisdk(…)`), or held in a same-file variable, constructed (a variable
 * a call fills may hold a model name: `getArg('--model')`). Such an agent does not run on the SDK's default client.
 */
export const AGENTS_MODEL_OBJECTS = {
  written: ['NewExpression', 'CallExpression', 'ObjectExpression'],
  held: ['NewExpression', 'ObjectExpression'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Model classes built on a client, with the index of their model argument (`new OpenAIResponsesModel(client, 'gpt-4.1')`):
 * on a client moved to Azure, that model is a deployment name.
 */
export const AGENTS_MODEL_CLASSES: Readonly<Record<string, number>> = {
  OpenAIResponsesModel: 1,
  OpenAIResponsesWSModel: 1,
  OpenAIHostedMultiAgentModel: 1,
  OpenAIChatCompletionsModel: 1,
};

/** The model classes that send every request to the Responses API: the classic target's client needs a preview api-version. */
export const AGENTS_RESPONSES_CLASSES: readonly string[] = ['OpenAIResponsesModel', 'OpenAIResponsesWSModel', 'OpenAIHostedMultiAgentModel'];

/**
 * Agents given no `model` send the SDK's default model id (`OPENAI_DEFAULT_MODEL`, else its own), which Azure reads
 * as a deployment name; a runner's `model` overrides every agent's.
 */
export const AGENTS_DEFAULT_MODEL = { agents: ['Agent', 'SandboxAgent', 'Agent.create'], overriddenBy: ['Runner'] } as const;

/** Hosted tools (run by OpenAI, not the app): availability differs on Azure. */
export const AGENTS_HOSTED_TOOLS: readonly string[] = [
  'webSearchTool',
  'fileSearchTool',
  'codeInterpreterTool',
  'imageGenerationTool',
  'computerTool',
  'hostedMcpTool',
  'toolSearchTool',
  'programmaticToolCallingTool',
  'shellTool',
  'applyPatchTool',
];

/** Constructors and calls that go to OpenAI regardless of the default client. */
export const AGENTS_DIRECT = {
  /**
   * `new OpenAIProvider()` uses the default client, unless given its own client options (then it builds an OpenAI
   * client from them, reading OPENAI_API_KEY); `openAIClient` hands it a client.
   */
  provider: 'OpenAIProvider',
  providerClientOption: 'openAIClient',
  providerOwnClientOptions: ['apiKey', 'baseURL', 'organization', 'project'] as readonly string[],
  /**
   * Realtime / voice sessions and their transports connect to OpenAI's realtime endpoint. A `RealtimeAgent` only
   * describes an agent (instructions, tools, voice): the session that runs it is what needs the Azure endpoint.
   */
  realtime: ['RealtimeSession', 'OpenAIRealtimeWebSocket', 'OpenAIRealtimeWebRTC'],
  /**
   * The Responses API over a WebSocket (spec §11.20): a session, a model on it, or the transport switched to it
   * (`setOpenAIResponsesTransport('websocket')`).
   */
  responsesWebSocket: ['withResponsesWebSocketSession', 'OpenAIResponsesWSModel'],
  transportSwitch: { call: 'setOpenAIResponsesTransport', value: 'websocket' },
} as const;

export const AGENTS_MESSAGES = {
  tracingHandedOn:
    "the Agents SDK is handed to other code here, which may register its own trace processor, so tracing is left on: unless such a processor replaces the default (setTraceProcessors), traces still export to platform.openai.com with an OpenAI key",
  tracing:
    'Agents SDK tracing exports to platform.openai.com with an OpenAI key: disabled here; to keep traces, register your own trace processor (addTraceProcessor / setTraceProcessors) that exports to Azure Monitor or another backend',
  hostedTool: (name: string) =>
    `${name} is an OpenAI-hosted tool: availability and parameters differ by Azure region and model; check it for your deployment`,
  realtime:
    "realtime / voice agents connect to OpenAI's realtime endpoint: point the session at your Azure resource by hand (WebSocket: wss://<resource>.openai.azure.com/openai/v1/realtime?model=<deployment>; WebRTC: https://<resource>.openai.azure.com/openai/v1/realtime/calls with a key from /openai/v1/realtime/client_secrets)",
  responsesWebSocket:
    "the Responses API over a WebSocket is OpenAI's transport (wss://api.openai.com/v1/responses, OPENAI_WEBSOCKET_BASE_URL): Azure OpenAI does not document it; keep the HTTP transport for the Azure client",
  setKeyBesideClient:
    'setDefaultOpenAIKey sets an OpenAI key the Azure client does not use (tracing exports may): remove it',
  provider:
    'this OpenAIProvider builds its own OpenAI client: pass openAIClient (an OpenAI client on <endpoint>/openai/v1/) instead of apiKey / organization / project',
  modelNotLiteral: 'this agent model must be an Azure deployment name; map the model to a deployment',
  defaultModel:
    "this agent (and any other here without a `model`) runs on the Agents SDK's default model id, which Azure reads as a deployment name: give it a `model` naming your deployment",
  tracingKey: 'setTracingExportApiKey sends traces to platform.openai.com: remove it, or export traces elsewhere with your own trace processor',
} as const;

/** What the linter reports, per export: the Azure way to do it. `setDefaultOpenAIKey` is called, the rest constructed. */
export const AGENTS_LINT_EXPORTS: Readonly<Record<string, string>> = {
  Agent: 'setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/ })) in this module',
  Runner: 'setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/ })) in this module',
  OpenAIProvider: 'OpenAIProvider({ openAIClient }) with an OpenAI client on <endpoint>/openai/v1/',
  setDefaultOpenAIKey: 'setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/, apiKey }))',
};
export const AGENTS_LINT_CALLS: readonly string[] = ['setDefaultOpenAIKey'];
/** Realtime sessions connect to OpenAI's realtime endpoint: linted as the codemod marks them (`AGENTS_MESSAGES.realtime`). */
export const AGENTS_REALTIME_LINT_EXPORTS: Readonly<Record<string, string>> = {
  RealtimeSession: "session.connect({ url: 'wss://<resource>.openai.azure.com/openai/v1/realtime?model=<deployment>', apiKey: <Azure key> })",
};
/** What `@openai/agents-openai` exports of AGENTS_LINT_EXPORTS (the client setters, the provider): linted as there. */
export const AGENTS_OPENAI_LINT_EXPORTS: Readonly<Record<string, string>> = {
  OpenAIProvider: AGENTS_LINT_EXPORTS.OpenAIProvider!,
  setDefaultOpenAIKey: AGENTS_LINT_EXPORTS.setDefaultOpenAIKey!,
};
/**
 * A module that connects its sessions to Azure by hand: an Azure host, or Azure's realtime WebSocket path itself (not
 * `/realtime/calls` or `/client_secrets`, which the migration writes for requests of their own), outside this tool's
 * markers (the realtime marker names Azure's URLs). Reading AZURE_OPENAI_ENDPOINT says nothing: a migrated client does.
 */
export function connectsRealtimeToAzure(text: string): boolean {
  return /openai\.azure\.com|\/openai\/v1\/realtime(?![/\w])/.test(withoutMarkers(text));
}
/** The sandbox package's agents, linted as `Agent` is. */
export const AGENTS_SANDBOX_LINT_EXPORTS: Readonly<Record<string, string>> = { SandboxAgent: AGENTS_LINT_EXPORTS.Agent! };
/** Calls that point the SDK at a client or provider of the program's choosing: agents in that module are not flagged. */
export const AGENTS_CLIENT_CONFIG: readonly string[] = ['setDefaultOpenAIClient', 'setDefaultModelProvider'];
