import type { ASTPath } from 'jscodeshift';
import {
  AZURE_ENV,
  AZURE_IDENTITY_PACKAGE,
  AZURE_ONLY_FIELDS,
  AZURE_OPENAI_BETA,
  BETA_DATA_SOURCE_RENAMES,
  BETA_DROPPED_OPTIONS,
  BETA_MESSAGES,
  BETA_METHODS,
  BETA_OPTION_RENAMES,
  BETA_REQUEST_OPTIONS,
  BETA_RESULT_LEAVES,
  BETA_RESULT_RENAMES,
  BETA_TYPES,
  OPENAI_SDK,
  TOKEN_SCOPES,
} from '../src/core/index.js';
import { declaratorOf, enclosingClass, unwrap } from './lib/clients.js';
import {
  addTopLevelImport,
  ensureNamedExport,
  isEsmFile,
  memberName,
  moduleBindings,
  programBody,
  propertyName,
  referencesOf,
  referencesTo,
  removeBinding,
  resolveBinding,
  type ModuleBinding,
} from './lib/imports.js';
import { followResult } from './lib/result-reads.js';
import { invalidateIndex } from './lib/file-index.js';
import { OPENAI_TYPES_MODULE, addTypeImport } from './lib/type-imports.js';
import { asJscodeshift } from './lib/run.js';
import { expression, isTypeScript, statements, str } from './lib/snippets.js';
import { insertTopLevel } from './lib/top-level.js';
import { readsApiVersion, type Transform, type TransformContext } from './lib/types.js';
import { envCode } from './lib/deployment-ref.js';

type Node = any; // Babel AST via recast.

const BETA = AZURE_OPENAI_BETA;
const MEMBER = new Set(['MemberExpression', 'OptionalMemberExpression']);
/** Message fields renamed inside a literal messages argument. */
const MESSAGE_KEYS = ['toolCallId', 'toolCalls', 'functionCall', 'imageUrl'];

interface State {
  ctx: TransformContext;
  /** Beta and credential-package bindings of this file. */
  bindings: ModuleBinding[];
  /** Declaring identifiers of variables/parameters holding a beta client. */
  ids: Set<Node>;
  /** Per class body: member names holding a beta client. */
  members: Map<Node, Set<string>>;
  /** Whether the clients talk to Azure (false: the beta's OpenAIKeyCredential mode, a direct-OpenAI client). */
  azure: boolean;
  imports: Set<string>;
  azureFields: boolean;
  entra: boolean;
}

/** The export a callee or type name refers to among the bindings (`OpenAIClient`, `ns.AzureKeyCredential`). */
function exportOf(state: State, path: ASTPath<Node>): string | undefined {
  const node = unwrap(path.node as Node);
  if (node?.type === 'Identifier') {
    const binding = resolveBinding(path, state.bindings);
    return binding && binding.imported !== '*' ? binding.imported : undefined;
  }
  if (MEMBER.has(node?.type) && node.object.type === 'Identifier') {
    const binding = resolveBinding(path.get('object'), state.bindings);
    return binding?.imported === '*' ? memberName(node) : undefined;
  }
  if (node?.type === 'TSQualifiedName' && node.left.type === 'Identifier') {
    const binding = resolveBinding(path.get('left'), state.bindings);
    return binding?.imported === '*' ? node.right.name : undefined;
  }
  return undefined;
}

/** The module a binding loads (`import … from 'm'`, `require('m')`). */
function sourceOf(binding: ModuleBinding): string | undefined {
  const statement = binding.statement.node as Node;
  return statement.type === 'ImportDeclaration' ? statement.source.value : requireSource(statement);
}

function requireSource(statement: Node): string | undefined {
  for (const d of statement.declarations ?? []) {
    let init = unwrap(d.init);
    if (init?.type === 'AwaitExpression') init = init.argument;
    if (MEMBER.has(init?.type)) init = unwrap(init.object);
    const arg = init?.arguments?.[0] ?? init?.source;
    if (arg?.type === 'StringLiteral') return arg.value;
  }
  return statement.moduleReference?.expression?.value;
}

const text = (ctx: TransformContext, node: Node): string => ctx.source.slice(node.start, node.end);

/** An expression safe to call `.replace` on without parentheses. */
function callable(ctx: TransformContext, node: Node): string {
  const simple = ['Identifier', 'MemberExpression', 'StringLiteral', 'CallExpression', 'TSNonNullExpression', 'TemplateLiteral'];
  return simple.includes(node.type) ? text(ctx, node) : `(${text(ctx, node)})`;
}

/** The class the migrated client is: `AzureOpenAI` (classic), else `OpenAI`, named as the file imports it. */
function clientClass(state: State): string {
  const { ctx } = state;
  const name = state.azure && ctx.options.target === 'classic' ? 'AzureOpenAI' : 'OpenAI';
  const existing = moduleBindings(ctx.j, ctx.root, OPENAI_SDK).find(
    (b) => !b.typeOnly && (b.imported === name || (name === 'OpenAI' && b.imported === 'default')),
  );
  if (existing) return existing.local;
  state.imports.add(name);
  return name;
}

/** `new AzureKeyCredential(k)` (inline or a same-file const used only here): the key expression. */
function azureKey(state: State, path: ASTPath<Node>): { key: Node; declarator?: ASTPath<Node> } | undefined {
  const { ctx } = state;
  let value = path;
  while (unwrap(value.node) !== value.node) value = value.get('expression');
  let declarator: ASTPath<Node> | undefined;
  if ((value.node as Node).type === 'Identifier') {
    declarator = declaratorOf(value);
    if (!declarator || !(declarator.node as Node).init) return undefined;
    if (referencesOf(ctx.j, ctx.root, (declarator.node as Node).id).length !== 1) return undefined;
    value = declarator.get('init');
  }
  const node = unwrap(value.node as Node);
  if (node?.type !== 'NewExpression' || exportOf(state, value.get('callee')) !== BETA.azureKey) return undefined;
  return node.arguments[0] ? { key: node.arguments[0], declarator } : undefined;
}

/** `new OpenAIClient(...)` → `new AzureOpenAI({...})` (or `OpenAI` on `<endpoint>/openai/v1/`, or a direct-OpenAI client). */
function migrateConstruction(state: State, path: ASTPath<Node>): void {
  const { ctx } = state;
  const node = path.node as Node;
  const [first, second, third] = node.arguments as Node[];
  const openaiKey = unwrap(first)?.type === 'NewExpression' && exportOf(state, path.get('arguments', 0, 'callee')) === BETA.openaiKey;
  if (openaiKey) {
    const key = unwrap(first).arguments[0];
    state.azure = false;
    path.replace(expression(ctx, `new ${clientClass(state)}({ apiKey: ${key ? text(ctx, key) : 'undefined'} })`));
    ctx.change(node, 'client');
    return;
  }
  if (!first || !second) {
    ctx.todo(path, BETA_MESSAGES.credential);
    return;
  }
  const v1 = ctx.options.target === 'v1';
  const found = azureKey(state, path.get('arguments', 1));
  let auth: string;
  if (found) {
    auth = `apiKey: ${text(ctx, found.key)}`;
    if (found.declarator) {
      const declaration = found.declarator.parent;
      if ((declaration.node as Node).declarations.length === 1) declaration.prune();
      else found.declarator.prune();
    }
  } else {
    // Any other credential is a TokenCredential (DefaultAzureCredential, ManagedIdentityCredential, …).
    const identity = moduleBindings(ctx.j, ctx.root, AZURE_IDENTITY_PACKAGE).find((b) => !b.typeOnly && b.imported !== '*');
    if (identity) ensureNamedExport(ctx, identity, AZURE_IDENTITY_PACKAGE, 'getBearerTokenProvider');
    else addTopLevelImport(ctx, ['getBearerTokenProvider'], AZURE_IDENTITY_PACKAGE);
    const provider = `getBearerTokenProvider(${text(ctx, second)}, ${str(ctx, TOKEN_SCOPES[ctx.options.target])})`;
    auth = v1 ? `apiKey: ${provider}` : `azureADTokenProvider: ${provider}`;
    state.entra = true;
    ctx.change(node, 'auth');
  }
  const options = unwrap(third);
  const version = options?.type === 'ObjectExpression' ? options.properties.find((p: Node) => propertyName(p.key) === 'apiVersion') : undefined;
  if (third && (options?.type !== 'ObjectExpression' || options.properties.length > (version ? 1 : 0))) ctx.todo(path, BETA_MESSAGES.clientOptions);
  const apiVersion = version ? text(ctx, version.value) : `${envCode(ctx, AZURE_ENV.apiVersion)} ?? ${str(ctx, ctx.options.apiVersion)}`;
  const cls = clientClass(state);
  const body = v1
    ? `baseURL: \`\${${callable(ctx, first)}.replace(/\\/+$/, ${str(ctx, '')})}/openai/v1/\`, ${auth}`
    : `${unwrap(first).type === 'Identifier' && unwrap(first).name === 'endpoint' && first === unwrap(first) ? 'endpoint' : `endpoint: ${text(ctx, first)}`}, ${auth}, apiVersion: ${apiVersion}`;
  if (!v1 && !version) readsApiVersion(ctx, AZURE_ENV.apiVersion, ctx.options.apiVersion);
  path.replace(expression(ctx, `new ${cls}({ ${body} })`));
  ctx.change(node, 'client');
}

/** Record where each construction's client is held (variable, `this.x`, class field). */
function collectHolders(state: State, path: ASTPath<Node>): void {
  let at = path;
  while (at.parent && (unwrap(at.parent.node) !== at.parent.node || at.parent.node.type === 'AwaitExpression')) at = at.parent;
  const parent = at.parent?.node as Node;
  const addMember = (name: string | undefined): void => {
    const cls = enclosingClass(at);
    if (!cls || !name) return;
    state.members.set(cls, new Set([...(state.members.get(cls) ?? []), name]));
  };
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') state.ids.add(parent.id);
  else if (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier') {
    // `let client: OpenAIClient | null = null; … client = new OpenAIClient(…)`.
    const declarator = declaratorOf(at.parent.get('left'));
    if (declarator) state.ids.add((declarator.node as Node).id);
  } else if (parent?.type === 'AssignmentExpression' && MEMBER.has(parent.left.type) && parent.left.object.type === 'ThisExpression') addMember(memberName(parent.left));
  else if (parent?.type === 'ClassProperty' || parent?.type === 'ClassPrivateProperty') addMember(propertyName(parent.key));
}

/** Whether `path` (a call's receiver) holds a beta client. */
function isReceiver(state: State, receivers: Set<Node>, path: ASTPath<Node>): boolean {
  const node = unwrap(path.node as Node);
  if (node?.type === 'Identifier') return receivers.has(node);
  if (MEMBER.has(node?.type) && node.object.type === 'ThisExpression') {
    const cls = enclosingClass(path);
    const name = memberName(node);
    return !!cls && !!name && (state.members.get(cls)?.has(name) ?? false);
  }
  return false;
}

/** `{ type, ...params }` On Your Data extensions → `{ type, parameters: { ...snake_case } }`. */
function dataSources(ctx: TransformContext, extensions: Node): Node | undefined {
  const { j } = ctx;
  const list = unwrap(extensions);
  if (list?.type !== 'ArrayExpression' || !list.elements.every((e: Node) => e?.type === 'ObjectExpression')) return undefined;
  return j.arrayExpression(
    list.elements.map((entry: Node) => {
      const type = entry.properties.find((p: Node) => propertyName(p.key) === 'type');
      const params = entry.properties.filter((p: Node) => p !== type);
      for (const p of params) {
        const key = propertyName(p.key);
        if (key && BETA_DATA_SOURCE_RENAMES[key] && !p.computed) {
          p.key = j.identifier(BETA_DATA_SOURCE_RENAMES[key]);
          p.shorthand = false;
        }
      }
      return j.objectExpression([...(type ? [type] : []), j.objectProperty(j.identifier('parameters'), j.objectExpression(params))]);
    }),
  );
}

function property(ctx: TransformContext, key: string, value: Node): Node {
  const p = ctx.j.objectProperty(ctx.j.identifier(key), value) as Node;
  if (value.type === 'Identifier' && value.name === key) p.shorthand = true;
  return p;
}

/** The request object's properties from the beta options object; request-level options go to `requestOptions`. */
function optionProperties(state: State, call: ASTPath<Node>, options: Node | undefined, requestOptions: Node[]): Node[] {
  const { ctx } = state;
  const { j } = ctx;
  if (!options) return [];
  const object = unwrap(options);
  if (object.type !== 'ObjectExpression') {
    ctx.todo(call, BETA_MESSAGES.options);
    return [j.spreadElement(options)];
  }
  const out: Node[] = [];
  for (const p of object.properties as Node[]) {
    const key = p.type === 'SpreadElement' || p.computed ? undefined : propertyName(p.key);
    if (key === undefined) {
      if (p.type === 'SpreadElement') ctx.todo(call, BETA_MESSAGES.options);
      out.push(p);
    } else if (key === 'azureExtensionOptions') {
      const extensions = unwrap(p.value)?.type === 'ObjectExpression' ? unwrap(p.value).properties.find((e: Node) => propertyName(e.key) === 'extensions') : undefined;
      const sources = extensions && dataSources(ctx, extensions.value);
      ctx.todo(call, BETA_MESSAGES.dataSources);
      if (sources) {
        out.push(j.objectProperty(j.identifier('data_sources'), sources));
        state.azureFields = true;
      } else out.push(p);
    } else if (BETA_DROPPED_OPTIONS.includes(key)) {
      ctx.change(p, 'option');
    } else if (Object.hasOwn(BETA_REQUEST_OPTIONS, key)) {
      const target = BETA_REQUEST_OPTIONS[key];
      if (target) requestOptions.push(property(ctx, target, p.value));
      else if (key === 'requestOptions') requestOptions.push(j.spreadElement(p.value));
      else ctx.todo(call, BETA_MESSAGES.requestOption);
    } else if (BETA_OPTION_RENAMES[key]) {
      p.key = j.identifier(BETA_OPTION_RENAMES[key]);
      p.shorthand = false;
      out.push(p);
    } else out.push(p);
  }
  return out;
}

/** `client.getChatCompletions(deployment, messages, options)` → `client.chat.completions.create({ model: deployment, messages, … })`. */
function migrateCall(state: State, call: ASTPath<Node>, name: string): void {
  const { ctx } = state;
  const { j } = ctx;
  const node = call.node as Node;
  const method = BETA_METHODS[name]!;
  const args = [...node.arguments] as Node[];
  const [deployment, input] = args;
  // The deployment argument already names a deployment: it becomes `model` unchanged (a model name in OpenAI mode).
  const properties: Node[] = [property(ctx, 'model', deployment)];
  let rest = args.slice(2);
  if (method.format) {
    const file = expression(ctx, `await toFile(x, ${str(ctx, 'audio.wav')})`);
    file.argument.arguments[0] = input;
    properties.push(property(ctx, 'file', file));
    state.imports.add('toFile');
    ctx.todo(call, BETA_MESSAGES.file);
    const format = unwrap(rest[0]);
    if (format && format.type !== 'ObjectExpression' && (rest.length > 1 || format.type === 'StringLiteral')) {
      properties.push(property(ctx, 'response_format', rest[0]));
      rest = rest.slice(1);
    } else if (format && format.type !== 'ObjectExpression') ctx.todo(call, BETA_MESSAGES.format);
  } else if (input) {
    if (name.includes('Chat')) {
      j(call.get('arguments', 1)).find(j.ObjectProperty).forEach((p) => {
        const key = propertyName((p.node as Node).key);
        if (key && MESSAGE_KEYS.includes(key) && !(p.node as Node).computed) {
          (p.node as Node).key = j.identifier(BETA_OPTION_RENAMES[key]!);
          (p.node as Node).shorthand = false;
        }
      });
    }
    properties.push(property(ctx, method.positional[0]!, input));
  }
  const requestOptions: Node[] = [];
  properties.push(...optionProperties(state, call, rest[0], requestOptions));
  if (method.stream) properties.push(j.objectProperty(j.identifier('stream'), j.booleanLiteral(true)));
  let callee = unwrap(node.callee).object;
  for (const part of method.call.split('.')) callee = j.memberExpression(callee, j.identifier(part));
  node.callee = callee;
  node.arguments = [j.objectExpression(properties), ...(requestOptions.length > 0 ? [j.objectExpression(requestOptions)] : [])];
  ctx.change(node, 'rename');
  // Beta results are camelCase in both modes.
  const reads = followResult(ctx, call, { renames: BETA_RESULT_RENAMES, flag: ['created'], leaves: BETA_RESULT_LEAVES });
  for (const path of reads.escaped) ctx.todo(path, BETA_MESSAGES.result);
  for (const path of reads.flagged) ctx.todo(path, BETA_MESSAGES.created);
  if (reads.renamed.some((f) => AZURE_ONLY_FIELDS.includes(f))) state.azureFields = true;
}

/** Beta type names in annotations → openai's (`ChatRequestMessage` → `ChatCompletionMessageParam`); the client type too. */
function migrateTypes(state: State, cls: string | undefined): string[] {
  const { ctx } = state;
  const { j } = ctx;
  const used = new Set<string>();
  // After the calls' and constructions' rewrites: the index is read afresh, as the tree now is.
  invalidateIndex(ctx.root);
  ctx.index.find('TSTypeReference').forEach((path) => {
    const name = exportOf(state, path.get('typeName'));
    if (!name) return;
    const next = name === BETA.client ? cls : BETA_TYPES[name];
    if (!next) return;
    (path.node as Node).typeName = j.identifier(next);
    if (name !== BETA.client) used.add(next);
    ctx.change(path.node, 'rename');
  });
  return [...used];
}

/**
 * `@azure/openai` 1.0-beta (`OpenAIClient`) → `openai`: the client becomes `AzureOpenAI` (classic) or `OpenAI` on
 * `<endpoint>/openai/v1/`, with the key or a token provider for the TokenCredential; each method becomes its resource
 * call with the deployment as `model` (unchanged), options in snake_case, and result reads renamed where they can be
 * followed. `new OpenAIClient(new OpenAIKeyCredential(key))` (the beta's direct-OpenAI mode) becomes
 * `new OpenAI({ apiKey })`, which the openai-client transform then takes to Azure after the re-parse.
 */
export const azureOpenAIBeta: Transform = {
  name: 'azure-openai-beta',
  normalizes: true,
  apply(ctx) {
    const { j, root } = ctx;
    // Nothing happens without a binding of the beta package, whose name the import or require then spells out.
    if (!ctx.source.includes(BETA.package)) return;
    const sources = [...new Set<string>(BETA.credentialPackages)];
    const bindings = sources.flatMap((s) => moduleBindings(j, root, s));
    if (!bindings.some((b) => sourceOf(b) === BETA.package)) return;
    const state: State = { ctx, bindings, ids: new Set(), members: new Map(), azure: true, imports: new Set(), azureFields: false, entra: false };
    const constructions = ctx.index.find('NewExpression').filter((p) => exportOf(state, p.get('callee')) === BETA.client);
    // Parameters and fields typed `OpenAIClient` hold one too; any type naming it (a union of clients) moves with it.
    let typed = false;
    ctx.index.find('TSTypeReference').forEach((path) => {
      if (exportOf(state, path.get('typeName')) !== BETA.client) return;
      typed = true;
      let annotation = path.parent;
      // `OpenAIClient | null`, `OpenAIClient | undefined`.
      while (annotation?.node.type === 'TSUnionType') annotation = annotation.parent;
      const holder = annotation?.parent;
      const node = holder?.node as Node;
      if (node?.type === 'Identifier') state.ids.add(node);
      if (node?.type === 'ClassProperty') collectHolders(state, annotation);
      if (node?.type === 'Identifier' && holder.parent?.node.type === 'TSParameterProperty') {
        const cls = enclosingClass(holder);
        if (cls) state.members.set(cls, new Set([...(state.members.get(cls) ?? []), node.name]));
      }
    });
    if (constructions.length === 0 && state.ids.size === 0 && !typed) return;
    for (const c of constructions) collectHolders(state, c);
    const receivers = new Set<Node>([...state.ids].flatMap((id) => referencesOf(j, root, id).map((r) => r.node)));
    // The client mode decides the result renames: direct-OpenAI results are already read as OpenAI's (none existed).
    state.azure = !constructions.some((c) => {
      const first = unwrap((c.node as Node).arguments[0]);
      return first?.type === 'NewExpression' && exportOf(state, c.get('arguments', 0, 'callee')) === BETA.openaiKey;
    });
    ctx.index.find('CallExpression').forEach((path) => {
      const callee = unwrap((path.node as Node).callee);
      const name = MEMBER.has(callee?.type) ? memberName(callee) : undefined;
      if (name && BETA_METHODS[name] && isReceiver(state, receivers, path.get('callee', 'object'))) migrateCall(state, path, name);
    });
    for (const c of constructions) migrateConstruction(state, c);
    const cls = constructions.length > 0 || state.ids.size > 0 || typed ? clientClass(state) : undefined;
    const types = migrateTypes(state, cls);
    const replaced = [BETA.client, BETA.azureKey, BETA.openaiKey, ...Object.keys(BETA_TYPES)];
    for (const binding of bindings) {
      const ours = replaced.includes(binding.imported) || (binding.imported === '*' && sourceOf(binding) === BETA.package);
      if (ours && referencesTo(j, root, binding).length === 0) {
        removeBinding(binding);
        ctx.change(binding.statement.node, 'import');
      }
    }
    const values = [...state.imports].filter((n) => n !== 'AzureOpenAI' || cls === 'AzureOpenAI');
    if (values.length > 0) addTopLevelImport(ctx, values, OPENAI_SDK);
    addTypeImport(ctx, OPENAI_TYPES_MODULE, types);
    if (state.azureFields && isTypeScript(ctx) && isEsmFile(ctx)) {
      const body = programBody(ctx);
      if (!body.some((s) => s.type === 'ImportDeclaration' && s.source.value === BETA.typesModule)) {
        const code = body.findIndex((s) => s.type !== 'ImportDeclaration');
        insertTopLevel(body, code === -1 ? body.length : code, statements(ctx, `import ${str(ctx, BETA.typesModule)};`));
      }
    }
    const left = moduleBindings(j, root, BETA.package).length > 0;
    ctx.outcome.notes.push(
      `package.json: remove @azure/openai 1.0-beta${state.azureFields ? ' (or keep @azure/openai ^2, types only, for the Azure fields read here)' : ''}, add openai (written for openai 7)` +
        (state.entra ? ' and @azure/identity' : '') +
        (left ? '; this file still imports @azure/openai names with no counterpart, see the markers' : ''),
    );
  },
};

export default asJscodeshift(azureOpenAIBeta);
