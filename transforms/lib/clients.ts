import type { ASTPath } from 'jscodeshift';
import {
  AZURE_CLIENT_EXPORTS,
  CLIENT_WRAPPER_PACKAGES,
  OPENAI_CLIENT_EXPORTS,
  OPENAI_SDK,
  OTHER_CLOUD_OPTIONS,
  clientWrapper,
  handedEnvMessage,
  isAzureURL,
  AZURE_REQUEST_OPTIONS,
  isOpenAIBaseURL,
  isModuleMock,
  isOpenAIEnvName,
  isSpecifierOf,
  keyNamesOf,
  namesOtherVendor,
  ownApiKeyMessage,
  processExport,
  quotesPackage,
  readsOtherVendorEnv,
  type ClientWrapper,
} from '../../src/core/index.js';
import { isDynamicImportOf, isRequireCall, isRequireOf, memberName, moduleBindings, propertyName, resolveBinding, type ModuleBinding } from './imports.js';
import { envRead, isEnvObjectNode } from './deployment-ref.js';
import { declarationAt, destructuringOf, indexFor, type Declaration, type FileIndex } from './file-index.js';
import { literalText, literalValue, objectLiteral, propertyPath } from './literals.js';
import { clientSide } from './client-side.js';
import { laterWrites } from './later-writes.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast; checked by `type` at run time.

/**
 * Who a `new OpenAI(...)` talks to: OpenAI itself (ours to migrate), Azure already, or another vendor; `client-side`:
 * OpenAI from browser code or an editor extension's, left as it is (the Azure settings would come from `process.env`,
 * which has none there);
 * `mock`: a test file's stand-in, the module replaced by a factory (`vi.mock('openai', () => …)`), left as it is;
 * `beside-azure`: an OpenAI client set from the code (settings, parameters) in a file that makes an Azure one too (a
 * provider switch whose Azure branch exists): it serves what it is configured for and is left as it is.
 */
export type ClientKind = 'openai' | 'azure' | 'other' | 'client-side' | 'mock' | 'beside-azure';

/** How the constructor was named, so the migrated one can be named the same way. */
export type CalleeRef =
  | { kind: 'binding'; binding: ModuleBinding }
  | { kind: 'namespace'; binding: ModuleBinding }
  | { kind: 'inline' };

export interface Construction {
  path: ASTPath<Node>;
  kind: ClientKind;
  callee: CalleeRef;
  /** An `other` client's base URL when the code hands it one at run time (`baseURLFromCode`). */
  baseURLFromCode?: string;
  /** Made with an Azure class (`AzureOpenAI`), not an `OpenAI` given an Azure URL. */
  azureClass?: true;
}

/**
 * Which clients a question is about: `direct`, those that talk to OpenAI itself (ours to take to Azure); `any`, every
 * client of the `openai` package whoever it talks to (an SDK upgrade, such as v3's calls, concerns them all).
 */
export type Reach = 'direct' | 'any';

/** The clients of one file (direct-OpenAI ones, or all: `reach`), computed once before any transform changes the tree. */
export interface FileClients {
  reach: Reach;
  /** Bindings of the `openai` package in this file (all styles, type-only included). */
  sdk: ModuleBinding[];
  /** Every construction of an `openai` client class (OpenAI or AzureOpenAI). */
  constructions: Construction[];
  /** Declaring identifiers of variables and parameters holding a client of this reach. */
  ids: Set<Node>;
  /** Per class body: member names (`client`, `#client`) holding a client of this reach. */
  members: Map<Node, Set<string>>;
  /** Declaring identifiers of in-file functions that return a client of this reach (`getClient()`, memoised or not). */
  factories: Set<Node>;
  /** Declaring identifiers of the client wrappers the file imports (`wrapOpenAI`, `observeOpenAI`, `Instructor`). */
  wrappers: Map<Node, ClientWrapper>;
  /**
   * A client-side module (browser code, an editor extension's), asked about direct clients: none in it is migrated,
   * so none is tracked (its calls keep their models).
   */
  clientSide: boolean;
  /** Calls that replace the `openai` module with a factory's stand-in (MODULE_MOCKS): the file's clients are mocks. */
  mocks: ASTPath<Node>[];
  /**
   * Of `ids` and `factories`, those that may hold another service's client too (`local ? new OpenAI({ baseURL:
   * 'http://localhost:4000/v1' }) : new OpenAI()`): a model sent through them goes to both.
   */
  shared: Set<Node>;
}

const KEY = 'openai-to-azure:clients';

/** Nodes whose direct identifier children (other than the name) are parameters. */
const PARAM_OWNERS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'ClassPrivateMethod', 'ObjectMethod', 'TSParameterProperty', 'TSDeclareMethod']);

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

const WRAPPERS = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression', 'TypeCastExpression']);

/** The expression under `x!`, `x as T`, `(x)`. */
export function unwrap(node: Node): Node {
  return node && WRAPPERS.has(node.type) ? unwrap(node.expression) : node;
}

/** The path of the expression under `x!`, `x as T`, `(x)`: recursion goes on with the node and its path together. */
export function unwrapPath(path: ASTPath<Node>): ASTPath<Node> {
  const node = path.node as Node;
  return node && WRAPPERS.has(node.type) ? unwrapPath(path.get('expression')) : path;
}

/** Which `openai` class a constructor callee names: `client` (OpenAI), `azure` (AzureOpenAI) or neither. */
function classOf(sdk: ModuleBinding[], calleePath: ASTPath<Node>): { cls: 'client' | 'azure'; callee: CalleeRef } | undefined {
  const path = unwrapPath(calleePath);
  const node = path.node as Node;
  const classify = (name: string): 'client' | 'azure' | undefined =>
    OPENAI_CLIENT_EXPORTS.includes(name) ? 'client' : AZURE_CLIENT_EXPORTS.includes(name) ? 'azure' : undefined;
  if (node.type === 'Identifier') {
    const binding = resolveBinding(path, sdk);
    if (!binding || binding.typeOnly) return undefined;
    // `const OpenAI = require('openai')`: the CommonJS module object is the OpenAI class itself.
    const whole = binding.imported === '*' && (binding.style === 'cjs-whole' || binding.style === 'ts-import-equals');
    const cls = whole ? 'client' : classify(binding.imported);
    return cls && { cls, callee: { kind: whole ? 'namespace' : 'binding', binding } };
  }
  if (isRequireOf(node, OPENAI_SDK)) return { cls: 'client', callee: { kind: 'inline' } };
  const name = memberName(node);
  const cls = name === undefined ? undefined : classify(name);
  if (!cls) return undefined;
  const objectPath = unwrapPath(path.get('object'));
  const object = objectPath.node as Node;
  if (object.type === 'Identifier') {
    const binding = resolveBinding(objectPath, sdk);
    return binding && binding.imported === '*' && !binding.typeOnly ? { cls, callee: { kind: 'namespace', binding } } : undefined;
  }
  return isRequireOf(object, OPENAI_SDK) || isDynamicImportOf(object, OPENAI_SDK) ? { cls, callee: { kind: 'inline' } } : undefined;
}

/**
 * Source text of an expression, with same-file string constants and a class's fields resolved one level (`baseURL:
 * GROQ_URL`, `baseURL: this.basePath` where the constructor sets `this.basePath = process.env.KOBOLD_BASE_PATH`).
 */
export function valueText(ctx: TransformContext, path: ASTPath<Node>): string {
  const node = unwrap(path.node as Node);
  const resolved = node.type === 'Identifier' ? constInit(path) : thisField(unwrapPath(path))?.value;
  if (resolved) return ctx.source.slice(resolved.start, resolved.end);
  // An imported constant's URL, as the project index read it (`FileFacts.otherURLs`).
  return (node.type === 'Identifier' && ctx.facts.otherURLs?.[node.name]) || ctx.source.slice(node.start, node.end);
}

/**
 * For `this.name` read in a class: the one value the class gives that field (an initializer or one `this.name = …`)
 * and the other `this.name` reads in the class. Undefined unless exactly one place sets it.
 */
export function thisField(path: ASTPath<Node>): { value: Node; reads: Node[] } | undefined {
  const node = path.node as Node;
  if (node.type !== 'MemberExpression' || node.computed || node.object.type !== 'ThisExpression') return undefined;
  const body = enclosingClass(path);
  if (!body || node.property.type !== 'Identifier') return undefined;
  const index = indexFor(path);
  const values: Node[] = [];
  const reads: Node[] = [];
  for (const id of index.named(node.property.name)) {
    // Only the class's own fields: `this` in a nested class is another object.
    if (id.start < body.start || id.end > body.end || innermostClassBody(index, id) !== body) continue;
    const parent = index.parentOf(id);
    if ((parent?.type === 'ClassProperty' || parent?.type === 'PropertyDefinition') && parent.key === id && !parent.computed) {
      if (parent.value) values.push(parent.value);
    } else if (parent?.type === 'MemberExpression' && parent.property === id && !parent.computed && parent.object.type === 'ThisExpression') {
      const use = index.parentOf(parent);
      if (use?.type === 'AssignmentExpression' && use.left === parent) values.push(use.operator === '=' ? use.right : parent);
      else if (use?.type === 'UpdateExpression') values.push(parent);
      else reads.push(parent);
    }
  }
  return values.length === 1 ? { value: values[0], reads } : undefined;
}

/** The class body a node sits in directly (`this` there is that class's object, not a nested class's). */
export function innermostClassBody(index: FileIndex, node: Node): Node | undefined {
  for (let p = index.parentOf(node); p; p = index.parentOf(p)) if (p.type === 'ClassBody') return p;
  return undefined;
}

/**
 * The text of a base URL the code hands a client at run time (`baseURL: config.baseURL`, a parameter, a call): no
 * string in it and no env read, so it is no vendor's URL and no deployment setting; or a choice between another URL
 * and none. Undefined for any other value.
 */
export function baseURLFromCode(ctx: TransformContext, valuePath: ASTPath<Node>): string | undefined {
  const node = unwrap(valuePath.node as Node);
  if (isUnset(node)) return undefined;
  // A choice whose other branch leaves it unset or names OpenAI (`local ? 'http://localhost:11434/v1' : undefined`):
  // the code picks at run time whether the client talks to OpenAI.
  if (node?.type === 'ConditionalExpression') {
    const branches = ['consequent', 'alternate'].map((k) => unwrapPath(valuePath).get(k));
    if (branches.some((b) => isUnset(unwrap(b.node)) || isOpenAIBaseURL(valueText(ctx, b)))) return ctx.source.slice(node.start, node.end);
  }
  const text = valueText(ctx, valuePath);
  if (/['"`]|\benv\b/.test(text) || envReadAt(valuePath) !== undefined) return undefined;
  // Code that names Azure where it makes the URL (`const { baseURL } = this.getAzureBaseURL(config)`) is Azure's own.
  return /azure/i.test(text) || /azure/i.test(destructuredFrom(ctx, valuePath) ?? '') ? undefined : ctx.source.slice(node.start, node.end);
}

/** `undefined`, `null`, `void 0`: a base URL left unset, so OpenAI's default. */
function isUnset(node: Node): boolean {
  return (node?.type === 'Identifier' && node.name === 'undefined') || node?.type === 'NullLiteral' || (node?.type === 'UnaryExpression' && node.operator === 'void');
}

/** For a name a destructuring declares (`const { baseURL } = make()`), the text of what it is destructured from. */
function destructuredFrom(ctx: TransformContext, path: ASTPath<Node>): string | undefined {
  const declared = unwrap(path.node as Node)?.type === 'Identifier' ? declarationAt(unwrapPath(path)) : undefined;
  const init = declared && destructuringOf(indexFor(path), declared.id)?.declarator.init;
  return init ? ctx.source.slice(init.start, init.end) : undefined;
}

/**
 * The base URL from code (`baseURLFromCode`) an options object literal sets, unless its key is another vendor's
 * (`readsVendorKey`): the client or provider a marker says may still talk to OpenAI.
 */
export function optionsBaseURLFromCode(ctx: TransformContext, object: ASTPath<Node>): string | undefined {
  let found: string | undefined;
  let vendor = false;
  object.get('properties').each((prop: ASTPath<Node>) => {
    const p = prop.node as Node;
    if ((p.type !== 'ObjectProperty' && p.type !== 'Property') || p.computed) return;
    const key = propertyName(p.key);
    if (key === 'baseURL') found = baseURLFromCode(ctx, prop.get('value'));
    if (key === 'apiKey' && readsVendorKey(ctx, prop.get('value'))) vendor = true;
  });
  for (const write of laterWrites(ctx, object)) {
    if (write.sub === undefined && write.key === 'baseURL') found = baseURLFromCode(ctx, write.value);
    if (write.sub === undefined && write.key === 'apiKey' && readsVendorKey(ctx, write.value)) vendor = true;
  }
  return vendor ? undefined : found;
}

/**
 * An API key option that reads another vendor's variable (`apiKey: process.env.GROQ_API_KEY`, or a `const` holding
 * it), or a key the code named after another vendor (`apiKey: sambanovaApiKey`, `keys.openRouterKey`).
 */
export function readsVendorKey(ctx: TransformContext, valuePath: ASTPath<Node>): boolean {
  return readsOtherVendorEnv(valueText(ctx, valuePath)) || keyNames(ctx.index, valuePath.node).some(namesOtherVendor);
}

/** The names a key value reads as the code wrote them (core `keyNamesOf`), a `const` followed through the file's index. */
export function keyNames(index: FileIndex, node: Node): string[] {
  return keyNamesOf(node, unwrap, (id) => constInitOf(index, id));
}

/**
 * `process.env`, `import.meta.env`, `Bun.env`, the env of Node's process module however it is imported (`import
 * process from 'node:process'`, `import { env } from 'process'`, `const { env } = process`), or a same-file `const`
 * holding one (`const env = process.env`).
 */
export function isEnvObject(path: ASTPath<Node>, depth = 0): boolean {
  const node = unwrap(path.node as Node);
  const index = indexFor(path);
  if (node?.type === 'MemberExpression' && !node.computed && node.property.name === 'env' && node.object.type === 'Identifier') {
    const declared = index.resolve(node.object, path);
    if (declared) return processBinding(index, declared) === 'process';
  }
  if (isEnvObjectNode(node)) {
    // `process`, `Bun`: the global (a local of that name was answered above), or `import.meta`.
    return true;
  }
  if (node?.type !== 'Identifier' || depth > 2 || node !== path.node) return false;
  const declared = index.resolve(node, path);
  if (declared && processBinding(index, declared) === 'env') return true;
  const declarator = declaratorOf(path);
  const isConst = declarator && (declarator.parent.node as Node).kind === 'const' && (declarator.node as Node).init;
  return !!isConst && isEnvObject(declarator.get('init'), depth + 1);
}

/**
 * The env variable a path reads: `envRead`'s forms, and a member of any object `isEnvObject` knows by scope (`env.X`
 * with `import { env } from 'node:process'`, an alias of `process.env`).
 */
export function envReadAt(path: ASTPath<Node>): string | undefined {
  const inner = unwrapPath(path);
  const node = inner.node as Node;
  const name = envRead(node);
  if (name !== undefined || node?.type !== 'MemberExpression' || !isEnvObject(inner.get('object'))) return name;
  return node.computed ? literalValue(node.property) : node.property.name;
}

/**
 * Whether a client's options (`path`: its first argument) take its key or base URL from the code (settings,
 * parameters: not an env read or a literal), or come whole from a variable.
 */
export function settingsFromCode(path: ASTPath<Node>): boolean {
  const options = objectLiteral(path);
  if (!options) return path.value != null;
  return ['apiKey', 'baseURL'].some((name) => {
    const property = propertyPath(options, name);
    return property !== undefined && isOwnKey(property.get('value'));
  });
}

/** What a name is bound to from Node's process module (core `processExport`): the process object, its env, or neither. */
function processBinding(index: FileIndex, declared: Declaration): 'process' | 'env' | undefined {
  const parent = index.parentOf(declared.id);
  if (declared.kind === 'import') {
    const statement = parent && index.parentOf(parent);
    if (statement?.type !== 'ImportDeclaration' || statement.importKind === 'type' || parent.importKind === 'type') return undefined;
    const name = parent.type === 'ImportSpecifier' ? propertyName(parent.imported) : parent.type === 'ImportDefaultSpecifier' ? 'default' : '*';
    return processExport(statement.source.value, name);
  }
  if (declared.kind !== 'const') return undefined;
  // `const process = require('node:process')`
  if (parent?.type === 'VariableDeclarator') return processExport(requiredModule(parent.init) ?? '', '*');
  // `const { env } = process` (the global or the module's), `const { env } = require('node:process')`
  if (parent?.type !== 'ObjectProperty' || parent.value !== declared.id || parent.computed || propertyName(parent.key) !== 'env') return undefined;
  const pattern = index.parentOf(parent);
  const declarator = pattern?.type === 'ObjectPattern' ? index.parentOf(pattern) : undefined;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== pattern) return undefined;
  return holdsProcessEnv(index, declarator.init) ? 'env' : undefined;
}

/** Whether `node`'s `env` is the process's environment: `process` (the global or Node's module), `require('node:process')`. */
export function holdsProcessEnv(index: FileIndex, node: Node): boolean {
  const init = unwrap(node);
  if (init?.type === 'Identifier' && init.name === 'process') {
    const owner = index.resolve(init);
    return !owner || processBinding(index, owner) === 'process';
  }
  return processExport(requiredModule(init) ?? '', 'env') !== undefined;
}

/** The module a `require('m')` call loads. */
function requiredModule(node: Node): string | undefined {
  const call = unwrap(node);
  return isRequireCall(call) && call.arguments.length === 1 ? literalValue(call.arguments[0]) : undefined;
}

/**
 * Whether a key value is the code's own (a per-user or configured key): anything but env reads, literals and
 * same-file constants of those, alone or as fallbacks of each other (`process.env.KEY ?? ''`).
 */
export function isOwnKey(path: ASTPath<Node>, depth = 0): boolean {
  const inner = unwrapPath(path);
  const node = inner.node as Node;
  if (node.type === 'LogicalExpression') return isOwnKey(inner.get('left'), depth) || isOwnKey(inner.get('right'), depth);
  if (node.type === 'ConditionalExpression') return isOwnKey(inner.get('consequent'), depth) || isOwnKey(inner.get('alternate'), depth);
  // An env read of any name (through `const env = process.env` too) is a setting of the deployment, not the code's own key.
  if (envRead(node) !== undefined || literalText(node) !== undefined || node.type === 'NullLiteral') return false;
  if (node.type === 'MemberExpression' && isEnvObject(inner.get('object'))) return false;
  if (node.type !== 'Identifier' || depth > 2) return true;
  if (node.name === 'undefined' || destructuredFromEnv(inner)) return false;
  const init = constInit(inner);
  return !init || isOwnKey(declaratorOf(inner)!.get('init'), depth + 1);
}

/** Whether an identifier is a name destructured from the env (`const { OPENAI_API_KEY } = process.env`): an env read. */
function destructuredFromEnv(path: ASTPath<Node>): boolean {
  const declared = declarationAt(path);
  const index = indexFor(path);
  const from = declared && destructuringOf(index, declared.id);
  return !!from?.declarator.init && isEnvObject(index.pathOf(from.declarator).get('init'));
}

/**
 * The marker of a key the migrated client replaces with its Azure auth (`azureKeyEnv`), by where the key came from:
 * an env object other than the process's (a Worker's bindings), or the code (a parameter, a setting). Undefined for a
 * key the process's env or a literal gave.
 */
export function keyOriginMessage(valuePath: ASTPath<Node>, azureKeyEnv: string): string | undefined {
  const handed = handedEnvKey(valuePath);
  if (handed) return handedEnvMessage(handed.object, handed.name);
  return isOwnKey(valuePath) ? ownApiKeyMessage(azureKeyEnv) : undefined;
}

/**
 * The env object a key's value reads an OpenAI variable from (`env.OPENAI_API_KEY`, `c.env['OPENAI_API_KEY']`, through
 * casts and fallbacks), when that object is not the process's env (`isEnvObject`): a Worker's bindings, Hono's `c.env`.
 */
export function handedEnvKey(valuePath: ASTPath<Node>): { object: string; name: string } | undefined {
  const inner = unwrapPath(valuePath);
  const n = inner.node as Node;
  if (n?.type === 'LogicalExpression') return handedEnvKey(inner.get('left')) ?? handedEnvKey(inner.get('right'));
  if (n?.type !== 'MemberExpression' && n?.type !== 'OptionalMemberExpression') return undefined;
  const name = n.computed ? literalValue(n.property) : n.property.name;
  // `process.env` by name (`import process from 'node:process'` included), or an alias isEnvObject follows.
  if (name === undefined || !isOpenAIEnvName(name) || envRead(n) !== undefined || isEnvObject(inner.get('object'))) return undefined;
  return { object: dottedName(n.object) ?? 'its env object', name };
}

/** `env`, `c.env`, `this.env`: how an object is named, when it is a plain name or a chain of them. */
function dottedName(node: Node): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'ThisExpression') return 'this';
  if ((node?.type !== 'MemberExpression' && node?.type !== 'OptionalMemberExpression') || node.computed) return undefined;
  const object = dottedName(node.object);
  return object && `${object}.${node.property.name}`;
}

/** The initializer of the `const` an identifier path refers to, when declared in this file. */
export function constInit(path: ASTPath<Node>): Node | undefined {
  const declarator = declaratorOf(path);
  return declarator && declarator.parent.node.kind === 'const' ? declarator.node.init ?? undefined : undefined;
}

/** The initializer of the same-file `const` an identifier node names, through the file index's scopes (no path needed). */
export function constInitOf(index: FileIndex, id: Node): Node | undefined {
  const declared = id?.type === 'Identifier' ? index.resolve(id) : undefined;
  const declarator = declared?.kind === 'const' ? index.parentOf(declared.id) : undefined;
  return declarator?.type === 'VariableDeclarator' && declarator.id === declared!.id ? (declarator.init ?? undefined) : undefined;
}

/** The variable declarator (path) that declares the identifier at `path`, found through scopes. */
export function declaratorOf(path: ASTPath<Node>): ASTPath<Node> | undefined {
  const declared = declarationAt(path);
  if (!declared) return undefined;
  const index = indexFor(path);
  const parent = index.parentOf(declared.id);
  return parent?.type === 'VariableDeclarator' && parent.id === declared.id ? index.pathOf(parent) : undefined;
}

/**
 * Classify a client by its options: a `baseURL` elsewhere, or Azure's own headers/query, means not ours. An `other`
 * client whose base URL the code hands it (and whose key is no other vendor's) says so: it gets a marker.
 */
function kindOfOptions(ctx: TransformContext, argPath: ASTPath<Node> | undefined): { kind: ClientKind; baseURLFromCode?: string } {
  // The options picked whole from such a table (`new OpenAI(PROVIDERS[provider])`), as a spread of them would be.
  const whole = argPath && tableLookup(argPath);
  if (whole && pointsElsewhereByCase(ctx, whole)) return { kind: 'other', baseURLFromCode: sourceText(ctx, whole) };
  const object = argPath && optionsObject(argPath);
  if (!object) return { kind: 'openai' };
  let kind = 'openai' as ClientKind;
  const setting = (key: string, valuePath: ASTPath<Node>): void => {
    // Another vendor's key: its client, wherever the base URL comes from (a spread, OPENAI_BASE_URL in the environment).
    if (key === 'apiKey' && kind === 'openai' && readsVendorKey(ctx, valuePath)) kind = 'other';
    if (OTHER_CLOUD_OPTIONS.includes(key)) kind = 'other';
    if (key === 'baseURL' || key === 'endpoint') {
      const text = valueText(ctx, valuePath);
      if (isOpenAIBaseURL(text)) return;
      kind = kind === 'openai' ? (isAzureURL(text) || key === 'endpoint' ? 'azure' : 'other') : kind;
    }
    const value = unwrap(valuePath.node as Node);
    if (Object.hasOwn(AZURE_REQUEST_OPTIONS, key) && value?.type === 'ObjectExpression') {
      const azureKey = AZURE_REQUEST_OPTIONS[key]!;
      if (value.properties.some((h: Node) => propertyName(h.key)?.toLowerCase() === azureKey) && kind === 'openai') kind = 'azure';
    }
  };
  let table: string | undefined;
  object.get('properties').each((prop: ASTPath<Node>) => {
    const p = prop.node as Node;
    const lookup = p.type === 'SpreadElement' && kind === 'openai' ? tableLookup(prop.get('argument')) : undefined;
    if (lookup && pointsElsewhereByCase(ctx, lookup)) {
      kind = 'other';
      table = sourceText(ctx, lookup);
    }
    const key = p.type === 'ObjectProperty' || p.type === 'Property' ? propertyName(p.key) : undefined;
    if (key) setting(key, prop.get('value'));
    // `...groqOptions` with `const groqOptions = { baseURL, apiKey }` in this file: its settings, as if written here.
    const spread = p.type === 'SpreadElement' ? spreadConstant(prop.get('argument')) : undefined;
    spread?.get('properties').each((inner: ASTPath<Node>) => {
      const q = inner.node as Node;
      const innerKey = q.type === 'ObjectProperty' || q.type === 'Property' ? propertyName(q.key) : undefined;
      if (innerKey) setting(innerKey, inner.get('value'));
    });
  });
  // Set after the literal was made (`options.baseURL = 'https://api.groq.com/openai/v1'`): the client's all the same.
  for (const write of laterWrites(ctx, object)) if (write.sub === undefined) setting(write.key, write.value);
  return { kind, baseURLFromCode: kind === 'other' ? (table ?? optionsBaseURLFromCode(ctx, object)) : undefined };
}

/** The object literal a same-file `const` holds, spread into options by name. */
function spreadConstant(argument: ASTPath<Node>): ASTPath<Node> | undefined {
  const id = unwrapPath(argument);
  if ((id.node as Node).type !== 'Identifier' || unwrap(constInit(id))?.type !== 'ObjectExpression') return undefined;
  return unwrapPath(declaratorOf(id)!.get('init'));
}

const sourceText = (ctx: TransformContext, path: ASTPath<Node>): string => ctx.source.slice((path.node as Node).start, (path.node as Node).end);

/**
 * What options spread or handed whole read: the expression, or the lookup a same-file `const` holds (`const config =
 * PROVIDERS[provider]`).
 */
function tableLookup(spread: ASTPath<Node>): ASTPath<Node> {
  const argument = unwrapPath(spread);
  if ((argument.node as Node).type !== 'Identifier') return argument;
  const init = constInit(argument);
  const declarator = init && declaratorOf(argument);
  return declarator && unwrap(init)?.type === 'MemberExpression' ? unwrapPath(declarator.get('init')) : argument;
}

/**
 * Whether a spread picks its options from a same-file table by case (`...PROVIDERS[provider]`) where some entry sets
 * another base URL (`groq: { baseURL: 'https://api.groq.com/openai/v1' }`): the client serves those vendors too.
 */
function pointsElsewhereByCase(ctx: TransformContext, lookup: ASTPath<Node>): boolean {
  if ((lookup.node as Node).type !== 'MemberExpression' || unwrap((lookup.node as Node).object)?.type !== 'Identifier') return false;
  const declarator = declaratorOf(unwrapPath(lookup.get('object')));
  if (!declarator) return false;
  const init = unwrapPath(declarator.get('init'));
  if ((init.node as Node)?.type !== 'ObjectExpression') return false;
  return ((init.node as Node).properties as Node[]).some((entry, i) => {
    if (entry.type !== 'ObjectProperty' || unwrap(entry.value)?.type !== 'ObjectExpression') return false;
    const value = unwrapPath(init.get('properties', i, 'value'));
    return ((value.node as Node).properties as Node[]).some(
      (p, j) => p.type === 'ObjectProperty' && !p.computed && ['baseURL', 'endpoint'].includes(propertyName(p.key) ?? '') && !isOpenAIBaseURL(valueText(ctx, value.get('properties', j, 'value'))),
    );
  });
}

/** The object literal a client's options are (inline or a same-file declaration). */
export function optionsObject(argPath: ASTPath<Node>): ASTPath<Node> | undefined {
  let path = unwrapPath(argPath);
  if ((path.node as Node).type === 'Identifier') {
    const declarator = declaratorOf(path);
    if (!declarator || (declarator.node as Node).init?.type !== 'ObjectExpression') return undefined;
    path = declarator.get('init');
  }
  return (path.node as Node).type === 'ObjectExpression' ? path : undefined;
}

/**
 * The object literal of a same-file `const` (not exported) whose one use is this argument (`const options = {…};
 * new OpenAI(options)`): the client's options as much as an inline literal, so they are migrated where written.
 */
export function ownedOptionsLiteral(ctx: TransformContext, argPath: ASTPath<Node>): ASTPath<Node> | undefined {
  const id = unwrapPath(argPath).node as Node;
  if (id.type !== 'Identifier') return undefined;
  const declared = ctx.index.resolve(id);
  const declarator = declared && ctx.index.parentOf(declared.id);
  if (declared?.kind !== 'const' || declarator?.type !== 'VariableDeclarator' || declarator.id !== declared.id) return undefined;
  if (ctx.index.parentOf(ctx.index.parentOf(declarator))?.type === 'ExportNamedDeclaration') return undefined;
  const uses = ctx.index.usesOf(declared);
  return uses.length === 1 && uses[0] === id ? optionsObject(argPath) : undefined;
}

/** The class body enclosing a path (for `this.x` members). */
export function enclosingClass(path: ASTPath<Node>): Node | undefined {
  for (let p: ASTPath<Node> | null = path.parent; p; p = p.parent) {
    if (p.node.type === 'ClassBody') return p.node;
  }
  return undefined;
}

function isClientType(sdk: ModuleBinding[], typeAnnotationPath: ASTPath<Node> | undefined): boolean {
  const annotation = (typeAnnotationPath?.node as Node)?.typeAnnotation;
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return false;
  const namePath = typeAnnotationPath!.get('typeAnnotation', 'typeName');
  const binding = resolveBinding(namePath, sdk);
  return !!binding && (OPENAI_CLIENT_EXPORTS.includes(binding.imported) || binding.style === 'cjs-whole' || binding.style === 'ts-import-equals');
}

/**
 * `vi.mock('openai', () => …)` and the like (MODULE_MOCKS) with a factory: the calls replacing package `pkg` (the SDK
 * by default) in this file.
 */
export function moduleMocks(ctx: TransformContext, pkg = OPENAI_SDK): ASTPath<Node>[] {
  if (!ctx.source.includes('ock')) return [];
  return ctx.index.find('CallExpression', (n) => {
    const callee = n.callee;
    return (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      isModuleMock(callee.object.name, memberName(callee)) &&
      n.arguments.length >= 2 &&
      isSpecifierOf(literalValue(n.arguments[0]) ?? '', pkg)
    );
  });
}

/**
 * Whether a mock's factory provides `name`: its object (returned by an arrow or a `return`) has that key or a spread
 * (`...actual`, the real module's exports). A factory of any other shape may not.
 */
export function mockProvides(mock: ASTPath<Node>, name: string): boolean {
  const factory = unwrap((mock.node as Node).arguments[1]);
  if (!FUNCTIONS.has(factory?.type)) return false;
  const body = unwrap(factory.body);
  const returned = body?.type === 'BlockStatement' ? body.body.filter((s: Node) => s.type === 'ReturnStatement').map((s: Node) => unwrap(s.argument)) : [body];
  return returned.length > 0 && returned.every((o: Node) => o?.type === 'ObjectExpression' && o.properties.some((p: Node) => p.type === 'SpreadElement' || propertyName(p.key) === name));
}

export function fileClients(ctx: TransformContext, reach: Reach = 'direct'): FileClients {
  const key = `${KEY}:${reach}`;
  const cached = ctx.shared.get(key) as FileClients | undefined;
  if (cached) return cached;
  // Every binding of the SDK, and an inline `new (require('openai').OpenAI)()`, names it in quotes: a file that
  // never does has no client of its own, and is not walked.
  const names = quotesPackage(ctx.source, OPENAI_SDK);
  const { j, root } = ctx;
  const sdk = names ? moduleBindings(j, root, OPENAI_SDK, { callbacks: true }) : [];
  const onClientSide = reach === 'direct' && clientSide(ctx) !== undefined;
  const result: FileClients = { reach, sdk, constructions: [], ids: new Set(), members: new Map(), factories: new Set(), wrappers: new Map(), clientSide: onClientSide, mocks: [], shared: new Set() };
  ctx.shared.set(key, result);
  if (!names) return result;
  const { index } = ctx;
  for (const pkg of CLIENT_WRAPPER_PACKAGES) {
    if (!quotesPackage(ctx.source, pkg)) continue;
    for (const binding of moduleBindings(j, root, pkg)) {
      const wrapper = binding.typeOnly ? undefined : clientWrapper(pkg, binding.imported);
      if (wrapper) result.wrappers.set(binding.id, wrapper);
    }
  }

  result.mocks = moduleMocks(ctx);
  const stood = (kind: ClientKind): ClientKind => (kind !== 'openai' ? kind : result.mocks.length > 0 ? 'mock' : onClientSide ? 'client-side' : kind);
  index.find('NewExpression', (n) => mayNameClass(sdk, n.callee)).forEach((path) => {
    const found = classOf(sdk, path.get('callee'));
    if (!found) return;
    const { kind, baseURLFromCode } =
      found.cls === 'azure' ? { kind: 'azure' as const } : kindOfOptions(ctx, path.get('arguments', 0).value ? path.get('arguments', 0) : undefined);
    result.constructions.push({ path, kind: stood(kind), callee: found.callee, baseURLFromCode, ...(found.cls === 'azure' && { azureClass: true as const }) });
  });
  if (result.constructions.some((c) => c.kind === 'azure')) {
    for (const c of result.constructions) if (c.kind === 'openai' && settingsFromCode(c.path.get('arguments', 0))) c.kind = 'beside-azure';
  }
  if (onClientSide) return result;
  const direct = new Set(result.constructions.filter((c) => tracks(result, c)).map((c) => c.path.node));
  const addMember = (path: ASTPath<Node>, name: string | undefined, members = result.members): void => {
    const cls = enclosingClass(path);
    if (!cls || !name) return;
    const set = members.get(cls) ?? new Set<string>();
    set.add(name);
    members.set(cls, set);
  };
  // Bindings the file gives another vendor's (or an Azure) client: typed `OpenAI` all the same, as those clients are
  // OpenAI instances, so for them the type is no evidence (the project index's linker agrees: all values must).
  const others = { ids: new Set<Node>(), members: new Map<Node, Set<string>>() };
  for (const c of result.constructions) {
    if (tracks(result, c)) continue;
    const receiver = receiverOf(c.path);
    if (receiver?.kind === 'id') others.ids.add(receiver.id);
    else if (receiver) addMember(receiver.path, receiver.name, others.members);
  }
  const typedClient = (typeAnnotation: ASTPath<Node>, id: Node): boolean => !others.ids.has(id) && isClientType(sdk, typeAnnotation);
  const holdsClient = (wrapped: ASTPath<Node>): boolean => {
    // Walk the unwrapped path with its node: `(a || b) as T` recurses into `a` and `b`, not into the cast again.
    const valuePath = unwrapPath(wrapped);
    const node = valuePath.node as Node;
    if (!node) return false;
    if (direct.has(node)) return true;
    if (node.type === 'AwaitExpression') return holdsClient(valuePath.get('argument'));
    if (node.type === 'CallExpression') {
      // `client.withOptions({ timeout })`: a clone on the same resource (one given a base URL of its own is not).
      const callee = unwrapPath(valuePath.get('callee'));
      if (memberName(callee.node) === 'withOptions' && !setsBaseURL(node.arguments[0])) return holdsClient(callee.get('object'));
      const wrapped = wrappedClient(result, valuePath);
      if (wrapped) return holdsClient(wrapped);
      return isFactoryCall(result, valuePath) || handedToCall(valuePath).some(holdsClient);
    }
    if (node.type === 'LogicalExpression' || node.type === 'ConditionalExpression') {
      return ['left', 'right', 'consequent', 'alternate'].some((k) => node[k] && holdsClient(valuePath.get(k)));
    }
    // A lazy factory's `return (client ??= new OpenAI())`, `(client = client ?? new OpenAI())`: the value assigned.
    if (node.type === 'AssignmentExpression') return holdsClient(valuePath.get('right'));
    // `const client = this.client`: a member of the class that holds a client.
    if (node.type === 'MemberExpression' && unwrap(node.object)?.type === 'ThisExpression') {
      const cls = enclosingClass(valuePath);
      const name = memberName(node);
      return !!cls && !!name && (result.members.get(cls)?.has(name) ?? false);
    }
    return node.type === 'Identifier' && isClientIdentifier(ctx, result, valuePath);
  };

  // Return statements by the function they return from, read once from the index.
  const returns = new Map<Node, Node[]>();
  for (const r of index.nodes('ReturnStatement')) {
    if (!r.argument || !mayHold(r.argument)) continue;
    const fn = enclosingFunctionNode(index, r);
    if (fn) returns.set(fn, [...(returns.get(fn) ?? []), r]);
  }
  /** A function whose body returns a client on some path (`return new OpenAI()`, `return client`, `() => new OpenAI()`). */
  const returnsClient = (fn: ASTPath<Node>): boolean => {
    if ((fn.node as Node).body.type !== 'BlockStatement') return holdsClient(fn.get('body'));
    return (returns.get(fn.node) ?? []).some((r) => holdsClient(index.pathOf(r).get('argument')));
  };
  const size = (): number => result.ids.size + result.factories.size + [...result.members.values()].reduce((n, m) => n + m.size, 0);
  // Repeat until nothing new turns up: `this.client = client` needs the parameter typed `OpenAI`, `const c = getClient()`
  // the factory, and a memoised factory (`client ??= new OpenAI(); return client`) the variable it fills.
  const fieldTest = (n: Node): boolean => (n.value && mayHold(n.value)) || !!n.typeAnnotation;
  const classFields = (): void => index.find('ClassProperty', fieldTest).forEach((path) => addClassField(path)); // private fields included
  for (let before = -1; before !== size(); ) {
    before = size();
    classFields();
    index.find('FunctionDeclaration', (n) => n.id && returns.has(n)).forEach((path) => {
      const id = (path.node as Node).id;
      if (id && returnsClient(path)) result.factories.add(id);
    });
    const declaratorTest = (n: Node): boolean =>
      n.id.type === 'Identifier' && ((n.init && (mayHold(n.init) || FUNCTIONS.has(unwrap(n.init).type))) || !!n.id.typeAnnotation);
    index.find('VariableDeclarator', declaratorTest).forEach((path) => {
      const id = (path.node as Node).id;
      if (id.type !== 'Identifier') return;
      const init = unwrap((path.node as Node).init);
      if (init && FUNCTIONS.has(init.type) && returnsClient(unwrapPath(path.get('init')))) result.factories.add(id);
      else if (init && holdsClient(path.get('init'))) result.ids.add(id);
      else if (typedClient(path.get('id', 'typeAnnotation'), id)) result.ids.add(id);
    });
    index.find('AssignmentExpression', (n) => mayHold(n.right)).forEach((path) => {
      if (!holdsClient(path.get('right'))) return;
      const left = unwrap((path.node as Node).left);
      if (left.type === 'Identifier') {
        const decl = declarationAt(unwrapPath(path.get('left')));
        if (decl) result.ids.add(decl.id);
      } else if (unwrap(left.object)?.type === 'ThisExpression') {
        addMember(path, memberName(left));
      }
    });
    parameterIds(index).forEach((path) => {
      // A parameter (`client: OpenAI`, `client = new OpenAI()`, `private client: OpenAI`): look past a default value.
      const withDefault = path.parent?.node.type === 'AssignmentPattern' && path.parent.node.left === path.node;
      const holder = withDefault ? path.parent.parent : path.parent;
      const owner = holder?.node as Node;
      const isParam = owner && PARAM_OWNERS.has(owner.type) && owner.key !== path.node && owner.id !== path.node;
      if (!isParam) return;
      const typed = typedClient(path.get('typeAnnotation'), path.node);
      if (!typed && !(withDefault && holdsClient(path.parent.get('right')))) return;
      result.ids.add(path.node);
      if (owner.type === 'TSParameterProperty') addMember(path, (path.node as Node).name);
    });
  }
  // Bindings and factories whose values include another service's construction (not an Azure one) as well as a
  // client of this reach.
  const vendors = result.constructions.filter((c) => c.kind === 'other');
  const otherNodes = new Set(vendors.map((c) => c.path.node));
  const vendorIds = new Set(vendors.map((c) => receiverOf(c.path)).flatMap((r) => (r?.kind === 'id' ? [r.id] : [])));
  const holdsOther = (node: Node): boolean => {
    const n = unwrap(node);
    if (!n) return false;
    if (otherNodes.has(n)) return true;
    if (n.type === 'AwaitExpression') return holdsOther(n.argument);
    if (n.type === 'LogicalExpression') return holdsOther(n.left) || holdsOther(n.right);
    if (n.type === 'ConditionalExpression') return holdsOther(n.consequent) || holdsOther(n.alternate);
    if (n.type === 'AssignmentExpression') return holdsOther(n.right);
    const declared = n.type === 'Identifier' ? index.resolve(n) : undefined;
    return !!declared && vendorIds.has(declared.id);
  };
  for (const id of result.ids) if (vendorIds.has(id)) result.shared.add(id);
  for (const id of result.factories) {
    const holder = index.parentOf(id);
    const fn = holder?.type === 'VariableDeclarator' ? unwrap(holder.init) : holder;
    if (!fn || !FUNCTIONS.has(fn.type)) continue;
    const returned = fn.body.type === 'BlockStatement' ? (returns.get(fn) ?? []).map((r) => r.argument) : [fn.body];
    if (returned.some(holdsOther)) result.shared.add(id);
  }
  function addClassField(path: ASTPath<Node>): void {
    const node = path.node as Node;
    const name = propertyName(node.key);
    const cls = enclosingClass(path);
    const other = !!name && !!cls && (others.members.get(cls)?.has(name) ?? false);
    if ((node.value && holdsClient(path.get('value'))) || (!other && isClientType(sdk, path.get('typeAnnotation')))) addMember(path, name);
  }
  return result;
}

/** Expressions a constructed value passes through unchanged on its way to a binding (`a ?? new X()`, `await`, casts). */
const PASS_THROUGH = new Set([...WRAPPERS, 'LogicalExpression', 'ConditionalExpression', 'AwaitExpression']);

/**
 * The binding a constructed value is given to: a variable or parameter (its declaring identifier) for `const c = …`,
 * `c = …` and a parameter default, a member of the enclosing class for `this.c = …` and a field initializer.
 */
function receiverOf(construction: ASTPath<Node>): { kind: 'id'; id: Node } | { kind: 'member'; path: ASTPath<Node>; name: string | undefined } | undefined {
  let path = construction;
  while (path.parent && PASS_THROUGH.has((path.parent.node as Node).type) && (path.parent.node as Node).test !== path.node) path = path.parent;
  const parent = path.parent?.node as Node | undefined;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === path.node) return parent.id.type === 'Identifier' ? { kind: 'id', id: parent.id } : undefined;
  if (parent.type === 'AssignmentPattern' && parent.right === path.node) return parent.left.type === 'Identifier' ? { kind: 'id', id: parent.left } : undefined;
  if ((parent.type === 'ClassProperty' || parent.type === 'ClassPrivateProperty') && parent.value === path.node) {
    return { kind: 'member', path: path.parent, name: propertyName(parent.key) };
  }
  if (parent.type !== 'AssignmentExpression' || parent.right !== path.node) return undefined;
  const leftPath = unwrapPath(path.parent.get('left'));
  const left = leftPath.node as Node;
  if (left.type === 'Identifier') {
    const declared = declarationAt(leftPath);
    return declared && { kind: 'id', id: declared.id };
  }
  return unwrap(left.object)?.type === 'ThisExpression' ? { kind: 'member', path: path.parent, name: memberName(left) } : undefined;
}

/** The function a node sits in (its nearest enclosing function node). */
function enclosingFunctionNode(index: FileIndex, node: Node): Node | undefined {
  for (let n = index.parentOf(node); n; n = index.parentOf(n)) {
    if (FUNCTIONS.has(n.type) || n.type === 'ClassMethod' || n.type === 'ObjectMethod') return n;
  }
  return undefined;
}

/** Whether options (a literal) set a base URL of their own. */
function setsBaseURL(options: Node): boolean {
  const object = unwrap(options);
  return object?.type !== 'ObjectExpression' || object.properties.some((p: Node) => p.type === 'SpreadElement' || propertyName(p.key) === 'baseURL');
}

/**
 * Whether a value could hold a client, on the plain node: what `holdsClient` may accept (a construction, an
 * identifier, a call, an await, an assignment, a logical or conditional over those). Only such values get a NodePath.
 */
function mayHold(node: Node): boolean {
  const n = unwrap(node);
  if (!n) return false;
  switch (n.type) {
    case 'NewExpression':
    case 'Identifier':
    case 'CallExpression':
      return true;
    case 'MemberExpression':
      return unwrap(n.object)?.type === 'ThisExpression';
    case 'AwaitExpression':
      return mayHold(n.argument);
    case 'AssignmentExpression':
      return mayHold(n.right);
    case 'LogicalExpression':
      return mayHold(n.left) || mayHold(n.right);
    case 'ConditionalExpression':
      return mayHold(n.consequent) || mayHold(n.alternate);
    default:
      return false;
  }
}

/** Whether a constructor callee may name an `openai` class (a binding of the SDK, a member, an inline require). */
function mayNameClass(sdk: readonly ModuleBinding[], callee: Node): boolean {
  const n = unwrap(callee);
  if (n?.type === 'Identifier') return sdk.some((b) => b.local === n.name);
  return n?.type === 'MemberExpression' || n?.type === 'OptionalMemberExpression' || n?.type === 'CallExpression';
}

/** Identifier paths of parameters (`p`, `p = v`, `private p`), as children of the function or parameter property. */
function parameterIds(index: FileIndex): ASTPath<Node>[] {
  const ids: Node[] = [];
  const add = (param: Node): void => {
    if (param?.type === 'Identifier') ids.push(param);
    else if (param?.type === 'AssignmentPattern' && param.left.type === 'Identifier') ids.push(param.left);
  };
  for (const type of PARAM_OWNERS) {
    for (const owner of index.nodes(type)) {
      if (type === 'TSParameterProperty') add(owner.parameter);
      else for (const param of owner.params ?? []) add(param);
    }
  }
  // Only typed or defaulted parameters can be known clients.
  return ids
    .filter((id) => id.typeAnnotation || index.parentOf(id)?.type === 'AssignmentPattern')
    .sort((a, b) => a.start - b.start)
    .map((id) => index.pathOf(id));
}

/** `getClient()` where `getClient` is an in-file client factory. */
function isFactoryCall(clients: FileClients, path: ASTPath<Node>): boolean {
  const callee = (path.node as Node).callee;
  if (callee?.type !== 'Identifier') return false;
  const declared = declarationAt(path.get('callee'));
  return !!declared && clients.factories.has(declared.id);
}

/**
 * What a call core does not know as a wrapper is handed (`withMemory(client, options)`, `traced(client)`,
 * `structured({ client, mode })`): the client itself as its first argument, or as a property of an object literal
 * there. Given the client, what it returns is taken for the client where it is used as one, its deployment calls'
 * models being deployments all the same (a proxy that adds memory, tracing or structured output). None for a method
 * call or a spread.
 */
function handedToCall(call: ASTPath<Node>): ASTPath<Node>[] {
  const node = call.node as Node;
  const first = node.arguments[0];
  if (node.callee?.type !== 'Identifier' || !first || first.type === 'SpreadElement') return [];
  const argument = unwrapPath(call.get('arguments', 0));
  const options = argument.node as Node;
  if (options.type !== 'ObjectExpression') return [argument];
  return options.properties.flatMap((p: Node, i: number) =>
    (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && p.value ? [unwrapPath(argument.get('properties', i, 'value'))] : [],
  );
}

/**
 * The client a wrapper call is handed (`wrapOpenAI(client)`, `Instructor({ client })`): what the call returns is that
 * client, wrapped. Undefined for any other call, or a wrapper call without its client.
 */
function wrappedClient(clients: FileClients, call: ASTPath<Node>): ASTPath<Node> | undefined {
  const node = call.node as Node;
  if (clients.wrappers.size === 0 || node.callee?.type !== 'Identifier' || !node.arguments[0]) return undefined;
  const declared = declarationAt(call.get('callee'));
  const wrapper = declared && clients.wrappers.get(declared.id);
  if (!wrapper) return undefined;
  const argument = unwrapPath(call.get('arguments', 0));
  if (!wrapper.property) return argument;
  const options = argument.node as Node;
  if (options.type !== 'ObjectExpression') return undefined;
  const at = options.properties.findIndex(
    (p: Node) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && propertyName(p.key) === wrapper.property,
  );
  return at === -1 ? undefined : argument.get('properties', at, 'value');
}

/** Whether an identifier path refers to a client variable of the reach `clients` tracks (or one the project index names). */
export function isClientIdentifier(ctx: TransformContext, clients: FileClients, path: ASTPath<Node>): boolean {
  if (clients.clientSide) return false;
  const name = (path.node as Node).name as string;
  const declared = declarationAt(path);
  if (declared && clients.ids.has(declared.id)) return true;
  if (!ctx.facts.clientBindings.includes(name)) return false;
  return !declared || !declared.scope.parent;
}

/** Whether a construction makes a client of the reach `clients` tracks. */
function tracks(clients: FileClients, construction: Construction): boolean {
  return clients.reach === 'any' || construction.kind === 'openai';
}

/** Whether the expression at `path` is a client of this file (a direct-OpenAI one unless `clients` says otherwise). */
export function isClientExpression(ctx: TransformContext, path: ASTPath<Node>, clients = fileClients(ctx)): boolean {
  const inner = unwrapPath(path);
  const node = inner.node as Node;
  if (node.type === 'NewExpression') return clients.constructions.some((c) => c.path.node === node && tracks(clients, c));
  if (node.type === 'Identifier') return isClientIdentifier(ctx, clients, inner);
  if (node.type === 'CallExpression') {
    const wrapped = wrappedClient(clients, inner);
    if (wrapped) return isClientExpression(ctx, wrapped, clients);
    return isFactoryCall(clients, inner) || handedToCall(inner).some((handed) => isClientExpression(ctx, handed, clients));
  }
  if (node.type === 'AwaitExpression') return isClientExpression(ctx, inner.get('argument'), clients);
  if (node.type === 'MemberExpression' && unwrap(node.object)?.type === 'ThisExpression' && !clients.clientSide) {
    const cls = enclosingClass(inner);
    const name = memberName(node);
    // The project index names fields holding a client obtained elsewhere (`this.client` typed `OpenAI`) as `this.x`.
    return !!name && ((!!cls && (clients.members.get(cls)?.has(name) ?? false)) || ctx.facts.clientBindings.includes(`this.${name}`));
  }
  return false;
}
