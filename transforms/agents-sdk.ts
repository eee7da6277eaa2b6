import type { ASTPath } from 'jscodeshift';
import {
  AGENTS_CONFIG_CALLS,
  AGENTS_CREATORS,
  AGENTS_DEFAULT_MODEL,
  AGENTS_DIRECT,
  AGENTS_EXPORTED_BY,
  AGENTS_HOSTED_TOOLS,
  AGENTS_MESSAGES,
  AGENTS_MODEL_CLASSES,
  AGENTS_MODEL_FIELD,
  AGENTS_MODEL_OBJECTS,
  AGENTS_PACKAGE,
  AGENTS_PACKAGES,
  AGENTS_RESPONSES_CLASSES,
  AGENTS_REALTIME_PACKAGES,
  AZURE_ENV,
  connectsRealtimeToAzure,
  OPENAI_CLIENT_EXPORTS,
  OPENAI_SDK,
  type MigrationOptions,
} from '../src/core/index.js';
import { migrateOptions } from './lib/client-options.js';
import { clientCalls } from './lib/calls.js';
import { markLeftOnOpenAI } from './lib/client-arguments.js';
import { declaratorOf, fileClients, isClientExpression, keyOriginMessage, unwrap } from './lib/clients.js';
import { envCode, deploymentExpression } from './lib/deployment-ref.js';
import {
  addTopLevelImport,
  ensureNamedExport,
  insertionIndex,
  memberName,
  moduleBindings,
  programBody,
  referencesTo,
  removeBinding,
  resolveBinding,
  type ModuleBinding,
} from './lib/imports.js';
import { literalValue, objectLiteral, propertyPath } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { clientSideMessage } from './lib/client-side.js';
import { statements } from './lib/snippets.js';
import { insertTopLevel } from './lib/top-level.js';
import { ensureTokenProvider, tokenProviderOption, tokenProviderStatement } from './lib/token-provider.js';
import type { Transform, TransformContext } from './lib/types.js';
import { azureV1BaseURL, baseURLKind, reportSecrets, topLevelStatement } from './lib/wrapper-options.js';
import { rewriteModelProperties } from './model-deployments.js';

type Node = any; // Babel AST via recast.

/** A call or construction of an Agents SDK export, with the export's name. */
interface Use {
  path: ASTPath<Node>;
  name: string;
}

/** Every `new X(…)` / `X(…)` / `X.m(…)` / `ns.X(…)` whose X resolves to an export of `bindings` (name `X` or `X.m`). */
function uses(ctx: TransformContext, bindings: readonly ModuleBinding[]): Use[] {
  const out: Use[] = [];
  const named = (outer: ASTPath<Node>): string | undefined => {
    let calleePath = outer;
    while (calleePath.node && unwrap(calleePath.node) !== calleePath.node) calleePath = calleePath.get('expression');
    const callee = calleePath.node as Node;
    if (!callee) return undefined;
    if (callee.type === 'Identifier') {
      const b = resolveBinding(calleePath, bindings);
      return b && b.imported !== '*' ? b.imported : undefined;
    }
    if (callee.type !== 'MemberExpression' || memberName(callee) === undefined) return undefined;
    const object = unwrap(callee.object);
    if (object.type === 'Identifier') {
      const b = resolveBinding(calleePath.get('object'), bindings);
      if (b?.imported === '*') return memberName(callee);
      if (b) return `${b.imported}.${memberName(callee)}`;
      return undefined;
    }
    // `agents.realtime.RealtimeAgent`: a member of a namespace's member.
    return named(calleePath.get('object')) ? memberName(callee) : undefined;
  };
  for (const type of ['NewExpression', 'CallExpression']) {
    ctx.index.find(type).forEach((path: ASTPath<Node>) => {
      const name = named(path.get('callee'));
      if (name) out.push({ path, name });
    });
  }
  return out;
}

/** The `new OpenAI(…)` (of the `openai` package) an expression is or names in this file. */
function openAIConstruction(ctx: TransformContext, path: ASTPath<Node>): ASTPath<Node> | undefined {
  let current = path;
  if (unwrap(current.node as Node)?.type === 'Identifier') {
    const declarator = declaratorOf(current);
    if (!declarator) return undefined;
    current = declarator.get('init');
  }
  while (unwrap(current.node) !== current.node) current = current.get('expression');
  const node = current.node as Node;
  if (node?.type !== 'NewExpression') return undefined;
  const sdk = moduleBindings(ctx.j, ctx.root, OPENAI_SDK).filter((b) => !b.typeOnly);
  const callee = current.get('callee');
  const binding = callee.node.type === 'Identifier' ? resolveBinding(callee, sdk) : undefined;
  const isClient = binding && (OPENAI_CLIENT_EXPORTS.includes(binding.imported) || binding.style === 'cjs-whole');
  return isClient ? current : undefined;
}

const MOVED = 'openai-to-azure:agents-moved-clients';

/** The client constructions this transform pointed at Azure's v1 surface (openai-client leaves them as they are). */
export function movedByAgents(ctx: TransformContext): Set<Node> {
  let moved = ctx.shared.get(MOVED) as Set<Node> | undefined;
  if (!moved) ctx.shared.set(MOVED, (moved = new Set()));
  return moved;
}

/**
 * `new OpenAIResponsesModel(client, 'gpt-4.1')` on a client this run moves to Azure: its model argument is a deployment
 * name there (a model class on another vendor's client keeps its model). The first such construction, if any.
 */
function modelClassArguments(ctx: TransformContext, constructions: readonly Use[]): ASTPath<Node> | undefined {
  let first: ASTPath<Node> | undefined;
  for (const { path, name } of constructions) {
    const at = AGENTS_MODEL_CLASSES[name]!;
    const args = (path.node as Node).arguments as Node[];
    if (args.length <= at || !isClientExpression(ctx, path.get('arguments', 0))) continue;
    first ??= path;
    const model = literalValue(unwrap(args[at]));
    if (model === undefined) {
      ctx.todo(path, AGENTS_MESSAGES.modelNotLiteral);
      continue;
    }
    ctx.change(args[at], 'deployment');
    path.get('arguments', at).replace(deploymentExpression(ctx, model));
  }
  return first;
}

/** The options for the v1 client (`baseURL` on `/openai/v1/`, key or token provider), as object-literal code. */
function v1ClientOptions(ctx: TransformContext): string {
  const entra = ctx.options.auth === 'entra-id';
  if (!entra) ctx.readsEnv(AZURE_ENV.apiKey);
  return `{ baseURL: ${azureV1BaseURL(ctx)}, ${entra ? tokenProviderOption(ctx, 'apiKey') : `apiKey: ${envCode(ctx, AZURE_ENV.apiKey)}`} }`;
}

/** `model: MODEL` with MODEL imported from a module the project index followed: the use becomes the deployment reference. */
function followedModel(ctx: TransformContext, property: ASTPath<Node>): boolean {
  const value = unwrap((property.node as Node).value);
  const model = value.type === 'Identifier' && !ctx.facts.modelConstants[value.name] ? ctx.facts.modelValues?.[value.name] : undefined;
  if (model === undefined) return false;
  (property.node as Node).shorthand = false;
  property.get('value').replace(deploymentExpression(ctx, model));
  ctx.change(property.node, 'deployment');
  return true;
}

/**
 * The v1 target's context: the Agents SDK speaks the Responses API, which Azure serves on `/openai/v1` only. (The
 * Entra token scope stays the target's: the classic scope is documented for `/openai/v1` too, and a file may mix both.)
 */
function v1(ctx: TransformContext): TransformContext {
  const options: MigrationOptions = { ...ctx.options, target: 'v1' };
  // The same context with other options: its getters (the file index, the quote style) read the file as it is now.
  return new Proxy(ctx, { get: (context, key) => (key === 'options' ? options : Reflect.get(context, key)) });
}

/** The local name of an Agents SDK export, imported beside the file's own import of the SDK when missing. */
function agentsExport(ctx: TransformContext, bindings: readonly ModuleBinding[], name: string): string {
  const offering = exporters(bindings, name);
  if (offering.length === 0) {
    // Tracing in a module of `@openai/agents-openai` alone: from the core it depends on.
    const source = AGENTS_EXPORTED_BY[name]!.at(-1)!;
    addTopLevelImport(ctx, [name], source, bindings[0]!.statement.node);
    return name;
  }
  // An import that can take another name (named or default) first: a namespace import cannot (`import * as a, { b }`).
  const like =
    offering.find((b) => b.style === 'esm-named' || b.style === 'esm-default') ??
    offering.find((b) => b.statement.node.type === 'ImportDeclaration' || b.style.startsWith('cjs')) ??
    offering[0]!;
  const source = offering.some((b) => sourceOf(b) === AGENTS_PACKAGE) ? AGENTS_PACKAGE : sourceOf(like);
  return ensureNamedExport(ctx, like, source, name);
}

/** The file's imports of a package that exports `name` (AGENTS_EXPORTED_BY). */
function exporters(bindings: readonly ModuleBinding[], name: string): ModuleBinding[] {
  return bindings.filter((b) => AGENTS_EXPORTED_BY[name]!.includes(sourceOf(b)));
}

function sourceOf(binding: ModuleBinding): string {
  const node = binding.statement.node as Node;
  if (node.type === 'ImportDeclaration') return node.source.value;
  const text = JSON.stringify(node);
  return AGENTS_PACKAGES.find((p) => text.includes(`"${p}"`)) ?? AGENTS_PACKAGE;
}

/** The local name of `openai`'s client class, importing it when the file has none. */
function openAIClass(ctx: TransformContext, before: Node): string {
  const existing = moduleBindings(ctx.j, ctx.root, OPENAI_SDK).find((b) => !b.typeOnly && OPENAI_CLIENT_EXPORTS.includes(b.imported));
  if (existing) return existing.local;
  addTopLevelImport(ctx, ['OpenAI'], OPENAI_SDK, before);
  return 'OpenAI';
}

/** The options object literal a creator is given, when it is given one without a spread (a spread may set `model`). */
function literalOptions(u: Use): ASTPath<Node> | undefined {
  const object = (u.path.node as Node).arguments.length > 0 ? objectLiteral(u.path.get('arguments', 0)) : undefined;
  return object && !(object.node as Node).properties.some((p: Node) => p.type === 'SpreadElement') ? object : undefined;
}

/** Whether a creator's options set `model` (or may: options built elsewhere, or spread in). */
function setsModel(u: Use): boolean {
  if ((u.path.node as Node).arguments.length === 0) return false;
  const options = literalOptions(u);
  return options === undefined || propertyPath(options, AGENTS_MODEL_FIELD) !== undefined;
}

/**
 * Whether the file's agents run on the SDK's default client: not when each agent it creates is given a model object
 * (`new OpenAIChatCompletionsModel(localClient, …)`, an AI SDK model) and no runner here names a model: such a file
 * (a local model's example) talks to no OpenAI endpoint through the default.
 */
function usesDefaultClient(named: (names: readonly string[]) => Use[]): boolean {
  const agents = named(AGENTS_DEFAULT_MODEL.agents);
  if (agents.length === 0 || named(AGENTS_DEFAULT_MODEL.overriddenBy).some(setsModel)) return true;
  return agents.some((u) => {
    const model = literalOptions(u) && propertyPath(literalOptions(u)!, AGENTS_MODEL_FIELD);
    return !model || !isModelObject(model.get('value'));
  });
}

/** A model object (AGENTS_MODEL_OBJECTS), written in place or held in a same-file variable. */
function isModelObject(value: ASTPath<Node>): boolean {
  const node = unwrap(value.node as Node);
  if ((AGENTS_MODEL_OBJECTS.written as readonly string[]).includes(node.type)) return true;
  const init = node.type === 'Identifier' ? (declaratorOf(value)?.node as Node | undefined)?.init : undefined;
  return !!init && (AGENTS_MODEL_OBJECTS.held as readonly string[]).includes(unwrap(init).type);
}

/** The Responses-only model classes this file builds on a client (`new OpenAIResponsesModel(client, …)`). */
export function responsesModels(ctx: TransformContext): string[] {
  if (!ctx.source.includes('@openai/agents')) return [];
  const bindings = AGENTS_PACKAGES.flatMap((p) => moduleBindings(ctx.j, ctx.root, p)).filter((b) => !b.typeOnly);
  const built = uses(ctx, bindings).filter((u) => AGENTS_RESPONSES_CLASSES.includes(u.name) && (u.path.node as Node).arguments.length > 0);
  return [...new Set(built.filter((u) => isClientExpression(ctx, u.path.get('arguments', 0))).map((u) => u.name))];
}

/** One marker, on the first agent given no `model`, unless a runner here sets the model for all. */
function defaultModelAgents(ctx: TransformContext, named: (names: readonly string[]) => Use[]): void {
  if (named(AGENTS_DEFAULT_MODEL.overriddenBy).some(setsModel)) return;
  const unnamed = named(AGENTS_DEFAULT_MODEL.agents).find((u) => !setsModel(u));
  if (unnamed) ctx.todo(unnamed.path, AGENTS_MESSAGES.defaultModel);
}

/**
 * The OpenAI Agents SDK: the module that configures it (`setDefaultOpenAIKey`, `setDefaultOpenAIClient`) or that
 * creates agents gets one `setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/, apiKey }))` and
 * `setTracingDisabled(true)`; agent and runner `model` names become deployment references; hosted tools, realtime
 * agents and OpenAI-only providers get markers.
 */
export const agentsSdk: Transform = {
  name: 'agents-sdk',
  apply(ctx) {
    if (!ctx.source.includes('@openai/agents')) return;
    const { j, root } = ctx;
    const bindings = AGENTS_PACKAGES.flatMap((p) => moduleBindings(j, root, p)).filter((b) => !b.typeOnly);
    const realtime = AGENTS_REALTIME_PACKAGES.flatMap((p) => moduleBindings(j, root, p)).filter((b) => !b.typeOnly);
    if (bindings.length === 0 && realtime.length === 0) return;
    const found = uses(ctx, [...bindings, ...realtime]);
    const named = (names: readonly string[]) => found.filter((u) => names.includes(u.name));
    // The file's clients and their calls as the file had them, before the client handed to the SDK moves to Azure:
    // its own calls are then calls on a moved client, whose models are deployments.
    fileClients(ctx);
    clientCalls(ctx);
    // The project runs its agents on another vendor, set up in a module it imports: they and their models are that
    // vendor's, unless this module configures the SDK itself.
    if (ctx.facts.agentsOnOtherVendor && named([AGENTS_CONFIG_CALLS.setClient, AGENTS_CONFIG_CALLS.setKey]).length === 0) return;

    for (const u of named(AGENTS_HOSTED_TOOLS)) ctx.todo(u.path, AGENTS_MESSAGES.hostedTool(u.name));
    if (!connectsRealtimeToAzure(ctx.source)) {
      for (const u of named(AGENTS_DIRECT.realtime)) {
        ctx.todo(u.path, AGENTS_MESSAGES.realtime);
        markLeftOnOpenAI(ctx, u.path.node, u.name);
      }
    }
    const { call: transport, value: webSocket } = AGENTS_DIRECT.transportSwitch;
    const switches = named([transport]).filter((u) => literalValue(unwrap((u.path.node as Node).arguments[0] ?? {})) === webSocket);
    for (const u of [...named(AGENTS_DIRECT.responsesWebSocket), ...switches]) ctx.todo(u.path, AGENTS_MESSAGES.responsesWebSocket);
    for (const u of named(['setTracingExportApiKey'])) ctx.todo(u.path, AGENTS_MESSAGES.tracingKey);
    // Browser code: no server env for the Azure settings, so the SDK stays as it is, with the browser marker (on the
    // client handed to it, by openai-client, or here on the first agent or key call).
    const browser = clientSideMessage(ctx);
    if (browser) {
      const first = named([AGENTS_CONFIG_CALLS.setClient]).length === 0 && named([AGENTS_CONFIG_CALLS.setKey, ...AGENTS_CREATORS.constructors, ...AGENTS_CREATORS.statics])[0];
      if (first) ctx.todo(first.path, browser);
      return;
    }
    let configured = false;
    for (const u of named([AGENTS_DIRECT.provider])) {
      const options = (u.path.node as Node).arguments.length > 0 ? objectLiteral(u.path.get('arguments', 0)) : undefined;
      if (!options || propertyPath(options, AGENTS_DIRECT.providerClientOption)) continue;
      const baseURL = propertyPath(options, 'baseURL');
      if (baseURL && baseURLKind(ctx, baseURL.get('value')) !== 'openai') continue;
      if (AGENTS_DIRECT.providerOwnClientOptions.some((k) => propertyPath(options, k))) ctx.todo(u.path, AGENTS_MESSAGES.provider);
    }
    if (named([AGENTS_CONFIG_CALLS.setProvider]).length > 0) configured = true;

    // Agent and runner model names are deployment names on Azure, unless this module points the SDK at another vendor.
    const setClient = named([AGENTS_CONFIG_CALLS.setClient]);
    const clientOf = (u: Use) => ((u.path.node as Node).arguments.length > 0 ? openAIConstruction(ctx, u.path.get('arguments', 0)) : undefined);
    const elsewhere = setClient.some((u) => {
      const construction = clientOf(u);
      return construction !== undefined && vendorBaseURL(ctx, construction) !== undefined;
    });
    const models = elsewhere ? [] : named([...AGENTS_CREATORS.constructors, ...AGENTS_CREATORS.statics])
      .map((u) => ((u.path.node as Node).arguments.length > 0 ? objectLiteral(u.path.get('arguments', 0)) : undefined))
      .map((o) => o && propertyPath(o, AGENTS_MODEL_FIELD))
      .filter((p): p is ASTPath<Node> => p !== undefined)
      .filter((p) => !isModelObject(p.get('value')));
    rewriteModelProperties(ctx, models.filter((p) => !followedModel(ctx, p)), AGENTS_MESSAGES.modelNotLiteral);
    defaultModelAgents(ctx, named);
    // A model built on an OpenAI client (which moves to Azure): the agents' traces must not go on to OpenAI either.
    const onMovedClient = modelClassArguments(ctx, named(Object.keys(AGENTS_MODEL_CLASSES)));

    const creators = named([...AGENTS_CREATORS.constructors, ...AGENTS_CREATORS.statics, ...AGENTS_CREATORS.calls]);
    const setKey = named([AGENTS_CONFIG_CALLS.setKey]);
    let clientStatement: Node | undefined;
    for (const u of setClient) {
      configured = true;
      const construction = clientOf(u);
      if (!construction) continue;
      if (vendorBaseURL(ctx, construction)) {
        ctx.outcome.agentsOnOtherVendor = true;
        continue;
      }
      const options = (construction.node as Node).arguments.length > 0 ? construction.get('arguments', 0) : undefined;
      if (ctx.options.auth === 'entra-id') ensureTokenProvider(ctx, topLevelStatement(construction));
      const { object, todos } = migrateOptions(v1(ctx), options, ctx.options.apiVersion);
      const ctorArgs = (construction.node as Node).arguments as Node[];
      if (ctorArgs.length > 0) ctorArgs[0] = object;
      else ctorArgs.push(object);
      for (const message of todos) ctx.todo(construction, message);
      ctx.change(construction.node, 'client');
      movedByAgents(ctx).add(construction.node);
      clientStatement = topLevelStatement(u.path);
    }
    if (configured) for (const u of setKey) ctx.todo(u.path, AGENTS_MESSAGES.setKeyBesideClient);
    // A module of the core alone runs agents on the provider set up elsewhere: the client goes there.
    const setsClient = exporters(bindings, AGENTS_CONFIG_CALLS.setClient).length > 0;
    if (!configured && setsClient && (setKey.length > 0 || (creators.length > 0 && usesDefaultClient(named)))) {
      const anchor = topLevelStatement((setKey[0] ?? creators[0])!.path);
      if (ctx.options.auth === 'entra-id') ensureTokenProvider(ctx, anchor);
      const OpenAI = openAIClass(ctx, anchor);
      const setDefault = agentsExport(ctx, bindings, AGENTS_CONFIG_CALLS.setClient);
      const [statement] = statements(ctx, `${setDefault}(new ${OpenAI}(${v1ClientOptions(ctx)}));`);
      if (setKey.length > 0) {
        // Each key call becomes the client call, in its place: where the program configured the SDK, a call made
        // inside a function (a Worker's `fetch`) keeping the function around it.
        for (const u of setKey) {
          reportSecrets(ctx, u.path);
          keyMarker(ctx, u.path);
          ctx.change(u.path.node, 'client');
          u.path.replace(u === setKey[0] ? statement.expression : statements(ctx, `${setDefault}(new ${OpenAI}(${v1ClientOptions(ctx)}));`)[0].expression);
        }
        clientStatement = topLevelStatement(setKey[0]!.path);
        for (const b of bindings.filter((b) => b.imported === AGENTS_CONFIG_CALLS.setKey)) {
          if (referencesTo(j, root, b).length === 0) removeBinding(b);
        }
      } else {
        // After the imports and the token provider the client reads, before the first agent.
        const body = programBody(ctx);
        const provider = body.indexOf(tokenProviderStatement(body));
        insertTopLevel(body, Math.max(insertionIndex(body, anchor), provider + 1), [statement]);
        ctx.change(anchor, 'client');
        clientStatement = statement;
      }
    }
    if (!clientStatement && onMovedClient) clientStatement = topLevelStatement(onMovedClient);
    const tracingHandled = found.some((u) =>
      [AGENTS_CONFIG_CALLS.tracingDisabled, 'setTraceProcessors', 'addTraceProcessor', 'setDefaultOpenAITracingExporter'].includes(u.name),
    );
    // The whole SDK handed to other code (an instrumentation's `{ 'openai-agents': AgentsSDK }`), which may register
    // trace processors of its own: tracing stays as it is, with a marker.
    const handedOn = !tracingHandled && clientStatement !== undefined && namespaceHandedOn(ctx, bindings);
    if (handedOn) ctx.todo(handedOn, AGENTS_MESSAGES.tracingHandedOn);
    if (clientStatement && !tracingHandled && !handedOn) {
      const body = programBody(ctx);
      const disable = agentsExport(ctx, bindings, AGENTS_CONFIG_CALLS.tracingDisabled);
      const [statement] = statements(ctx, `${disable}(true);`);
      body.splice(body.indexOf(clientStatement) + 1, 0, statement);
      const top = root.paths()[0]!;
      const bodyPath = top.node.type === 'File' ? top.get('program', 'body') : top.get('body');
      ctx.todo(bodyPath.get(body.indexOf(statement)), AGENTS_MESSAGES.tracing);
    }
  },
};

/**
 * The key handed to `setDefaultOpenAIKey`, which the Azure client replaces with its own settings: a key the code
 * supplies (a parameter, a config value) or reads off a Worker's env object gets the marker a client's `apiKey` would.
 */
function keyMarker(ctx: TransformContext, call: ASTPath<Node>): void {
  if ((call.node as Node).arguments.length === 0) return;
  const origin = keyOriginMessage(call.get('arguments', 0), AZURE_ENV.apiKey);
  if (origin) ctx.todo(call, origin);
}

/** The base URL of a client handed to the SDK when it is not OpenAI's (another vendor's, a local server's). */
function vendorBaseURL(ctx: TransformContext, construction: ASTPath<Node>): ASTPath<Node> | undefined {
  const options = (construction.node as Node).arguments.length > 0 ? objectLiteral(construction.get('arguments', 0)) : undefined;
  const baseURL = options && propertyPath(options, 'baseURL');
  return baseURL && baseURLKind(ctx, baseURL.get('value')) !== 'openai' ? baseURL : undefined;
}

/** A reference to a whole-module binding of the SDK used as a value (not `sdk.x`): the SDK handed to other code. */
function namespaceHandedOn(ctx: TransformContext, bindings: readonly ModuleBinding[]): ASTPath<Node> | undefined {
  for (const binding of bindings.filter((b) => b.imported === '*')) {
    for (const ref of referencesTo(ctx.j, ctx.root, binding)) {
      const parent = ref.parent?.node as Node;
      const member = (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === ref.node;
      if (!member) return ref;
    }
  }
  return undefined;
}

export default asJscodeshift(agentsSdk);
