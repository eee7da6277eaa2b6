import type { ASTPath } from 'jscodeshift';
import {
  ACCOUNT_NOTE,
  ACCOUNT_OPTIONS,
  PREVIEW_API_VERSION,
  LANGCHAIN_AZURE_FIELDS,
  LANGCHAIN_AZURE_INPUT_TYPE,
  LANGCHAIN_CLASSES,
  LANGCHAIN_CONFIGURATION_REMOVED,
  LANGCHAIN_ENV,
  LANGCHAIN_FIELDS,
  LANGCHAIN_LEGACY_ENTRYPOINTS,
  LANGCHAIN_MESSAGES,
  LANGCHAIN_PACKAGE,
  LANGCHAIN_SDK_CLIENT,
  LANGCHAIN_TOOLS_EXPORT,
  baseURLFromCodeMessage,
  isHostedToolType,
  isModelName,
  isPreviewModel,
  isReasoningModel,
  LANGCHAIN_REASONING,
  LANGCHAIN_KEY_FIELDS,
  previewModelNote,
  type LangChainClass,
} from '../src/core/index.js';
import { clientSideMessage } from './lib/client-side.js';
import { baseURLFromCode, constInit, declaratorOf, keyOriginMessage, readsVendorKey, unwrap, unwrapPath } from './lib/clients.js';
import { placeholderKey } from './lib/client-options.js';
import { deploymentExpression, envCode, isDeploymentReference } from './lib/deployment-ref.js';
import { ensureNamedExport, memberName, moduleBindings, propertyName, referencesTo, removeBinding, resolveBinding, type ModuleBinding } from './lib/imports.js';
import { arrayLiteral, literalValue, objectLiteral, possibleLiterals, propertyPath } from './lib/literals.js';
import { asJscodeshift } from './lib/run.js';
import { expression, str } from './lib/snippets.js';
import { ensureTokenProvider, tokenProviderOption } from './lib/token-provider.js';
import { needsRelease, noteOnce, readsApiVersion, type Transform, type TransformContext } from './lib/types.js';
import { laterWrites } from './lib/later-writes.js';
import { addTypeImport } from './lib/type-imports.js';
import { noteBaseURLEnvReads } from './lib/azure-url.js';
import { azureV1BaseURL, baseURLKind, reportSecrets, topLevelStatement } from './lib/wrapper-options.js';
import { renameModelReadsWithin } from './env-reads.js';

type Node = any; // Babel AST via recast.

interface Construction {
  path: ASTPath<Node>;
  name: string;
  cls: LangChainClass;
  /** The import the callee names (absent for `ns.ChatOpenAI` on a namespace: renamed in place). */
  binding?: ModuleBinding;
}

/** `new ChatOpenAI(…)`, `new lc.ChatOpenAI(…)`, `new ChatOpenAIAlias(…)` of `@langchain/openai`, any import style. */
function constructions(ctx: TransformContext, bindings: readonly ModuleBinding[]): Construction[] {
  const out: Construction[] = [];
  ctx.index.find('NewExpression').forEach((path) => {
    const callee = unwrap((path.node as Node).callee);
    let binding: ModuleBinding | undefined;
    let name: string | undefined;
    if (callee.type === 'Identifier') {
      binding = resolveBinding(path.get('callee'), bindings);
      name = binding?.imported;
    } else if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
      const ns = resolveBinding(path.get('callee', 'object'), bindings);
      name = ns?.imported === '*' ? memberName(callee) : undefined;
    }
    if (name && Object.hasOwn(LANGCHAIN_CLASSES, name)) out.push({ path, name, cls: LANGCHAIN_CLASSES[name]!, binding });
  });
  return out;
}

/** The models OpenAI built-in tools are bound to: these constructions, or `'file'` when one cannot be told. */
type ToolModels = Set<Node> | 'file';

/**
 * The construction a model value is (`new ChatOpenAI(…)`, or a `const` holding one), through a chain of calls on it
 * (`new ChatOpenAI(…).withConfig(…)`); undefined when it cannot be told (a field, a parameter).
 */
function modelConstruction(path: ASTPath<Node>): Node | undefined {
  let at = unwrapPath(path);
  while ((at.node as Node).type === 'CallExpression' && (at.node as Node).callee.type === 'MemberExpression') at = unwrapPath(at.get('callee', 'object'));
  const node = at.node as Node;
  if (node.type === 'NewExpression') return node;
  if (node.type !== 'Identifier') return undefined;
  const declarator = declaratorOf(at);
  const init = declarator && unwrap((declarator.node as Node).init);
  return init?.type === 'NewExpression' ? init : undefined;
}

/**
 * OpenAI built-in tools the file hands to a LangChain model: `{ type: 'web_search_preview' }` in `bindTools([...])` or
 * a `tools: [...]` call option, and `tools.webSearch()` helpers of `@langchain/openai`. Each gets a marker. Returns
 * the models they are bound to (those models need the Responses API), or `'file'` when a tool is handed elsewhere.
 */
function hostedTools(ctx: TransformContext, bindings: readonly ModuleBinding[]): ToolModels | undefined {
  let models: ToolModels | undefined;
  /** The model of the call a tools array is handed to (`model.bindTools([…])`, `model.invoke(m, { tools })`). */
  const bind = (call: ASTPath<Node> | undefined): void => {
    const callee = call && (call.node as Node).callee;
    const model = callee?.type === 'MemberExpression' ? modelConstruction(call!.get('callee', 'object')) : undefined;
    if (model === undefined) models = 'file';
    else if (models !== 'file') {
      models ??= new Set<Node>();
      models.add(model);
    }
  };
  const add = (path: ASTPath<Node>, type: string, call: ASTPath<Node> | undefined): void => {
    ctx.todo(path, LANGCHAIN_MESSAGES.hostedTools([type]));
    bind(call);
  };
  const scanArray = (path: ASTPath<Node> | undefined, call: ASTPath<Node>): void => {
    const array = path && arrayLiteral(path);
    array?.get('elements').each((element: ASTPath<Node>) => {
      const tool = element.node && objectLiteral(element);
      const type = tool && propertyPath(tool, 'type');
      const value = type && literalValue(unwrap((type.node as Node).value));
      if (value && isHostedToolType(value)) add(element, value, call);
    });
  };
  /** The `bindTools` call or the call whose `tools` option holds a helper's call directly, if any. */
  const handedTo = (path: ASTPath<Node>): ASTPath<Node> | undefined => {
    const array = path.parent;
    if ((array?.node as Node)?.type !== 'ArrayExpression') return undefined;
    const holder = array!.parent;
    if ((holder?.node as Node)?.type === 'CallExpression' && memberName((holder!.node as Node).callee) === 'bindTools') return holder!;
    const call = holder?.parent?.parent;
    const isOption = (holder?.node as Node)?.type === 'ObjectProperty' && propertyName((holder!.node as Node).key) === 'tools';
    return isOption && (call?.node as Node)?.type === 'CallExpression' ? call : undefined;
  };
  ctx.index.find('CallExpression').forEach((path) => {
    const callee = (path.node as Node).callee;
    const member = memberName(callee);
    if (member === 'bindTools' && (path.node as Node).arguments.length > 0) scanArray(path.get('arguments', 0), path);
    // `tools.webSearch()` / `lcTools.fileSearch()` on the `tools` export of @langchain/openai.
    if (member && callee.object?.type === 'Identifier') {
      const binding = resolveBinding(path.get('callee', 'object'), bindings);
      if (binding?.imported === LANGCHAIN_TOOLS_EXPORT) add(path, `tools.${member}`, handedTo(path));
    }
  });
  ctx.index.find('ObjectProperty').forEach((path) => {
    const node = path.node as Node;
    if (propertyName(node.key) !== 'tools' || node.computed) return;
    const call = path.parent?.parent;
    if ((call?.node as Node)?.type === 'CallExpression' && memberName((call!.node as Node).callee) !== undefined) scanArray(path.get('value'), call!);
  });
  return models;
}

/** What the options of one construction are: the fields by name, and why it is not ours when it is not. */
interface Fields {
  object: ASTPath<Node>;
  props: Map<string, ASTPath<Node>>;
  skip: boolean;
  /** A `configuration.baseURL` the code hands in at run time (`basePath`): the client may still talk to OpenAI. */
  baseURLFromCode?: string;
}

/** A `reasoning` option that asks for a summary (LANGCHAIN_REASONING): ChatOpenAI then calls the Responses API. */
function asksReasoningSummary(fields: Fields): boolean {
  const reasoning = fields.props.get(LANGCHAIN_REASONING.field);
  const object = reasoning && unwrap((reasoning.node as Node).value);
  if (object?.type !== 'ObjectExpression') return false;
  const summary = (object.properties as Node[]).find((p) => p.type === 'ObjectProperty' && propertyName(p.key) === LANGCHAIN_REASONING.responsesKey);
  const value = summary && unwrap(summary.value);
  return value !== undefined && value.type !== 'NullLiteral' && !(value.type === 'Identifier' && value.name === 'undefined');
}

function readFields(ctx: TransformContext, object: ASTPath<Node>): Fields {
  const props = new Map<string, ASTPath<Node>>();
  let skip = false;
  object.get('properties').each((prop: ASTPath<Node>) => {
    const node = prop.node as Node;
    const key = node.type === 'ObjectProperty' && !node.computed ? propertyName(node.key) : undefined;
    if (key === undefined) return;
    props.set(key, prop);
    // Azure fields set by hand: already on Azure. Another vendor's key: that vendor's model.
    if (key.startsWith('azure')) skip = true;
    if (LANGCHAIN_FIELDS[key] === 'key' && readsVendorKey(ctx, prop.get('value'))) skip = true;
  });
  let vendorKey = false;
  let fromCode: string | undefined;
  /** A `configuration` value: whether it may point elsewhere, noting a base URL the code hands in. */
  const configurationElsewhere = (value: ASTPath<Node>): boolean => {
    const config = objectLiteral(value);
    const baseURL = config && propertyPath(config, 'baseURL');
    if (baseURL) fromCode ??= baseURLFromCode(ctx, baseURL.get('value'));
    // Written into after it was made, as the options can be (`configuration.baseURL = settings.baseUrl`).
    for (const write of config ? laterWrites(ctx, config) : []) {
      if (write.key === '*') return true;
      if (write.key === 'baseURL' && baseURLKind(ctx, write.value) !== 'openai') {
        fromCode ??= baseURLFromCode(ctx, write.value);
        return true;
      }
    }
    return pointsElsewhere(ctx, value);
  };
  const configuration = props.get('configuration');
  if (configuration && configurationElsewhere(configuration.get('value'))) skip = true;
  // Written after the literal was made (`obj.configuration = { baseURL }`): the construction's options all the same.
  for (const write of laterWrites(ctx, object)) {
    if (write.key === '*' || write.key.startsWith('azure')) skip = true;
    else if (write.key === 'configuration' && write.sub === undefined) skip = configurationElsewhere(write.value) || skip;
    else if (write.key === 'configuration' && (write.sub === '*' || (write.sub === 'baseURL' && baseURLKind(ctx, write.value) !== 'openai'))) {
      if (write.sub === 'baseURL') fromCode ??= baseURLFromCode(ctx, write.value);
      skip = true;
    } else if (write.sub === undefined && LANGCHAIN_FIELDS[write.key] === 'key' && readsVendorKey(ctx, write.value)) skip = vendorKey = true;
  }
  for (const [key, prop] of props) if (LANGCHAIN_FIELDS[key] === 'key' && readsVendorKey(ctx, prop.get('value'))) vendorKey = true;
  // Another vendor's key says whose client it is, wherever the base URL comes from.
  return { object, props, skip, baseURLFromCode: skip && !vendorKey ? fromCode : undefined };
}

/** A `configuration` value that may point the client away from OpenAI: one from elsewhere, or a `baseURL` not OpenAI's. */
function pointsElsewhere(ctx: TransformContext, value: ASTPath<Node>): boolean {
  const config = objectLiteral(value);
  // Options from elsewhere may point anywhere: like the linter, leave them alone.
  if (!config) return true;
  const baseURL = propertyPath(config, 'baseURL');
  return !!baseURL && baseURLKind(ctx, baseURL.get('value')) !== 'openai';
}

/** A literal model name a `model` value is or names (a same-file `const`, or one the project index followed). */
function modelLiteral(ctx: TransformContext, path: ASTPath<Node> | undefined): string | undefined {
  if (!path) return undefined;
  const node = unwrap((path.node as Node).value);
  const named = node.type === 'Identifier' ? literalValue(unwrap(constInit(path.get('value')))) ?? ctx.facts.modelValues?.[node.name] : undefined;
  const literal = literalValue(node) ?? named;
  return literal !== undefined && isModelName(literal) ? literal : undefined;
}

function property(ctx: TransformContext, code: string): Node {
  return expression(ctx, `{ ${code} }`).properties[0];
}

/** The key setting: the Azure key from the env, a literal stand-in the options had, or the file's Entra ID token provider. */
function keyProperty(ctx: TransformContext, v1: boolean, fields: Fields): Node {
  if (ctx.options.auth === 'entra-id') return property(ctx, tokenProviderOption(ctx, v1 ? 'apiKey' : 'azureADTokenProvider'));
  const name = v1 ? 'apiKey' : LANGCHAIN_AZURE_FIELDS.apiKey;
  // A literal stand-in (`apiKey: 'test-key'`) stays the key (isPlaceholderKey).
  const placeholder = placeholderKey(fields.object.node, LANGCHAIN_KEY_FIELDS);
  if (placeholder !== undefined) return property(ctx, `${name}: ${str(ctx, placeholder)}`);
  ctx.readsEnv(LANGCHAIN_ENV.apiKey);
  return property(ctx, `${name}: ${envCode(ctx, LANGCHAIN_ENV.apiKey)}`);
}

/** `configuration` without what the target sets itself (`baseURL`, `apiKey`) and OpenAI account settings. */
function cleanConfiguration(ctx: TransformContext, fields: Fields): Node[] {
  const prop = fields.props.get('configuration');
  if (!prop) return [];
  const config = objectLiteral(prop.get('value'))!;
  const kept: Node[] = [];
  config.get('properties').each((p: ASTPath<Node>) => {
    const key = propertyName((p.node as Node).key);
    if (key && LANGCHAIN_CONFIGURATION_REMOVED.includes(key)) {
      if (ACCOUNT_OPTIONS.includes(key)) noteOnce(ctx, ACCOUNT_NOTE);
      if (key === 'baseURL') noteBaseURLEnvReads(ctx, (p.node as Node).value);
      reportSecrets(ctx, p.get('value'));
      ctx.change(p.node, 'option');
    } else kept.push(p.node);
  });
  return kept;
}

/**
 * The api-version an Azure class gets: the user's, else the preview when its model is or may be one Azure serves
 * from a preview api-version on only (see isPreviewModel): `model`, or a literal its value may take (`process.env.MODEL ?? 'gpt-5-mini'`).
 */
function apiVersionFor(ctx: TransformContext, model: string | undefined, modelProp: ASTPath<Node> | undefined): string {
  const { apiVersion, apiVersionExplicit } = ctx.options;
  const candidates = model !== undefined ? [model] : modelProp ? possibleLiterals((modelProp.node as Node).value) : [];
  const previewModels = [...new Set(candidates.filter(isPreviewModel))];
  if (apiVersionExplicit || previewModels.length === 0) return apiVersion;
  noteOnce(ctx, previewModelNote(previewModels, apiVersion));
  return PREVIEW_API_VERSION;
}

function migrate(ctx: TransformContext, c: Construction, fields: Fields, v1: boolean): void {
  const { j } = ctx;
  const modelProp = fields.props.get('model') ?? fields.props.get('modelName');
  const model = modelLiteral(ctx, modelProp);
  const configKept = cleanConfiguration(ctx, fields);
  const azure: Node[] = [];
  if (!modelProp && c.cls.embeds) ctx.todo(c.path, LANGCHAIN_MESSAGES.defaultEmbeddings(c.cls.deploymentEnv));
  if (v1) {
    // The deployment name travels as `model` on /openai/v1.
    if (modelProp && model && !isDeploymentReference(ctx, unwrap((modelProp.node as Node).value))) {
      (modelProp.node as Node).shorthand = false;
      modelProp.get('value').replace(deploymentExpression(ctx, model));
      ctx.change(modelProp.node, 'deployment');
      if (ctx.options.target === 'v1' && isReasoningModel(model)) ctx.todo(modelProp, LANGCHAIN_MESSAGES.reasoningByNameV1);
    } else if (modelProp && !isDeploymentReference(ctx, unwrap((modelProp.node as Node).value)) && !renameModelReadsWithin(ctx, (modelProp.node as Node).value)) {
      // (`process.env.OPENAI_MODEL ?? 'gpt-5-mini'` reads the deployment's variable instead, as a call's model does.)
      const literal = literalValue(unwrap((modelProp.node as Node).value));
      ctx.todo(modelProp, literal === undefined ? LANGCHAIN_MESSAGES.modelNotLiteralV1 : LANGCHAIN_MESSAGES.modelUnknownV1(literal));
    } else if (!modelProp) {
      // Without one, LangChain's default model would travel as the deployment name (the classic target's field too).
      azure.push(property(ctx, `model: ${envCode(ctx, c.cls.deploymentEnv)}`));
      ctx.readsEnv(c.cls.deploymentEnv);
    }
    azure.push(keyProperty(ctx, true, fields));
    needsRelease(ctx.outcome, ctx.options.auth === 'entra-id' ? 'langchainKeyProvider' : 'langchainV1');
    const configuration = expression(ctx, `{ baseURL: ${azureV1BaseURL(ctx)} }`);
    configuration.properties.push(...configKept);
    azure.push(j.objectProperty(j.identifier('configuration'), configuration));
  } else {
    const deployment = model ? deploymentExpression(ctx, model) : expression(ctx, envCode(ctx, c.cls.deploymentEnv));
    if (!model) ctx.readsEnv(c.cls.deploymentEnv);
    if (modelProp && !model) {
      const literal = literalValue(unwrap((modelProp.node as Node).value));
      ctx.todo(modelProp, literal === undefined ? LANGCHAIN_MESSAGES.modelNotLiteral : LANGCHAIN_MESSAGES.modelUnknown(literal));
    }
    azure.push(j.objectProperty(j.identifier(c.cls.deploymentField), deployment));
    azure.push(property(ctx, `${LANGCHAIN_AZURE_FIELDS.endpoint}: ${envCode(ctx, LANGCHAIN_ENV.endpoint)}`));
    const apiVersion = apiVersionFor(ctx, model, modelProp);
    azure.push(property(ctx, `${LANGCHAIN_AZURE_FIELDS.apiVersion}: ${envCode(ctx, LANGCHAIN_ENV.apiVersion)} ?? ${str(ctx, apiVersion)}`));
    azure.push(keyProperty(ctx, false, fields));
    ctx.readsEnv(LANGCHAIN_ENV.endpoint);
    needsRelease(ctx.outcome, 'langchainEndpoint');
    readsApiVersion(ctx, LANGCHAIN_ENV.apiVersion, apiVersion);
    if (configKept.length > 0) {
      azure.push(j.objectProperty(j.identifier('configuration'), j.objectExpression(configKept)));
    }
    widenOptionsType(ctx, fields.object);
  }
  const properties = (fields.object.node as Node).properties as Node[];
  // Options spread in may set what the Azure fields set: those go after the last spread, so they win, and a marker
  // asks for a look (as the openai-client and AI SDK transforms do).
  const lastSpread = properties.findLastIndex((node) => node.type === 'SpreadElement');
  if (lastSpread !== -1) ctx.todo(c.path, LANGCHAIN_MESSAGES.spreadOptions);
  const out: Node[] = [];
  let placed = false;
  for (const [i, node] of properties.entries()) {
    const key = node.type === 'ObjectProperty' && !node.computed ? propertyName(node.key) : undefined;
    const action = key === undefined ? undefined : LANGCHAIN_FIELDS[key];
    if (action === 'key' || action === 'remove' || action === 'configuration') {
      if (ACCOUNT_OPTIONS.includes(key!)) noteOnce(ctx, ACCOUNT_NOTE);
      const prop = fields.props.get(key!);
      if (action !== 'configuration' && prop && prop.node === node) reportSecrets(ctx, prop.get('value'));
      // A per-user or configured key is replaced by the deployment's: the same marker as the openai client's.
      const origin = action === 'key' && prop && prop.node === node ? keyOriginMessage(prop.get('value'), LANGCHAIN_ENV.apiKey) : undefined;
      if (origin) ctx.todo(c.path, origin);
      ctx.change(node, 'option');
      continue;
    }
    out.push(node);
    if ((lastSpread === -1 ? action === 'model' : i === lastSpread) && !placed) {
      out.push(...azure);
      placed = true;
    }
  }
  fields.object.node.properties = placed ? out : [...azure, ...out];
  ctx.change(c.path.node, 'client');
}

/**
 * Options declared with an OpenAI fields type (`const fields: ChatOpenAIFields = {…}`) reject the Azure fields
 * added to them: the declared type becomes `ChatOpenAIFields & AzureOpenAIInput`, imported as a type where the file
 * has no such name yet (a name the file gives something else leaves the type as it was).
 */
function widenOptionsType(ctx: TransformContext, object: ASTPath<Node>): void {
  const { j } = ctx;
  const declarator = object.parent?.node as Node;
  const annotation = declarator?.type === 'VariableDeclarator' && declarator.init === object.node ? declarator.id.typeAnnotation : undefined;
  if (annotation?.type !== 'TSTypeAnnotation') return;
  // A file on LangChain's legacy entrypoints may not depend on @langchain/openai itself.
  const bindings = moduleBindings(j, ctx.root, LANGCHAIN_PACKAGE);
  if (bindings.length === 0) return;
  const imported = bindings.find((b) => b.imported === LANGCHAIN_AZURE_INPUT_TYPE);
  if (!imported && ctx.index.program.names.has(LANGCHAIN_AZURE_INPUT_TYPE)) return;
  const local = imported?.local ?? LANGCHAIN_AZURE_INPUT_TYPE;
  const declared = annotation.typeAnnotation;
  if (declared.type === 'TSIntersectionType' && declared.types.some((t: Node) => t.type === 'TSTypeReference' && t.typeName.name === local)) return;
  if (!imported) importType(ctx, bindings, LANGCHAIN_AZURE_INPUT_TYPE);
  const azure = j.tsTypeReference(j.identifier(local));
  annotation.typeAnnotation = j.tsIntersectionType(declared.type === 'TSIntersectionType' ? [...declared.types, azure] : [declared, azure]);
  ctx.change(declarator, 'option');
}

/** `type Name` added to the file's named import of `@langchain/openai` (a type-only one takes it plain), else its own import. */
function importType(ctx: TransformContext, bindings: readonly ModuleBinding[], name: string): void {
  const named = bindings.find((b) => b.style === 'esm-named' && (b.statement.node as Node).type === 'ImportDeclaration');
  if (!named) return addTypeImport(ctx, LANGCHAIN_PACKAGE, [name]);
  const statement = named.statement.node as Node;
  const specifier = ctx.j.importSpecifier(ctx.j.identifier(name), ctx.j.identifier(name));
  if (statement.importKind !== 'type') (specifier as Node).importKind = 'type';
  statement.specifiers.push(specifier);
}

/**
 * `new OpenAIClient(…)` of @langchain/openai (the openai SDK's client) on OpenAI's endpoint: a marker, as the file may
 * not depend on `openai` itself; one given another base URL or vendor key is that vendor's.
 */
function sdkClients(ctx: TransformContext, bindings: readonly ModuleBinding[]): void {
  const client = bindings.filter((b) => b.imported === LANGCHAIN_SDK_CLIENT);
  if (client.length === 0) return;
  ctx.index.find('NewExpression', (n) => unwrap(n.callee)?.type === 'Identifier').forEach((path) => {
    if (!resolveBinding(unwrapPath(path.get('callee')), client)) return;
    const options = (path.node as Node).arguments.length > 0 ? objectLiteral(path.get('arguments', 0)) : undefined;
    const baseURL = options && propertyPath(options, 'baseURL');
    const apiKey = options && propertyPath(options, 'apiKey');
    if (baseURL && baseURLKind(ctx, baseURL.get('value')) !== 'openai') return;
    if (apiKey && readsVendorKey(ctx, apiKey.get('value'))) return;
    ctx.todo(path, LANGCHAIN_MESSAGES.sdkClient);
  });
}

/** `new ChatOpenAI` → `new AzureChatOpenAI`, named the way the file imports `@langchain/openai`. */
function renameClass(ctx: TransformContext, c: Construction, names: Names): ModuleBinding | undefined {
  const calleePath = c.path.get('callee');
  const callee = unwrap(calleePath.node as Node);
  if (callee.type === 'MemberExpression') {
    callee.property = ctx.j.identifier(c.cls.azure);
    return undefined;
  }
  const binding = c.binding!;
  const imported = names.imported.get(binding) ?? new Map<string, string>();
  names.imported.set(binding, imported);
  let local = imported.get(c.cls.azure);
  if (local === undefined) {
    local = names.taken.has(c.cls.azure) ? aliasedImport(ctx, binding, c.cls.azure) : ensureNamedExport(ctx, binding, LANGCHAIN_PACKAGE, c.cls.azure);
    imported.set(c.cls.azure, local);
  }
  calleePath.replace(ctx.j.identifier(local));
  return binding;
}

/** What the class renames of one file need to know: names other modules take, and the Azure classes imported so far. */
interface Names {
  taken: ReadonlySet<string>;
  /** By the import a construction's class came through: each Azure class's local name once imported beside it. */
  imported: Map<ModuleBinding, Map<string, string>>;
}

/**
 * Names a module-level import of another package or a variable already takes (`AzureOpenAI` of `openai`). Read once,
 * before any rewrite: the rewrites add only LangChain's own imports, so the answer holds for every construction.
 */
function namesTakenElsewhere(ctx: TransformContext): Set<string> {
  const ours = moduleBindings(ctx.j, ctx.root, LANGCHAIN_PACKAGE);
  const foreign = (id: Node): boolean => id?.type === 'Identifier' && !ours.some((b) => b.id === id);
  const taken = new Set<string>();
  const { index } = ctx;
  for (const node of index.nodes('ImportDeclaration')) for (const s of node.specifiers ?? []) if (foreign(s.local)) taken.add(s.local.name);
  for (const node of index.nodes('VariableDeclarator')) {
    const id = node.id;
    const names = id.type === 'Identifier' ? [id] : id.type === 'ObjectPattern' ? id.properties.map((p: Node) => p.value) : [];
    for (const n of names) if (foreign(n)) taken.add(n.name);
  }
  return taken;
}

/** Import LangChain's `name` under a `LangChain` prefix, beside `like` (its name collides with another import). */
function aliasedImport(ctx: TransformContext, like: ModuleBinding, name: string): string {
  const { j } = ctx;
  const local = `LangChain${name}`;
  const existing = moduleBindings(j, ctx.root, LANGCHAIN_PACKAGE).find((b) => b.imported === name && !b.typeOnly);
  if (existing) return existing.local;
  const statement = like.statement.node as Node;
  if (statement.type === 'ImportDeclaration' && like.style === 'esm-named') {
    statement.specifiers.push(j.importSpecifier(j.identifier(name), j.identifier(local)));
  } else if (statement.type === 'VariableDeclaration' && like.style === 'cjs-destructured') {
    const pattern = statement.declarations.find((d: Node) => d.id.type === 'ObjectPattern' && d.id.properties.some((p: Node) => p.value === like.id)).id;
    pattern.properties.push(j.objectProperty(j.identifier(name), j.identifier(local)));
  } else {
    return ensureNamedExport(ctx, like, LANGCHAIN_PACKAGE, name);
  }
  return local;
}

/**
 * A marker on each construction of an OpenAI class from a legacy LangChain entrypoint (`langchain/chat_models/openai`)
 * that talks to OpenAI as written (not already given its Azure fields or another base URL), where the linter reports it.
 */
function legacyEntrypoints(ctx: TransformContext): void {
  if (!ctx.source.includes('langchain/')) return;
  for (const entrypoint of LANGCHAIN_LEGACY_ENTRYPOINTS) {
    if (!ctx.source.includes(entrypoint)) continue;
    const bindings = moduleBindings(ctx.j, ctx.root, entrypoint).filter((b) => !b.typeOnly);
    for (const c of constructions(ctx, bindings)) {
      const object = (c.path.node as Node).arguments.length > 0 ? objectLiteral(c.path.get('arguments', 0)) : undefined;
      if (object && readFields(ctx, object).skip) continue;
      ctx.todo(c.path, LANGCHAIN_MESSAGES.legacyEntrypoint(entrypoint));
    }
  }
}

/**
 * LangChain JS: `ChatOpenAI`, `OpenAIEmbeddings` and the `OpenAI` LLM of `@langchain/openai` move to their Azure
 * classes (classic target), or to `/openai/v1` through `configuration.baseURL` (`--target v1`, or a chat model on the
 * Responses API). Clients pointed elsewhere (another vendor, Azure by hand, options built elsewhere) are left alone.
 */
export const langchain: Transform = {
  name: 'langchain',
  apply(ctx) {
    legacyEntrypoints(ctx);
    if (!ctx.source.includes(LANGCHAIN_PACKAGE)) return;
    const bindings = moduleBindings(ctx.j, ctx.root, LANGCHAIN_PACKAGE).filter((b) => !b.typeOnly);
    if (bindings.length === 0) return;
    sdkClients(ctx, bindings);
    const found = constructions(ctx, bindings);
    const toolModels = hostedTools(ctx, bindings);
    const touched = new Set<ModuleBinding>();
    const names: Names = { taken: namesTakenElsewhere(ctx), imported: new Map() };
    let providerAdded = false;
    // Browser code (and an editor extension's) keeps OpenAI's classes: the Azure fields would be `process.env` reads
    // that find nothing there.
    const clientSide = found.length > 0 ? clientSideMessage(ctx) : undefined;
    for (const c of found) {
      const args = (c.path.node as Node).arguments as Node[];
      // In browser code a class the file points at another server (a `baseURL`) stays unmarked; one with no options
      // talks to OpenAI, and gets the marker before any option is added.
      if (clientSide && args.length === 0) {
        ctx.todo(c.path, clientSide);
        continue;
      }
      if (args.length === 0) args.push(ctx.j.objectExpression([]));
      const object = objectLiteral(c.path.get('arguments', 0));
      if (!object) {
        ctx.todo(c.path, LANGCHAIN_MESSAGES.optionsNotLiteral(c.cls));
        continue;
      }
      const fields = readFields(ctx, object);
      if (fields.baseURLFromCode !== undefined) ctx.todo(c.path, baseURLFromCodeMessage(fields.baseURLFromCode));
      if (fields.skip) continue;
      if (clientSide) {
        ctx.todo(c.path, clientSide);
        continue;
      }
      const responses = fields.props.get('useResponsesApi');
      const usesResponses =
        toolModels === 'file' || toolModels?.has(c.path.node) === true || (responses !== undefined && unwrap((responses.node as Node).value)?.value !== false) || asksReasoningSummary(fields);
      const v1 = c.cls.v1 && (ctx.options.target === 'v1' || usesResponses);
      if (!c.cls.v1 && ctx.options.target === 'v1') ctx.outcome.notes.push(LANGCHAIN_MESSAGES.completionsClassic);
      if (v1 && ctx.options.target === 'classic') ctx.todo(c.path, LANGCHAIN_MESSAGES.responsesOnV1);
      if (ctx.options.auth === 'entra-id' && !providerAdded) {
        ensureTokenProvider(ctx, topLevelStatement(c.path));
        ctx.change(c.path.node, 'auth');
        providerAdded = true;
      }
      migrate(ctx, c, fields, v1);
      if (!v1) {
        const binding = renameClass(ctx, c, names);
        if (binding) touched.add(binding);
      }
    }
    for (const binding of touched) {
      if (referencesTo(ctx.j, ctx.root, binding).length === 0) removeBinding(binding);
      ctx.change(binding.statement.node, 'import');
    }
  },
};

export default asJscodeshift(langchain);
