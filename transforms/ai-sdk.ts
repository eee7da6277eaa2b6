import type { ASTPath } from 'jscodeshift';
import {
  AI_SDK,
  AI_SDK_MESSAGES,
  aiSdkAzureExport,
  baseURLFromCodeMessage,
  besideAzureMessage,
  isAiSdkModelMethod,
  isOtherVendorModel,
  isProviderPrefixedModel,
  type AiSdkModelKind,
} from '../src/core/index.js';
import { azureSettings, defaultInstanceEnv, defaultInstanceServes, migrateSettings, settingsTarget } from './lib/ai-sdk-settings.js';
import { azureLocals, moveImports, type Move } from './lib/ai-sdk-imports.js';
import { clientSideMessage } from './lib/client-side.js';
import { moduleMocks, settingsFromCode, unwrap } from './lib/clients.js';
import { addDeploymentValues } from './lib/deployment-ref.js';
import { declarationAt, invalidateIndex } from './lib/file-index.js';
import {
  freeName,
  insertionIndex,
  isReference,
  memberName,
  moduleBindings,
  programBody,
  propertyName,
  referencesOf,
  referencesTo,
  resolveBinding,
  type ModuleBinding,
} from './lib/imports.js';
import { literalValue } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { statements } from './lib/snippets.js';
import { insertTopLevel } from './lib/top-level.js';
import { ensureTokenProvider, tokenProviderStatement } from './lib/token-provider.js';
import type { Transform, TransformContext } from './lib/types.js';
import { modelDeployments } from './model-deployments.js';

type Node = any; // Babel AST via recast.


/** Model ids the AI SDK treats as reasoning models (`o3-mini`, `gpt-5`…). */
const REASONING_MODEL = /^(?:o[1-9]|gpt-5)(?:[-.]|$)/;

/** A place the file reaches an OpenAI provider: the default instance, a factory, or a provider made from one. */
interface Root {
  path: ASTPath<Node>;
  kind: 'instance' | 'factory';
  /** The import it goes through (absent for providers created in this file or named by the project index). */
  binding?: ModuleBinding;
  /** False when this use stays on `@ai-sdk/openai` (another vendor's baseURL, a tool Azure lacks). */
  moves: boolean;
}

interface State {
  ctx: TransformContext;
  roots: Root[];
  /** Kinds of the language models the file creates on Azure (for `providerMetadata`). */
  kinds: Set<AiSdkModelKind>;
  /** Bindings that cannot be moved as a whole (a namespace also used for other exports). */
  blocked: Set<ModuleBinding>;
  /** What the file already imports from `@ai-sdk/azure` (`azureLocals`), found before anything changed. */
  present: Map<string, string>;
}

function parentOf(path: ASTPath<Node>): ASTPath<Node> {
  let p = path;
  while (p.parent && unwrap(p.parent.node) !== p.parent.node) p = p.parent;
  return p;
}

/** Roots from the file's `@ai-sdk/openai` imports, whatever their style. */
function importRoots(state: State, bindings: readonly ModuleBinding[]): void {
  const { j, root } = state.ctx;
  for (const binding of bindings) {
    if (binding.typeOnly) continue;
    const refs = referencesTo(j, root, binding);
    if (binding.imported === '*') {
      for (const ref of refs) {
        const parent = ref.parent as ASTPath<Node>;
        const member = parent.node.type === 'MemberExpression' && parent.node.object === ref.node ? memberName(parent.node) : undefined;
        if (member !== undefined && aiSdkAzureExport(member)) {
          state.roots.push({ path: parent, kind: Object.hasOwn(AI_SDK.instance, member) ? 'instance' : 'factory', binding, moves: true });
        } else state.blocked.add(binding);
      }
      if (state.blocked.has(binding) && state.roots.some((r) => r.binding === binding)) state.ctx.todo(binding.statement, AI_SDK_MESSAGES.namespace);
    } else if (aiSdkAzureExport(binding.imported)) {
      const kind = Object.hasOwn(AI_SDK.instance, binding.imported) ? 'instance' : 'factory';
      for (const ref of refs) state.roots.push({ path: ref, kind, binding, moves: true });
    }
  }
}

/** Providers the project index says this file imports from another module (`myProvider('gpt-4o')`). */
function factRoots(state: State): void {
  const { ctx } = state;
  const names = ctx.facts.aiSdkProviders ?? [];
  if (names.length === 0) return;
  ctx.index
    .find('Identifier', (n) => names.includes(n.name))
    .filter((p) => isReference(p))
    .forEach((p) => {
      const declared = declarationAt(p);
      if (!declared || !declared.scope.parent) state.roots.push({ path: p, kind: 'instance', moves: true });
    });
}

/** `createOpenAI(...)`: migrate its settings (or leave it to its vendor), then follow the provider it makes. */
function factoryCall(state: State, root: Root): void {
  const { ctx } = state;
  const call = parentOf(root.path).parent as ASTPath<Node>;
  if (call?.node.type !== 'CallExpression' || unwrap(call.node.callee) !== root.path.node) {
    // Handed on as a value (a provider map, an argument): whoever calls it passes OpenAI's settings. A type
    // (`typeof createOpenAI`) follows the import.
    if (call?.node.type === 'TSTypeQuery') return;
    root.moves = false;
    ctx.todo(root.path, AI_SDK_MESSAGES.factoryHandedOn(ctx.source.slice(root.path.node.start, root.path.node.end)));
    return;
  }
  const { target, baseURLFromCode } = settingsTarget(ctx, call);
  if (target !== 'openai') {
    root.moves = false;
    if (baseURLFromCode !== undefined) {
      ctx.todo(call, baseURLFromCodeMessage(baseURLFromCode));
      ctx.outcome.leavesOpenAI = true;
    }
    return;
  }
  // A provider switch whose Azure branch exists (`createAzure` beside it): this branch, set from the code, stays.
  const azure = state.present.get(AI_SDK.factories.createOpenAI);
  if (azure !== undefined && settingsFromCode(call.get('arguments', 0))) {
    root.moves = false;
    ctx.todo(call, besideAzureMessage(`an Azure provider (${azure})`, 'provider'));
    return;
  }
  // The variable holding the provider, through `cond ? createOpenAI(…) : undefined` and `a ?? createOpenAI(…)`.
  let held = parentOf(call);
  for (let up = held.parent?.node as Node; up && ((up.type === 'ConditionalExpression' && up.test !== held.node) || up.type === 'LogicalExpression'); up = held.parent?.node) {
    held = parentOf(held.parent);
  }
  const holder = held.parent as ASTPath<Node>;
  const user = holder?.node as Node;
  // The variable it is declared or assigned into (`let openai; … openai = createOpenAI(…)`), whose uses follow.
  const declared =
    user?.type === 'VariableDeclarator' && user.id.type === 'Identifier'
      ? user.id
      : user?.type === 'AssignmentExpression' && user.right === held.node && user.left.type === 'Identifier'
        ? ctx.index.resolve(user.left)?.id
        : undefined;
  const uses = declared
    ? referencesOf(ctx.j, ctx.root, declared).filter((ref) => ref.node !== user.left)
    : (CALLS.has(user?.type) && user.callee === held.node) || (MEMBERS.has(user?.type) && user.object === held.node)
      ? [call]
      : undefined;
  // Given other vendors' ids (`llm.chat('anthropic/…')`): its base URL, OPENAI_BASE_URL too, is a gateway's.
  if (uses?.some((use) => isOtherVendorModel(literalValue(unwrap(modelCall(use)?.call.node.arguments[0])) ?? ''))) {
    root.moves = false;
    ctx.todo(call, AI_SDK_MESSAGES.gatewayProvider);
    ctx.outcome.leavesOpenAI = true;
    return;
  }
  for (const message of migrateSettings(ctx, call)) ctx.todo(call, message);
  if (ctx.options.auth === 'entra-id') ensureTokenProvider(ctx, topLevel(call));
  ctx.change(call.node, 'client');
  // In a table (`{ openai: createOpenAI(…) }`), returned, handed on: the model ids it gets are given elsewhere.
  if (!uses) ctx.todo(call, AI_SDK_MESSAGES.providerHeldElsewhere);
  for (const use of uses ?? []) instanceUse(state, { path: use, kind: 'instance', moves: true });
}

/** Calls and member reads, optional ones too (`openai?.('gpt-4o')`, `openai?.chat('gpt-4o')`: a provider made only when configured). */
const CALLS = new Set(['CallExpression', 'OptionalCallExpression']);
const MEMBERS = new Set(['MemberExpression', 'OptionalMemberExpression']);

/** A use of a provider: model-id calls become deployment positions; hosted tools get a marker. */
function instanceUse(state: State, root: Root): void {
  const { ctx } = state;
  const at = parentOf(root.path);
  const parent = at.parent as ASTPath<Node>;
  const node = parent?.node as Node;
  const model = modelCall(root.path);
  if (!model && MEMBERS.has(node?.type) && node.object === at.node) {
    const member = memberName(node);
    const grand = parentOf(parent).parent as ASTPath<Node>;
    if (member === 'tools' && grand?.node.type === 'MemberExpression' && grand.node.object === node) {
      const tool = memberName(grand.node);
      if (tool === undefined) return;
      if ((AI_SDK.tools as readonly string[]).includes(tool)) ctx.todo(grand, AI_SDK_MESSAGES.hostedTool(tool));
      else {
        ctx.todo(grand, AI_SDK_MESSAGES.toolWithoutCounterpart(tool));
        root.moves = false;
      }
    } else if (member !== undefined && member !== 'tools') {
      // A provider member @ai-sdk/azure does not have (`openai.files()` in newer @ai-sdk/openai releases).
      ctx.todo(parent, AI_SDK_MESSAGES.memberWithoutCounterpart(member));
      root.moves = false;
    }
  } else if (node?.type === 'TSQualifiedName' && node.left === at.node) {
    // `typeof openai.member` in a type: a member without a counterpart stays, as its value does (marked there).
    const member = node.right.name as string;
    if (!isAiSdkModelMethod(member) && member !== 'tools') root.moves = false;
  }
  if (!model) return;
  const { call, kind } = model;
  state.kinds.add(kind);
  const args = (call.node as Node).arguments as Node[];
  if (args.length === 0 || args[0].type === 'SpreadElement') return;
  addDeploymentValues(ctx, [call.get('arguments', 0)]);
  // The provider picks reasoning behaviour by model id, which a deployment name may no longer reveal (spec §7.1).
  if (REASONING_MODEL.test(literalValue(unwrap(args[0])) ?? '')) ctx.todo(call, AI_SDK_MESSAGES.capabilities);
}

/** The model a provider use makes (`openai(id)`: a Responses model, `openai.chat(id)`) and its call. */
function modelCall(path: ASTPath<Node>): { call: ASTPath<Node>; kind: AiSdkModelKind } | undefined {
  const at = parentOf(path);
  const parent = at.parent as ASTPath<Node>;
  const node = parent?.node as Node;
  if (CALLS.has(node?.type) && unwrap(node.callee) === path.node) return { call: parent, kind: 'responses' };
  if (!MEMBERS.has(node?.type) || node.object !== at.node) return undefined;
  const member = memberName(node);
  const grand = parentOf(parent).parent as ASTPath<Node>;
  if (member === undefined || !isAiSdkModelMethod(member) || !CALLS.has(grand?.node.type) || grand.node.callee !== node) return undefined;
  return { call: grand, kind: AI_SDK.methods[member as keyof typeof AI_SDK.methods] };
}

/**
 * `providerMetadata.openai`, by the keys the file's Azure models write (`AI_SDK.metadataKeys`): kept when all of them
 * still write `openai` (chat, image), renamed when all write another (`azure`: Responses), else (mixed, or no model
 * that writes any: the result comes from elsewhere) a marker.
 */
function providerMetadata(state: State): void {
  const { ctx } = state;
  // Only a file that spells the name can read it (no transform writes it).
  if (state.kinds.size === 0 || !ctx.source.includes('providerMetadata')) return;
  const keys = new Set([...state.kinds].flatMap((k) => (Object.hasOwn(AI_SDK.metadataKeys, k) ? [AI_SDK.metadataKeys[k as keyof typeof AI_SDK.metadataKeys]] : [])));
  const [key] = keys;
  if (keys.size === 1 && key === 'openai') return;
  // `MemberExpression` lists optional members too.
  ctx.index
    .find('MemberExpression', (n) => {
      if (memberName(n) !== 'openai') return false;
      const object = unwrap(n.object);
      return object?.type === 'Identifier' ? object.name === 'providerMetadata' : memberName(object) === 'providerMetadata';
    })
    .forEach((p) => {
      const n = p.node as Node;
      if (keys.size === 1) {
        n.property = ctx.j.identifier(key);
        n.computed = false;
        ctx.change(n, 'rename');
      } else ctx.todo(p as ASTPath<Node>, AI_SDK_MESSAGES.metadata);
    });
}

/** AI Gateway model strings (`'openai/gpt-4o'`) given to the `ai` package: not this provider's to migrate. */
function gatewayIds(ctx: TransformContext): void {
  const { j, root } = ctx;
  // An import or require of a gateway package spells its name as a quoted string.
  const quoted = (source: string) => ['"', "'"].some((q) => ctx.source.includes(`${q}${source}${q}`));
  if (!AI_SDK.gatewayPackages.some(quoted)) return;
  const bindings = AI_SDK.gatewayPackages.flatMap((source) => moduleBindings(j, root, source)).filter((b) => !b.typeOnly);
  if (bindings.length === 0) return;
  const isGatewayId = (node: Node) => {
    const value = literalValue(unwrap(node));
    return value !== undefined && value.startsWith(AI_SDK.gatewayPrefix) && isProviderPrefixedModel(value);
  };
  // `generateText(…)`, `gateway(id)`, and a member of one (`gateway.languageModel(id)`, `ai.streamText(…)`).
  const member = (n: Node) => n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier';
  ctx.index.find('CallExpression', (n) => n.callee.type === 'Identifier' || member(n)).forEach((call) => {
    if (!resolveBinding(member(call.node) ? call.get('callee', 'object') : call.get('callee'), bindings)) return;
    const args = (call.node as Node).arguments as Node[];
    const options = unwrap(args[0]);
    const direct = isGatewayId(args[0]);
    const inOptions =
      options?.type === 'ObjectExpression' &&
      options.properties.some((p: Node) => p.type === 'ObjectProperty' && propertyName(p.key) === 'model' && isGatewayId(p.value));
    if (direct || inOptions) ctx.todo(call, AI_SDK_MESSAGES.gateway);
  });
}

/** Rename a moving root to the Azure name its import now binds (or the configured instance declared for it). */
function renameRoot(ctx: TransformContext, root: Root, name: string, member: boolean): void {
  const { j } = ctx;
  // Not a change of its own (the import's move reports it), but the next `freeName` must see the new name.
  invalidateIndex(ctx.root);
  const node = root.path.node as Node;
  if (member) {
    node.property = j.identifier(name);
    node.computed = false;
    return;
  }
  const parent = root.path.parent?.node as Node;
  if (parent?.type === 'ObjectProperty' && parent.shorthand && parent.value === node) {
    // `createProviderRegistry({ openai })`: the key is the registry's prefix and stays.
    parent.shorthand = false;
    parent.value = j.identifier(name);
    return;
  }
  if (parent?.type === 'ExportSpecifier' && parent.local === node) {
    parent.local = j.identifier(name);
    return;
  }
  node.name = name;
}

/** Declare the configured provider a default-instance import becomes (`const azure = createAzure({...})`). */
function declareInstance(ctx: TransformContext, name: string, factory: string, after: ASTPath<Node>): void {
  const declaration = statements(ctx, `const ${name} = ${factory}({ ${azureSettings(ctx).join(', ')} });`)[0];
  const inProgram = after.parent?.node.type === 'Program';
  if (inProgram) {
    const body = programBody(ctx);
    // After the imports, and after the token provider a factory call of this file may already have declared.
    const provider = body.indexOf(tokenProviderStatement(body));
    insertTopLevel(body, Math.max(insertionIndex(body), provider + 1), [declaration]);
    if (ctx.options.auth === 'entra-id') ensureTokenProvider(ctx, declaration);
  } else {
    after.insertAfter(declaration);
    if (ctx.options.auth === 'entra-id') ensureTokenProvider(ctx, topLevel(after));
  }
  ctx.change(after.node, 'client');
}

function topLevel(path: ASTPath<Node>): Node {
  let p = path;
  while (p.parent && p.parent.node.type !== 'Program') p = p.parent;
  return p.node;
}

/** Whether a root is a value that talks to OpenAI: the default instance, or a factory not pointed at another vendor. */
function talksToOpenAI(ctx: TransformContext, root: Root): boolean {
  if (inTypeQuery(root.path)) return false;
  if (root.kind !== 'factory') return true;
  const call = parentOf(root.path).parent as ASTPath<Node>;
  const called = call?.node.type === 'CallExpression' && unwrap(call.node.callee) === root.path.node;
  return !called || settingsTarget(ctx, call).target === 'openai';
}

/** Whether a use is inside a type query (`typeof createOpenAI`, `typeof openai.chat`). */
function inTypeQuery(path: ASTPath<Node>): boolean {
  let p = path.parent;
  while (p?.node.type === 'TSQualifiedName') p = p.parent;
  return p?.node.type === 'TSTypeQuery';
}

/** Move the imports whose uses all (or partly) move, rename those uses, declare a configured instance if needed. */
function moveBindings(state: State, bindings: readonly ModuleBinding[]): void {
  const { ctx } = state;
  const configured = !defaultInstanceServes(ctx);
  const moves: Move[] = [];
  const { present } = state;
  /** The one unaliased local every `createAzure` import of the file shares (the file's own, when it has one). */
  let factoryLocal = present.get(AI_SDK.factories.createOpenAI);
  for (const binding of bindings) {
    if (binding.typeOnly || state.blocked.has(binding)) continue;
    const roots = state.roots.filter((r) => r.binding === binding);
    // A type (`typeof createOpenAI`) follows the binding's values: when none of them moves (a factory kept for a
    // gateway's baseURL), the type keeps naming what they still make.
    const values = roots.filter((r) => !inTypeQuery(r.path));
    if (values.length > 0 && !values.some((r) => r.moves)) for (const r of roots) r.moves = false;
    const moving = roots.filter((r) => r.moves);
    if (moving.length === 0 && roots.length > 0) continue;
    const whole = moving.length === roots.length;
    if (binding.imported === '*') {
      if (!whole) continue;
      moves.push({ binding, whole, exportName: '*', local: binding.local });
      if (!configured && moving.some((r) => r.kind === 'instance')) defaultInstanceEnv(ctx);
      for (const r of moving) {
        const member = memberName(r.path.node)!;
        if (r.kind === 'instance' && configured) continue;
        renameRoot(ctx, r, aiSdkAzureExport(member)!, true);
      }
      const instances = moving.filter((r) => r.kind === 'instance');
      if (configured && instances.length > 0) {
        const name = freeName(ctx, AI_SDK.instance.openai, 'Provider');
        declareInstance(ctx, name, `${binding.local}.${AI_SDK.factories.createOpenAI}`, binding.statement);
        for (const r of instances) r.path.replace(ctx.j.identifier(name));
        invalidateIndex(ctx.root);
      }
      continue;
    }
    // An export @ai-sdk/azure has no counterpart of (a type such as `OpenAIProviderSettings`) stays where it is.
    if (aiSdkAzureExport(binding.imported) === undefined) continue;
    const instance = Object.hasOwn(AI_SDK.instance, binding.imported);
    const exportName = instance && configured ? AI_SDK.factories.createOpenAI : aiSdkAzureExport(binding.imported)!;
    const keepsAlias = whole && binding.local !== binding.imported;
    if (instance && configured) {
      const factory = factoryLocal ?? (factoryLocal = freeName(ctx, exportName, 'Provider'));
      const name = keepsAlias ? binding.local : freeName(ctx, AI_SDK.instance.openai, 'Provider');
      moves.push({ binding, whole, exportName, local: factory });
      declareInstance(ctx, name, factory, binding.statement);
      for (const r of moving) renameRoot(ctx, r, name, false);
      continue;
    }
    const local = keepsAlias
      ? binding.local
      : instance
        ? (present.get(exportName) ?? freeName(ctx, exportName, 'Provider'))
        : (factoryLocal ??= freeName(ctx, exportName, 'Provider'));
    if (instance) defaultInstanceEnv(ctx);
    moves.push({ binding, whole, exportName, local });
    for (const r of moving) renameRoot(ctx, r, local, false);
  }
  const moved = new Set(moves.map((m) => m.binding));
  if (state.roots.every((r) => r.moves && (!r.binding || moved.has(r.binding)))) moves.push(...typeMoves(ctx, bindings));
  moveImports(ctx, moves, bindings, present);
}

/**
 * The provider types the file imports (`AI_SDK.types`), once every provider value of the file moved: each goes to
 * its Azure counterpart and its type references are renamed. A type also used otherwise (re-exported) stays.
 */
function typeMoves(ctx: TransformContext, bindings: readonly ModuleBinding[]): Move[] {
  const moves: Move[] = [];
  for (const binding of bindings) {
    const exportName = Object.hasOwn(AI_SDK.types, binding.imported) ? AI_SDK.types[binding.imported as keyof typeof AI_SDK.types] : undefined;
    if (exportName === undefined || binding.style !== 'esm-named') continue;
    const specifier = ctx.index.parentOf(binding.id);
    const uses = ctx.index.named(binding.local).filter((id) => {
      const parent = ctx.index.parentOf(id);
      // The specifier's own names, and another import's export name (`OpenAIProvider as P`), bind nothing here.
      return parent !== specifier && !(parent?.type === 'ImportSpecifier' && parent.imported === id);
    });
    if (!uses.every((id) => isTypeReference(ctx.index.parentOf(id), id))) continue;
    const local = binding.local !== binding.imported ? binding.local : freeName(ctx, exportName, 'Provider');
    for (const id of uses) id.name = local;
    invalidateIndex(ctx.root);
    moves.push({ binding, whole: true, exportName, local, type: true });
  }
  return moves;
}

/** `T` in `x: T`, `T<…>`, `extends T`, `implements T`. */
function isTypeReference(parent: Node, id: Node): boolean {
  return (parent?.type === 'TSTypeReference' && parent.typeName === id) || (TYPE_HERITAGE.has(parent?.type) && parent.expression === id);
}
const TYPE_HERITAGE = new Set(['TSExpressionWithTypeArguments', 'TSInterfaceHeritage', 'TSClassImplements']);

/**
 * The Vercel AI SDK's OpenAI provider (`@ai-sdk/openai`) → `@ai-sdk/azure`: `openai(id)` / `openai.<method>(id)` /
 * `createOpenAI(settings)` become `azure` / `createAzure` with Azure settings, model ids become deployment
 * references (model-deployments rewrites the positions found here), and what Azure lacks gets a marker.
 */
export const aiSdk: Transform = {
  name: 'ai-sdk',
  apply(ctx) {
    const mentions = ctx.source.includes(AI_SDK.package);
    const gateway = ctx.source.includes(AI_SDK.gatewayPrefix);
    if (!mentions && !gateway && !ctx.facts.aiSdkProviders?.length) return;
    // A test that replaces the provider package with a factory's stand-in (`vi.mock('@ai-sdk/openai', …)`): its
    // `createOpenAI` is a mock to configure and assert on, not a provider.
    if (mentions && moduleMocks(ctx, AI_SDK.package).length > 0) return;
    if (gateway) gatewayIds(ctx);
    const bindings = mentions ? moduleBindings(ctx.j, ctx.root, AI_SDK.package) : [];
    const present = ctx.source.includes(AI_SDK.azurePackage) ? azureLocals(ctx) : new Map<string, string>();
    const state: State = { ctx, roots: [], kinds: new Set(), blocked: new Set(), present };
    importRoots(state, bindings);
    factRoots(state);
    // Browser code keeps OpenAI's provider: `@ai-sdk/azure`'s settings would be `process.env` reads it does not have.
    const elsewhere = state.roots.length > 0 ? clientSideMessage(ctx) : undefined;
    if (elsewhere) {
      for (const root of state.roots) if (talksToOpenAI(ctx, root)) ctx.todo(root.path, elsewhere);
      return;
    }
    for (const root of [...state.roots]) {
      if (root.kind === 'factory') factoryCall(state, root);
      else instanceUse(state, root);
    }
    if (state.roots.length === 0) return;
    providerMetadata(state);
    moveBindings(state, bindings);
  },
};

/** Alone under jscodeshift it also rewrites the model ids it finds (the positions model-deployments consumes). */
export default asJscodeshift(aiSdk, modelDeployments);
