import type { ASTPath } from 'jscodeshift';
import {
  AZURE_PACKAGES,
  CHILD_ENV_OPTION,
  DIRECT_OPENAI_WRAPPERS,
  FALLBACK_EXPRESSIONS,
  GLOBAL_OBJECTS,
  LEGACY_CLIENTS,
  OPENAI_SDK,
  REQUEST_GLOBALS,
  REQUEST_PACKAGES,
  isAzureURL,
  packageName,
  unmigratedPackage,
} from '../../src/core/index.js';
import { constInitOf, isEnvObject, unwrap } from './clients.js';
import { isRequireOf, memberName, moduleBindings, propertyName, referencesOf, resolveBinding, type ModuleBinding } from './imports.js';
import { extendedClientOf } from './client-subclasses.js';
import { localFunction } from './local-functions.js';
import type { FileIndex } from './file-index.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/**
 * Packages whose client constructors and factories own their arguments: each is migrated (or marked) as a whole. The
 * Azure packages a migration moves code to are among them, so a second run sees the same owners as the first.
 */
const CLIENT_PACKAGES = [...new Set([OPENAI_SDK, ...Object.keys(LEGACY_CLIENTS), ...Object.keys(DIRECT_OPENAI_WRAPPERS), ...AZURE_PACKAGES])];

const KEY = 'openai-to-azure:client-argument-owners';

/** The binding a callee (`X`, `ns.X`) resolves to among `bindings`. */
function calleeBinding(calleePath: ASTPath<Node>, bindings: readonly ModuleBinding[]): ModuleBinding | undefined {
  let path = calleePath;
  while (unwrap(path.node) !== path.node) path = path.get('expression');
  const node = path.node as Node;
  if (node.type === 'MemberExpression') return calleeBinding(path.get('object'), bindings);
  return node.type === 'Identifier' ? resolveBinding(path, bindings) : undefined;
}

/** Calls and constructions of an OpenAI-ecosystem package's export in this file (`new OpenAI(…)`, `createOpenAI(…)`). */
function owners(ctx: TransformContext): Set<Node> {
  const cached = ctx.shared.get(KEY) as Set<Node> | undefined;
  if (cached) return cached;
  const { j, root } = ctx;
  const bindings = CLIENT_PACKAGES.flatMap((source) => moduleBindings(j, root, source)).filter((b) => !b.typeOnly);
  const found = new Set<Node>();
  if (bindings.length > 0) {
    const locals = new Set(bindings.map((b) => b.local));
    // The callee's root identifier must be one of the bindings' names before a path is made.
    const named = (n: Node): boolean => {
      let callee = unwrap(n.callee);
      while (callee?.type === 'MemberExpression') callee = unwrap(callee.object);
      return callee?.type === 'Identifier' && locals.has(callee.name);
    };
    for (const type of ['NewExpression', 'CallExpression']) {
      ctx.index.find(type, named).forEach((path) => {
        if (calleeBinding(path.get('callee'), bindings)) found.add(path.node);
      });
    }
  }
  ctx.shared.set(KEY, found);
  return found;
}

/**
 * Whether `path` sits in the arguments of an OpenAI-ecosystem client construction or factory call: those options
 * belong to the transform (or marker) for that client, which knows what each one becomes.
 */
export function insideClientArguments(ctx: TransformContext, path: ASTPath<Node>, owner: (call: Node) => boolean = () => true): boolean {
  const set = owners(ctx);
  if (set.size === 0) return false;
  for (let p: ASTPath<Node> | null = path; p?.parent; p = p.parent) {
    // An argument's own path is an index whose parent path is the `arguments` array.
    if (set.has(p.parent.node) && (p as Node).parentPath?.name === 'arguments') return owner(p.parent.node);
  }
  return false;
}

/**
 * Whether the value at `path` is one of an OpenAI-ecosystem client's options: in its arguments
 * (`insideClientArguments`), or in a same-file variable or class field handed to it, in its literal or written into it
 * later (`const options = { baseURL: … }`, `options.baseURL = …`; then `new OpenAI(options)`), picked from a table of
 * them (`...PROVIDERS[provider]`), or returned by a function that is (`reachesArguments`). `owner`: only clients it
 * accepts count.
 */
export function handedToClient(ctx: TransformContext, path: ASTPath<Node>, owner: (call: Node) => boolean = () => true): boolean {
  const set = owners(ctx);
  if (set.size === 0) return false;
  if (insideClientArguments(ctx, path, owner)) return true;
  return holderReads(ctx, path).some((read) => reachesArguments(ctx, set, read, owner));
}

/**
 * Where the value at `path` is read through what holds it: the uses of its variable (`optionsVariable`), or the
 * `this.x` reads of the class field it initialises (`base = 'https://api.openai.com/v1'`, handed on as `baseURL:
 * this.base`).
 */
function holderReads(ctx: TransformContext, path: ASTPath<Node>): Node[] {
  const id = optionsVariable(path);
  const declared = id && ctx.index.resolve(id);
  if (declared) return ctx.index.usesOf(declared);
  const field = path.parent?.node as Node;
  if (field?.type !== 'ClassProperty' || field.value !== path.node || field.computed || field.key.type !== 'Identifier') return [];
  return ctx.index.named(field.key.name).flatMap((name: Node) => {
    const member = ctx.index.parentOf(name);
    return member?.type === 'MemberExpression' && member.property === name && !member.computed && member.object.type === 'ThisExpression' ? [member] : [];
  });
}

/**
 * Whether a read reaches a client's arguments: through casts (`options as ClientOptions`), table lookups
 * (`PROVIDERS[provider]`), constants that hold them, spreads (`{ ...options, endpoint }`, as a migrated client has
 * it), fallbacks and an options literal's values (`const baseURL = … ?? 'https://api.openai.com/v1'; new OpenAI({
 * baseURL })`) to the call or construction it is an argument of; or returned by a function whose calls do (`baseURL: pickBase(cfg)`, where
 * `pickBase` returns `cfg.baseUrl ?? DEFAULT_BASE`), one function deep.
 */
function reachesArguments(ctx: TransformContext, set: Set<Node>, read: Node, owner: (call: Node) => boolean, depth = 0): boolean {
  let argument = read;
  let up = ctx.index.parentOf(read);
  const passes = (node: Node, child: Node): boolean =>
    (unwrap(node) !== node && node.expression === child) ||
    (node.type === 'MemberExpression' && node.object === child) ||
    node.type === 'SpreadElement' ||
    node.type === 'LogicalExpression' ||
    (node.type === 'ConditionalExpression' && node.test !== child) ||
    (node.type === 'ObjectProperty' && node.value === child) ||
    (node.type === 'ObjectExpression' && (child.type === 'SpreadElement' || child.type === 'ObjectProperty'));
  while (up && passes(up, argument)) [argument, up] = [up, ctx.index.parentOf(up)];
  if (set.has(up) && (up.arguments as Node[]).includes(argument) && owner(up)) return true;
  // Held in a constant on the way (`const settings = PROVIDERS[provider]; new OpenAI({ ...settings })`).
  const held = up?.type === 'VariableDeclarator' && up.init === argument && up.id.type === 'Identifier' ? ctx.index.resolve(up.id) : undefined;
  if (held?.kind === 'const') return ctx.index.usesOf(held).some((use) => use !== up.id && reachesArguments(ctx, set, use, owner, depth));
  const fn = depth === 0 ? returningFunction(ctx, up, argument) : undefined;
  const declared = fn && ctx.index.resolve(fn);
  if (!declared) return false;
  return ctx.index.usesOf(declared).some((use) => {
    const call = ctx.index.parentOf(use);
    return call?.type === 'CallExpression' && call.callee === use && reachesArguments(ctx, set, call, owner, depth + 1);
  });
}

/** The name of the function that returns `value` (`return value`, or an arrow's expression body), if it has one. */
function returningFunction(ctx: TransformContext, holder: Node, value: Node): Node | undefined {
  let fn: Node | undefined;
  if (holder?.type === 'ArrowFunctionExpression' && holder.body === value) fn = holder;
  else if (holder?.type === 'ReturnStatement' && holder.argument === value) {
    for (let p = ctx.index.parentOf(holder); p && !fn; p = ctx.index.parentOf(p)) if (/Function/.test(p.type)) fn = p;
  }
  if (fn?.type === 'FunctionDeclaration') return fn.id ?? undefined;
  const declarator = fn && ctx.index.parentOf(fn);
  return declarator?.type === 'VariableDeclarator' && declarator.init === fn && declarator.id.type === 'Identifier' ? declarator.id : undefined;
}

/**
 * Whether the value at `path` is held by a variable nothing reads and no export names (`const baseURL = … ??
 * 'https://api.openai.com/v1'` once the client transform replaced the `baseURL` option it went to): nothing sends it.
 */
export function heldUnread(ctx: TransformContext, path: ASTPath<Node>): boolean {
  const id = optionsVariable(path);
  const declared = id && ctx.index.resolve(id);
  if (!declared || declared.id !== id) return false;
  const statement = ctx.index.parentOf(ctx.index.parentOf(id));
  return statement?.type === 'VariableDeclaration' && ctx.index.parentOf(statement)?.type !== 'ExportNamedDeclaration' && ctx.index.usesOf(declared).length === 0;
}

/** The variable a value is an option of: its object literal's (`const o = { k: v }`), or a write into it (`o.k = v`). */
function optionsVariable(path: ASTPath<Node>): Node | undefined {
  let p = path;
  while (p.parent && VALUE_CARRIERS.has((p.parent.node as Node).type)) {
    const parent = p.parent.node as Node;
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value !== p.node) return undefined;
    p = p.parent;
  }
  const holder = p.parent?.node as Node;
  if (holder?.type === 'VariableDeclarator' && holder.init === p.node) return holder.id.type === 'Identifier' ? holder.id : undefined;
  if (holder?.type !== 'AssignmentExpression' || holder.right !== p.node) return undefined;
  let target = unwrap(holder.left);
  while (target?.type === 'MemberExpression') target = unwrap(target.object);
  return target?.type === 'Identifier' ? target : undefined;
}

/** Expressions a value passes through unchanged on its way into an argument: options objects, fallbacks, casts. */
const VALUE_CARRIERS = new Set(['ObjectProperty', 'Property', 'ObjectExpression', 'ArrayExpression', ...FALLBACK_EXPRESSIONS]);

/** The module specifier a file's identifier is imported or required from (`import { X } from 'm'`, `const { X } = require('m')`). */
export function moduleOf(ctx: TransformContext, id: Node): string | undefined {
  const declared = ctx.index.resolve(id);
  if (!declared) return undefined;
  let node = ctx.index.parentOf(declared.id);
  if (node?.type === 'ImportSpecifier' || node?.type === 'ImportDefaultSpecifier' || node?.type === 'ImportNamespaceSpecifier') {
    const declaration = ctx.index.parentOf(node);
    return declaration.importKind === 'type' || node.importKind === 'type' ? undefined : declaration.source.value;
  }
  if (node?.type === 'TSImportEqualsDeclaration') return node.moduleReference?.expression?.value;
  while (node && (node.type === 'ObjectProperty' || node.type === 'ObjectPattern')) node = ctx.index.parentOf(node);
  if (node?.type !== 'VariableDeclarator') return undefined;
  let init = unwrap(node.init);
  if (init?.type === 'MemberExpression') init = unwrap(init.object);
  const source = init?.type === 'CallExpression' ? init.arguments[0] : undefined;
  return source && isRequireOf(init, source.value) ? source.value : undefined;
}

const AZURE_REQUESTS = 'openai-to-azure:azure-requests';

/** Record a call whose OpenAI URL raw-http pointed at Azure: the settings it is handed now go to Azure too. */
export function markAzureRequest(ctx: TransformContext, call: Node): void {
  let calls = ctx.shared.get(AZURE_REQUESTS) as Set<Node> | undefined;
  if (!calls) ctx.shared.set(AZURE_REQUESTS, (calls = new Set()));
  calls.add(call);
}

const OPENAI_REQUESTS = 'openai-to-azure:openai-requests';

/**
 * Record a request raw-http left pointed at OpenAI on purpose (Azure does not offer its surface), with a marker on
 * its URL; `inline`: that URL is written in the call, so the marker sits on the statement holding the call.
 */
export function markOpenAIRequest(ctx: TransformContext, call: Node, inline: boolean): void {
  let calls = ctx.shared.get(OPENAI_REQUESTS) as Map<Node, boolean> | undefined;
  if (!calls) ctx.shared.set(OPENAI_REQUESTS, (calls = new Map()));
  calls.set(call, (calls.get(call) ?? false) || inline);
}

/**
 * Whether the object literal at `path` is a process's environment: the `env` of the options that start one
 * (`spawn(cmd, args, { env })`, execa's, Playwright's `webServer.env`, vitest's `test.env`), or one spreading the
 * current environment in (`{ ...process.env, PORT: '3000' }`).
 */
export function isEnvironmentMap(path: ASTPath<Node>): boolean {
  const holder = path.parent?.node as Node;
  if ((holder?.type === 'ObjectProperty' || holder?.type === 'Property') && holder.value === path.node && propertyName(holder.key) === CHILD_ENV_OPTION) return true;
  return (path.node as Node).properties.some((p: Node, i: number) => p.type === 'SpreadElement' && isEnvObject(path.get('properties', i, 'argument')));
}

/**
 * The call or construction that gets the value at `path` as a setting: an argument of `new X(…)`, or a property of
 * an options object given to `x(…)` (`createX({ apiKey })`), spread into it (`{ ...(key ? { apiKey: key } : {}) }`)
 * or held first in a variable (`const options = { apiKey }; new X({ ...options })`: the first call one of its
 * references goes to). A value passed bare to a call (`expect(v)`) is data.
 */
function settingCall(ctx: TransformContext, path: ASTPath<Node>, inOptions = false, followed = false): Node | undefined {
  let p = path;
  while (p.parent && (VALUE_CARRIERS.has((p.parent.node as Node).type) || (p.parent.node as Node).type === 'SpreadElement')) {
    const parent = p.parent.node as Node;
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value !== p.node) return undefined;
    // A conditional's test is not its value (`{ key: process.env.X ? 'set' : 'unset' }` hands on no key).
    if (parent.type === 'ConditionalExpression' && parent.test === p.node) return undefined;
    if (parent.type === 'ObjectExpression') {
      // Set in the environment of a process the call starts: that process reads it, not the call's package.
      if (isEnvironmentMap(p.parent)) return undefined;
      inOptions = true;
    }
    p = p.parent;
  }
  const call = p.parent?.node as Node;
  const isNew = call?.type === 'NewExpression';
  if ((isNew || (call?.type === 'CallExpression' && inOptions)) && (call.arguments as Node[]).includes(p.node)) return call;
  if (followed || !inOptions || call?.type !== 'VariableDeclarator' || call.init !== p.node || call.id.type !== 'Identifier') return undefined;
  for (const ref of referencesOf(ctx.j, ctx.root, call.id)) {
    const found = settingCall(ctx, ref, true, true);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether the value at `path` is a setting of a call whose OpenAI URL raw-http pointed at Azure
 * (`generateText({ baseURL: 'https://api.openai.com/v1/', apiKey })` of an OpenAI-compatible library): it now goes
 * to Azure, whatever library sends it.
 */
export function handedToAzureRequest(ctx: TransformContext, path: ASTPath<Node>): boolean {
  const call = requestSetting(ctx, path);
  return call !== undefined && pointedAtAzure(ctx, call);
}

/** A call raw-http pointed at Azure in this run, or a request already sent to an Azure URL (by a run before). */
function pointedAtAzure(ctx: TransformContext, call: Node): boolean {
  return (ctx.shared.get(AZURE_REQUESTS) as Set<Node> | undefined)?.has(call) === true || requestsAzureURL(ctx, call);
}

/**
 * Whether a request's URL (its first argument, or the `const` that argument names) is Azure's: a second run sees the
 * requests the first pointed at Azure (`${process.env.AZURE_OPENAI_ENDPOINT…}/openai/v1/…`) as it did.
 */
function requestsAzureURL(ctx: TransformContext, call: Node): boolean {
  let url = unwrap(call.arguments?.[0]);
  if (url?.type === 'Identifier') url = unwrap(constInitOf(ctx.index, url));
  const text = typeof url?.start === 'number' ? ctx.source.slice(url.start, url.end) : '';
  return URL_TYPES.has(url?.type) && isAzureURL(text) && sendsRequest(ctx, call);
}

/** What a request's URL is written as: a string or a template (not a call's result, whose text may name anything). */
const URL_TYPES = new Set(['StringLiteral', 'TemplateLiteral']);

/**
 * Whether a call sends a request itself: a request global (`fetch(…)`, `globalThis.fetch(…)`, `new WebSocket(…)`), or
 * an export of a request package (`axios.post(…)`). A local (`mockFetch`, `const fetch = vi.fn()`) sends nothing.
 */
export function sendsRequest(ctx: TransformContext, call: Node): boolean {
  let callee = unwrap(call.callee);
  const method = memberName(callee);
  while (callee?.type === 'MemberExpression') callee = unwrap(callee.object);
  if (callee?.type !== 'Identifier') return false;
  if (!ctx.index.resolve(callee)) {
    return REQUEST_GLOBALS.includes(callee.name) || (GLOBAL_OBJECTS.includes(callee.name) && REQUEST_GLOBALS.includes(method ?? ''));
  }
  const source = moduleOf(ctx, callee);
  return source !== undefined && REQUEST_PACKAGES.includes(packageName(source));
}

/** What a header value passes through on its way into a request's options: `Bearer ${key}`, `'Bearer ' + key`. */
const HEADER_TEXT = new Set(['TemplateLiteral', 'BinaryExpression']);

/** A request a value is sent with that still goes where it went (see `sentWithUnmovedRequest`). */
export interface UnmovedRequest {
  call: Node;
  /** raw-http left it at OpenAI on purpose, with a marker on its URL (`inline`: on the statement holding the call). */
  left?: { inline: boolean };
}

const HELPER_URLS = 'openai-to-azure:helper-urls';

/** Record a URL raw-http left at OpenAI because a function of the file it is handed to sends it, unfollowed. */
export function markHelperURL(ctx: TransformContext, url: Node): void {
  let urls = ctx.shared.get(HELPER_URLS) as Set<Node> | undefined;
  if (!urls) ctx.shared.set(HELPER_URLS, (urls = new Set()));
  urls.add(url);
}

/**
 * The request the value at `path` is sent with (see `sendsRequest`: in its options, its headers, `new Headers({…})`,
 * `Bearer ${key}`) when raw-http did not point it at Azure: that request still goes where it went. So does a value
 * handed bare to a function of the file beside such a URL (`send(openAIURL, key)`), or to the function holding one
 * (its parameter's default): the function sends both.
 */
export function sentWithUnmovedRequest(ctx: TransformContext, path: ASTPath<Node>): UnmovedRequest | undefined {
  const urls = ctx.shared.get(HELPER_URLS) as Set<Node> | undefined;
  let p = path;
  while (p.parent && FALLBACK_EXPRESSIONS.has((p.parent.node as Node).type)) p = p.parent;
  const handed = p.parent?.node as Node;
  const fn = urls && (handed?.arguments as Node[] | undefined)?.includes(p.node) ? localFunction(ctx, unwrap(handed.callee)) : undefined;
  const url = fn && [...urls!].find((u) => ctx.index.isWithin(u, handed) || ctx.index.isWithin(u, fn.node));
  if (url) return { call: handed, left: { inline: ctx.index.isWithin(url, handed) } };
  const call = requestSetting(ctx, path);
  if (call === undefined || !sendsRequest(ctx, call) || pointedAtAzure(ctx, call)) return undefined;
  const inline = (ctx.shared.get(OPENAI_REQUESTS) as Map<Node, boolean> | undefined)?.get(call);
  return inline === undefined ? { call } : { call, left: { inline } };
}

/**
 * The call that gets the value at `path` as a setting (`settingCall`), also as a header's text (`Bearer ${key}`) or
 * in `new Headers({…})`, which the request gets in turn.
 */
function requestSetting(ctx: TransformContext, path: ASTPath<Node>): Node | undefined {
  let p = path;
  for (;;) {
    while (p.parent && HEADER_TEXT.has((p.parent.node as Node).type)) p = p.parent;
    const call = settingCall(ctx, p);
    if (call?.type !== 'NewExpression' || unwrap(call.callee)?.name !== 'Headers') return call;
    while (p.node !== call) p = p.parent;
  }
}

/** What a value passes through on its way into a call's arguments: an options object, a fallback, a cast, a header's text. */
const ARGUMENT_CARRIERS = new Set([...VALUE_CARRIERS, ...HEADER_TEXT, 'SpreadElement', 'TSTypeAssertion', 'TypeCastExpression', 'AwaitExpression']);

/**
 * The identifier a call or construction that gets `value` as an argument is called through (`RealtimeClient` of `new
 * RealtimeClient({ apiKey })`, `api` of `api.send(key)`): through options objects, fallbacks, casts and header text,
 * never a property's key or a condition's test. Node-based, so the project index's summaries ask it too.
 */
export function argumentCallee(index: FileIndex, value: Node): Node | undefined {
  let child = value;
  let up = index.parentOf(child);
  while (up && ARGUMENT_CARRIERS.has(up.type)) {
    if ((up.type === 'ObjectProperty' || up.type === 'Property') && up.value !== child) return undefined;
    if (up.type === 'ConditionalExpression' && up.test === child) return undefined;
    [child, up] = [up, index.parentOf(up)];
  }
  const call = up?.type === 'CallExpression' || up?.type === 'OptionalCallExpression' || up?.type === 'NewExpression';
  if (!call || !(up.arguments as Node[]).includes(child)) return undefined;
  let callee = unwrap(up.callee);
  while (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') callee = unwrap(callee.object);
  return callee?.type === 'Identifier' ? callee : undefined;
}

/**
 * The imported name of the project's own code (a relative module, a path alias) that gets the value at `path` as an
 * argument (`argumentCallee`: `new RealtimeClient({ apiKey })`, `buildPayload(apiKey, messages)`), with the specifier
 * it comes from: where the key goes then is that module's business.
 */
export function projectConsumer(ctx: TransformContext, path: ASTPath<Node>): { local: string; spec: string } | undefined {
  const callee = argumentCallee(ctx.index, path.node as Node);
  const spec = callee && moduleOf(ctx, callee);
  return spec === undefined ? undefined : { local: callee.name, spec };
}

const LEFT_ON_OPENAI = 'openai-to-azure:left-on-openai';

/**
 * Record a construction a transform left talking to OpenAI, with a marker (an Agents SDK `RealtimeSession`), by the
 * name of what it constructs: a key handed to it, or to the object it makes (`session.connect({ apiKey })`), is OpenAI's.
 */
export function markLeftOnOpenAI(ctx: TransformContext, construction: Node, name: string): void {
  let left = ctx.shared.get(LEFT_ON_OPENAI) as Map<Node, string> | undefined;
  if (!left) ctx.shared.set(LEFT_ON_OPENAI, (left = new Map()));
  left.set(construction, name);
}

/**
 * The construction or call a method's object is made by in this file (`session` of `session.connect(…)`, declared
 * `const session = new RealtimeSession(…)`, awaited or not); `call` itself when its callee is no such variable.
 */
function makerOf(ctx: TransformContext, call: Node): Node {
  let callee = unwrap(call.callee);
  if (callee?.type !== 'MemberExpression') return call;
  while (callee?.type === 'MemberExpression') callee = unwrap(callee.object);
  let init = unwrap(constInitOf(ctx.index, callee));
  if (init?.type === 'AwaitExpression') init = unwrap(init.argument);
  return init?.type === 'NewExpression' || init?.type === 'CallExpression' ? init : call;
}

/**
 * The third-party package, one this tool does not migrate, that gets the value at `path` as a setting (see
 * `settingCall`), with the callee imported from that package, and that call; never a call pointed at Azure
 * (`handedToAzureRequest`). A setting of a method of an object the file makes (`client.connect({ apiKey })`) goes
 * where its maker's do. `left`: a construction a transform left on OpenAI (`markLeftOnOpenAI`) gets it; `vendor`: a
 * subclass of a client class that serves another vendor does.
 */
export function unmigratedConsumer(ctx: TransformContext, path: ASTPath<Node>): { name: string; call: Node; left?: true; vendor?: true } | undefined {
  const setting = settingCall(ctx, path);
  if (setting === undefined || pointedAtAzure(ctx, setting)) return undefined;
  const call = makerOf(ctx, setting);
  const left = (ctx.shared.get(LEFT_ON_OPENAI) as Map<Node, string> | undefined)?.get(call);
  if (left !== undefined) return { name: left, call, left: true };
  let callee = unwrap(call.callee);
  while (callee?.type === 'MemberExpression' && propertyName(callee.property) !== undefined) callee = unwrap(callee.object);
  // A class of the file's own that extends a client class: its constructions are not rewritten. One that serves
  // another vendor is given that vendor's settings.
  const parent = extendedClientOf(ctx, callee);
  if (parent) return { name: `a subclass of ${parent.name} (${parent.module})`, call, ...(parent.vendor ? { vendor: true as const } : {}) };
  const source = callee?.type === 'Identifier' ? moduleOf(ctx, callee) : undefined;
  const name = source === undefined ? undefined : unmigratedPackage(source);
  return name === undefined ? undefined : { name, call };
}
