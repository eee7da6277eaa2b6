import type { ASTPath } from 'jscodeshift';
import {
  AI_SDK,
  AZURE_ENV,
  OPENAI_SDK,
  OPENAI_WRAPPERS,
  azureReplacementFor,
  defaultsElsewhere,
  FALLBACK_EXPRESSIONS,
  envReadMessage,
  keyFormatCheckMessage,
  entraKeyReadMessage,
  ENV_READING_LIBRARIES,
  modelRouterIn,
  libraryEnvMessage,
  leftConsumerMessage,
  quotesPackage,
  assignedEnvMessage,
  isOpenAIEnvName,
  isProjectSpecifier,
  leftRequestMessage,
  packageOfSpecifier,
  projectConsumerMessage,
  unmigratedConsumerMessage,
  unmovedRequestMessage,
} from '../src/core/index.js';
import { aiSdkKeyEnv } from './lib/ai-sdk-settings.js';
import {
  handedToAzureRequest,
  handedToClient,
  insideClientArguments,
  isEnvironmentMap,
  projectConsumer,
  sentWithUnmovedRequest,
  unmigratedConsumer,
} from './lib/client-arguments.js';
import { fileClients, holdsProcessEnv, isEnvObject, unwrap } from './lib/clients.js';
import { envCode, envRead } from './lib/deployment-ref.js';
import { moduleBindings, propertyName, referencesOf } from './lib/imports.js';
import { literalValue } from './lib/literals.js';
import { isKeyFormatCheck } from './lib/own-key-reads.js';
import { asJscodeshift } from './lib/run.js';
import { expression, isTypeScript } from './lib/snippets.js';
import { enclosingScope } from './lib/stream-chunks.js';
import { stillReads, type Transform, type TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Set once the file has the Entra ID key marker: said at the first read, it speaks for the others. */
const ENTRA_KEY_SAID = 'openai-to-azure:entra-key-said';

/** Whether a member expression is written to (`process.env.X = …`, `delete process.env.X`): setup code, not a read. */
function isWrite(path: ASTPath<Node>): boolean {
  const parent = path.parent?.node as Node;
  if (parent?.type === 'AssignmentExpression' && parent.left === path.node) return true;
  if (parent?.type === 'UpdateExpression') return true;
  return parent?.type === 'UnaryExpression' && parent.operator === 'delete';
}

/** The OpenAI variable a read names, when it is ours to handle. */
function openAIName(name: string | undefined): name is string {
  return name !== undefined && isOpenAIEnvName(name);
}

/** Expressions a read passes through on its way into the variable holding it (`process.env.X ?? ''`, `x!`). */
const HOLDING = new Set(['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);

/** The declaring identifier of the `const` whose initializer is the value at `path` (through fallbacks and casts). */
function holder(path: ASTPath<Node>): Node | undefined {
  let p = path;
  while (p.parent && HOLDING.has((p.parent.node as Node).type)) p = p.parent;
  const declarator = p.parent?.node as Node;
  const isConst = declarator?.type === 'VariableDeclarator' && declarator.init === p.node && p.parent.parent?.node.kind === 'const';
  return isConst && declarator.id.type === 'Identifier' ? declarator.id : undefined;
}

/**
 * Why variable `name` keeps its name, from one of a read's `uses` (see `usesOf`), as its marker: the file sets it for
 * code that reads the environment, its value is handed to a library this tool does not migrate, it is sent with a
 * request raw-http did not point at Azure, or (going nowhere else) a library the file uses reads it itself. Renamed,
 * the Azure key would go wherever that library or request sends it. Null: it keeps its name without a marker of its
 * own (another vendor's setting, or one a marker nearby already speaks for).
 */
function keptFor(ctx: TransformContext, read: ASTPath<Node>, name: string, uses: readonly ASTPath<Node>[], elsewhere: ReadElsewhere): string | null | undefined {
  if (elsewhere.assigned.has(name)) return assignedEnvMessage(name);
  const consumer = uses.map((use) => unmigratedConsumer(ctx, use)).find((found) => found !== undefined);
  // Handed to a subclass that serves another vendor: that vendor's setting, as another vendor's client's options are.
  if (consumer?.vendor) return null;
  if (consumer?.left) return leftConsumerMessage(name, consumer.name);
  if (consumer !== undefined) {
    // Read right in a framework's OpenAI class's options: that class's marker (openai-wrappers) says to move the key.
    const wrapper = OPENAI_WRAPPERS.some((w) => w.pkg === consumer.name) && ctx.index.isWithin(read.node, consumer.call);
    return wrapper ? null : unmigratedConsumerMessage(name, consumer.name);
  }
  // Handed to the project's own code that still requests OpenAI: in its module (the project index says), or in this
  // file (raw-http left an OpenAI URL here) when that code's body is elsewhere.
  for (const use of uses) {
    const project = projectConsumer(ctx, use);
    if (!project) continue;
    if (ctx.facts.openAIModuleImports?.includes(project.local)) return projectConsumerMessage(name, project.local, project.spec, 'module');
    if (ctx.outcome.leavesOpenAI && isProjectSpecifier(packageOfSpecifier(project.spec))) return projectConsumerMessage(name, project.local, project.spec, 'file');
  }
  const sent = uses.flatMap((use) => sentWithUnmovedRequest(ctx, use) ?? []);
  if (sent.some((request) => !request.left)) return unmovedRequestMessage(name);
  if (sent.length === 0) {
    const library = elsewhere.libraries.get(name);
    return library === undefined ? undefined : libraryEnvMessage(name, library);
  }
  // Read inside requests whose URLs (and markers) are written in the same call: those markers say it.
  return sent.every((request) => request.left!.inline && ctx.index.isWithin(read.node, request.call)) ? null : leftRequestMessage(name);
}

/** Where a read's value goes: the read itself, or the references of the `const` (or destructured name) holding it. */
function usesOf(ctx: TransformContext, path: ASTPath<Node>, local: Node | undefined): ASTPath<Node>[] {
  return local === undefined ? [path] : referencesOf(ctx.j, ctx.root, local);
}

/** One OpenAI variable read: where it is, its name, how to rename it, and the name a destructuring binds it to. */
export interface Read {
  path: ASTPath<Node>;
  name: string;
  rename: (azure: string) => void;
  local?: Node;
}

/**
 * Whether the file's OpenAI consumer is the Vercel AI SDK alone (it imports `@ai-sdk/openai`, not the `openai` SDK):
 * its key check must then read the variable the `@ai-sdk/azure` provider it becomes reads.
 */
function servesAiSdkOnly(ctx: TransformContext): boolean {
  const imports = (source: string): boolean => moduleBindings(ctx.j, ctx.root, source).some((b) => !b.typeOnly);
  return imports(AI_SDK.package) && !imports(OPENAI_SDK);
}

/** The Azure variable an OpenAI one is read as in this file; undefined for a name that gets a marker instead. */
function azureNameOf(ctx: TransformContext, name: string): string | undefined {
  if (envReadMessage(name) !== undefined) return undefined;
  const replacement = azureReplacementFor(name)!;
  // Any name of the OpenAI key (`OPENAI_API_KEY`, `OPENAI_KEY`): in AI SDK code, the variable @ai-sdk/azure reads.
  return replacement === AZURE_ENV.apiKey && servesAiSdkOnly(ctx) ? aiSdkKeyEnv(ctx) : replacement;
}

/** Rename, or leave with a marker, one read. True when renamed. */
function handle(ctx: TransformContext, { path, name, rename }: Read, azure: string | undefined): boolean {
  if (azure === undefined) {
    ctx.todo(path, envReadMessage(name)!);
    return false;
  }
  rename(azure);
  ctx.change(path.node, 'rename');
  // The key under keyless auth, whichever Azure name the file's clients would read it by (the AI SDK's AZURE_API_KEY):
  // normally unset, so not a variable to set, and a check of it no longer says whether a client can connect.
  // In an `Authorization` header raw-http swaps it for a token, or leaves it with a marker of its own.
  const keyless = azureReplacementFor(name) === AZURE_ENV.apiKey && ctx.options.auth === 'entra-id' && !inAuthorizationHeader(path);
  if (!keyless) ctx.readsEnv(azure);
  else if (!ctx.shared.has(ENTRA_KEY_SAID)) {
    ctx.todo(path, entraKeyReadMessage(azure));
    ctx.shared.set(ENTRA_KEY_SAID, true);
  }
  return true;
}

/**
 * The OpenAI model variables read inside `node` (`process.env.OPENAI_MODEL ?? 'gpt-5-mini'`, in a client's options,
 * which this transform leaves to the client's) renamed to the Azure deployment's, as this transform does elsewhere.
 * True when every OpenAI variable read there was one and is renamed.
 */
export function renameModelReadsWithin(ctx: TransformContext, node: Node): boolean {
  const within = reads(ctx).filter((read) => read.path.node === node || ctx.index.isWithin(read.path.node, node));
  const models = within.filter((read) => azureReplacementFor(read.name)?.includes('DEPLOYMENT'));
  if (models.length === 0 || models.length !== within.length) return false;
  for (const read of models) handle(ctx, read, azureReplacementFor(read.name)!);
  return true;
}

/** Inside an `Authorization` header value: under Entra ID the raw-HTTP transform swaps that header for a token. */
function inAuthorizationHeader(path: ASTPath<Node>): boolean {
  for (let p: ASTPath<Node> | null = path.parent; p; p = p.parent) {
    const node = p.node as Node;
    if ((node.type === 'ObjectProperty' || node.type === 'Property') && propertyName(node.key)?.toLowerCase() === 'authorization') return true;
  }
  return false;
}

/** The name a member access reads (`env.X`, `env['X']`). */
function nameOf(node: Node): string | undefined {
  return node.computed ? literalValue(node.property) : propertyName(node.property);
}

/** `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X` (and through an alias of the env object). */
function memberReads(ctx: TransformContext): Read[] {
  const { j } = ctx;
  return ctx.index.find('MemberExpression', (n) => openAIName(nameOf(n))).flatMap((path) => {
    const node = path.node as Node;
    const name = nameOf(node);
    if (!openAIName(name) || !isEnvObject(path.get('object')) || isWrite(path)) return [];
    const rename = (azure: string): void => {
      node.property = node.computed ? j.stringLiteral(azure) : j.identifier(azure);
    };
    return [{ path, name, rename }];
  });
}

/** OpenAI variables code other than this file's reads from the environment: their reads here keep the names it reads. */
interface ReadElsewhere {
  /**
   * Those the file assigns (`process.env.OPENAI_API_KEY = await ask()`), for a library's default or a child process,
   * or sets in the environment of a process it starts (`env: { OPENAI_API_KEY: key }`).
   */
  assigned: Set<string>;
  /** Those a library the file uses reads itself (ENV_READING_LIBRARIES), by variable: the library. */
  libraries: Map<string, string>;
}

/**
 * Whether a value can carry the variable's own value on (`key`, `process.env.X ?? ''`, `load()`), not only a report
 * about it (`process.env.X ? 'set' : 'NOT SET'`, `!!process.env.X`), as a debug route's `env: { … }` gives.
 */
function carriesValue(value: Node): boolean {
  const node = unwrap(value);
  if (node.type === 'ConditionalExpression') return carriesValue(node.consequent) || carriesValue(node.alternate);
  if (node.type === 'LogicalExpression') return carriesValue(node.left) || carriesValue(node.right);
  if (node.type === 'TemplateLiteral') return node.expressions.length > 0;
  return !/Literal$/.test(node.type) && node.type !== 'UnaryExpression' && node.type !== 'BinaryExpression';
}

function readElsewhere(ctx: TransformContext): ReadElsewhere {
  const assigned = new Set<string>();
  for (const path of ctx.index.find('MemberExpression', (n) => openAIName(nameOf(n)))) {
    const parent = path.parent?.node as Node;
    if (parent?.type === 'AssignmentExpression' && parent.left === path.node && isEnvObject(path.get('object'))) assigned.add(nameOf(path.node)!);
  }
  // Set under its own name in a process's environment (`env: { OPENAI_API_KEY: key }`): that process reads it itself.
  const keyName = (n: Node): string | undefined => (n.computed ? literalValue(n.key) : propertyName(n.key));
  for (const path of ctx.index.find('ObjectProperty', (n) => openAIName(keyName(n)))) {
    const node = path.node as Node;
    // Not a pattern's (`const { env: { OPENAI_API_KEY } } = process` reads it), nor a report's (`'set'`).
    if ((path.parent?.node as Node)?.type === 'ObjectExpression' && carriesValue(node.value) && isEnvironmentMap(path.parent)) assigned.add(keyName(node)!);
  }
  const libraries = new Map<string, string>();
  for (const [pkg, read] of Object.entries(ENV_READING_LIBRARIES)) {
    if (!quotesPackage(ctx.source, pkg) || moduleBindings(ctx.j, ctx.root, pkg).length === 0) continue;
    for (const name of read) if (!libraries.has(name)) libraries.set(name, pkg);
  }
  // An agent framework given a routed OpenAI model id reads the key itself (see the model-routers transform).
  const router = modelRouterIn(ctx.source);
  if (router && !libraries.has(router.env)) libraries.set(router.env, router.pkg);
  return { assigned, libraries };
}

/** `Deno.env.get('OPENAI_API_KEY')` (the global `Deno`) → `Deno.env.get('AZURE_OPENAI_API_KEY')`. */
function getterReads(ctx: TransformContext): Read[] {
  const { j } = ctx;
  return ctx.index.find('CallExpression', (n) => openAIName(envRead(n))).flatMap((path) => {
    const node = path.node as Node;
    const deno = node.callee.object.object;
    if (ctx.index.resolve(deno, path) || isWrite(path)) return [];
    const rename = (azure: string): void => {
      node.arguments[0] = j.stringLiteral(azure);
    };
    return [{ path, name: envRead(node)!, rename }];
  });
}

/**
 * The pattern that takes a declarator's value apart as the environment: its own (`const { … } = process.env`), or
 * the one under `env` when it takes the process apart (`const { env: { … } } = process`).
 */
function envPattern(ctx: TransformContext, declarator: ASTPath<Node>): ASTPath<Node> | undefined {
  const node = declarator.node as Node;
  if (!node.init) return undefined;
  if (isEnvObject(declarator.get('init'))) return declarator.get('id');
  if (!holdsProcessEnv(ctx.index, node.init)) return undefined;
  const at = node.id.properties.findIndex(
    (p: Node) => p.type === 'ObjectProperty' && !p.computed && propertyName(p.key) === 'env' && p.value.type === 'ObjectPattern',
  );
  return at === -1 ? undefined : declarator.get('id', 'properties', at, 'value');
}

/** `const { OPENAI_API_KEY } = process.env` → `const { AZURE_OPENAI_API_KEY: OPENAI_API_KEY } = process.env`. */
function destructuredReads(ctx: TransformContext): Read[] {
  const { j } = ctx;
  const reads: Read[] = [];
  ctx.index.find('VariableDeclarator', (n) => n.id.type === 'ObjectPattern').forEach((declarator) => {
    const pattern = envPattern(ctx, declarator);
    if (!pattern) return;
    pattern.get('properties').each((prop: ASTPath<Node>) => {
      const node = prop.node as Node;
      if (node.type !== 'ObjectProperty' && node.type !== 'Property') return;
      const name = node.computed ? literalValue(node.key) : propertyName(node.key);
      if (!openAIName(name)) return;
      const local = node.value?.type === 'AssignmentPattern' ? node.value.left : node.value;
      const rename = (azure: string): void => {
        node.key = j.identifier(azure);
        node.shorthand = false;
        if (node.extra) node.extra.shorthand = false;
        node.computed = false;
      };
      reads.push({ path: prop, name, rename, local: local?.type === 'Identifier' ? local : undefined });
    });
  });
  return reads;
}

/** Every read of an OpenAI variable in the file (member, getter call and destructured), with how to rename it. */
export function reads(ctx: TransformContext): Read[] {
  // Every name read here starts with OPENAI_: a file without that text reads none.
  if (!ctx.source.includes('OPENAI_')) return [];
  return [...memberReads(ctx), ...getterReads(ctx), ...destructuredReads(ctx)];
}

/**
 * Reads of `OPENAI_*` environment variables in code (migration spec §8, rules 32–33). A variable with an Azure
 * counterpart (`OPENAI_API_KEY` → `AZURE_OPENAI_API_KEY`, `OPENAI_MODEL` → `AZURE_OPENAI_DEPLOYMENT`) is renamed
 * where it is read, destructured names keeping their local binding; base URLs, variables with no Azure meaning and
 * unknown `OPENAI_*` names get a marker. `OPENAI_API_VERSION` is Azure's own and never touched; writes and `delete`
 * are setup code, not reads. Reads inside an OpenAI client's (or wrapper's) arguments belong to that client's
 * transform (the pipeline's openai-client replaces `apiKey`/`baseURL` there), so they are left to it. A read handed
 * to a library this tool does not migrate (LlamaIndex's `OpenAI`, `createOpenAICompatible`) keeps its name, with a
 * marker: that library still talks to OpenAI.
 */
export const envReads: Transform = {
  name: 'env-reads',
  apply(ctx) {
    const all = reads(ctx);
    if (all.length === 0) return;
    // Asked before any transform renames them (the AI SDK's key name depends on the imports it changes).
    const names: ReadNames = new Map();
    for (const { name } of all) {
      const known = names.get(name);
      if (known) known.reads++;
      else names.set(name, { azure: azureNameOf(ctx, name), reads: 1 });
    }
    ctx.shared.set(READ_NAMES, names);
    // A client's own options are its transform's; those a client left as it is reads from a variable or a table
    // (`...PROVIDERS[provider]`) keep their names with it, as inline ones do.
    const unmoved = new Set<unknown>(fileClients(ctx).constructions.filter((c) => c.kind !== 'openai').map((c) => c.path.node));
    // Reads beside a base URL that falls back to another service's are that service's settings (`elsewhereScopes`).
    const otherServices = elsewhereScopes(ctx, all);
    const mine = all.filter(
      (read) => !insideClientArguments(ctx, read.path) && !handedToClient(ctx, read.path, (call) => unmoved.has(call)) && !inScopes(ctx, read.path, otherServices),
    );
    let left = mine.length < all.length;
    // Asked before any rename: a name one of the file's reads hands to an unmigrated library, or sends with a request
    // still going where it went, keeps it everywhere in the file (a guard such as `if (!process.env.OPENAI_API_KEY)`
    // checks what that library reads), but where a read goes to a request raw-http pointed at Azure (an
    // OpenAI-compatible library given OpenAI's URL).
    const uses = mine.map((read) => usesOf(ctx, read.path, read.local ?? holder(read.path)));
    const elsewhere = readElsewhere(ctx);
    const own = mine.map((read, i) => keptFor(ctx, read.path, read.name, uses[i]!, elsewhere));
    // Handed to a request raw-http pointed at Azure: its name follows the request there.
    const toAzure = uses.map((list) => list.some((use) => handedToAzureRequest(ctx, use)));
    const byName = new Map<string, string | null>();
    mine.forEach((read, i) => {
      if (own[i] !== undefined && !byName.has(read.name)) byName.set(read.name, own[i]!);
    });
    const renamed = new Map<Node, { path: ASTPath<Node>; azure: string }>();
    mine.forEach((read, i) => {
      const kept = own[i] !== undefined ? own[i] : toAzure[i] ? undefined : byName.get(read.name);
      if (kept === undefined) {
        const azure = names.get(read.name)!.azure;
        if (!handle(ctx, read, azure)) {
          left = true;
          return;
        }
        if (!read.local) renamed.set(read.path.node, { path: read.path, azure: azure! });
        // The key renamed: a check of its OpenAI format now fails on every Azure key (under Entra ID the file's
        // keyless marker already says that every check of the key needs another).
        if (azureReplacementFor(read.name) !== AZURE_ENV.apiKey || ctx.options.auth === 'entra-id') return;
        for (const use of uses[i]!) if (isKeyFormatCheck(use)) ctx.todo(use, keyFormatCheckMessage(azure!));
        return;
      }
      left = true;
      if (kept !== null) ctx.todo(read.path, kept);
      // Still read: env templates keep it (the report's env list decides what they keep).
      ctx.readsEnv(read.name);
      // Where the variable holding it is sent to a request raw-http pointed at Azure, that request reads the Azure
      // setting itself: the value kept for what stays on OpenAI would go to Azure.
      const azure = names.get(read.name)!.azure;
      if (azure === undefined) return;
      for (const use of uses[i]!.filter((u) => handedToAzureRequest(ctx, u))) {
        // The template raw-http wraps a kept key in (`${key}`) goes with it; outside one, a TypeScript header value
        // must be a string, as raw-http writes the Azure key.
        const template = use.parent?.node as Node;
        const whole = template?.type === 'TemplateLiteral' && template.expressions.length === 1 && template.quasis.every((q: Node) => q.value.cooked === '');
        const at: ASTPath<Node> = whole ? use.parent : use;
        const bang = isTypeScript(ctx) && (at.parent?.node as Node)?.type !== 'TemplateLiteral' ? '!' : '';
        ctx.change(use.node, 'rename');
        at.replace(expression(ctx, `${envCode(ctx, azure)}${bang}`));
        ctx.readsEnv(azure);
      }
    });
    if (left) ctx.shared.set(READS_LEFT, true);
    dropRepeatedFallbacks(ctx, renamed);
  },
};

/**
 * The functions (the module, for its top-level code) where a base URL read falls back to another service's URL
 * (`fallsBackElsewhere`): that service's code, so the OpenAI variables read beside it there (its key, a check that
 * the key is set) are its settings too, left as they are with their messages.
 */
function elsewhereScopes(ctx: TransformContext, reads: readonly Read[]): Set<Node> {
  return new Set(reads.filter((read) => fallsBackElsewhere(ctx, read.path)).map((read) => enclosingScope(read.path).node));
}

/** Whether a read is in one of `scopes`: within such a function (its callbacks too), or at the top of such a module. */
function inScopes(ctx: TransformContext, read: ASTPath<Node>, scopes: ReadonlySet<Node>): boolean {
  if (scopes.size === 0) return false;
  const own = enclosingScope(read).node;
  return scopes.has(own) || [...scopes].some((scope) => scope.type !== 'Program' && ctx.index.isWithin(own, scope));
}

/** A base URL read whose fallback is another URL (core `defaultsElsewhere`): that service's setting, left as it is. */
function fallsBackElsewhere(ctx: TransformContext, read: ASTPath<Node>): boolean {
  let outer = read;
  while (outer.parent && FALLBACK_EXPRESSIONS.has((outer.parent.node as Node).type)) outer = outer.parent;
  const node = outer.node as Node;
  return outer !== read && defaultsElsewhere(ctx.source.slice(node.start, node.end));
}

/**
 * `env.OPENAI_KEY || env.OPENAI_API_KEY`, both renamed to one Azure variable, would read it twice: the fallback goes and
 * one read stays (a chain `a || b || c` down to what differs).
 */
function dropRepeatedFallbacks(ctx: TransformContext, renamed: ReadonlyMap<Node, { path: ASTPath<Node>; azure: string }>): void {
  if (renamed.size < 2) return;
  for (const { path, azure } of renamed.values()) {
    let read = path;
    for (let parent = read.parent as ASTPath<Node> | null; parent; parent = read.parent as ASTPath<Node> | null) {
      const node = parent.node as Node;
      const fallback = node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??') && node.left === read.node;
      if (!fallback || renamed.get(node.right)?.azure !== azure) break;
      parent.replace(read.node);
      ctx.change(read.node, 'rename');
      read = parent;
    }
  }
}

/** The OpenAI variables the file read before any rename: each one's Azure name (none: a marker) and its reads. */
export type ReadNames = Map<string, { azure: string | undefined; reads: number }>;
export const READ_NAMES = 'openai-to-azure:env-read-names';

/** Set when env-reads left a read as it was (beside a marker, in a client's arguments): only then can one remain. */
const READS_LEFT = 'openai-to-azure:env-reads-left';

/**
 * The OpenAI variables the file still reads once every other transform ran: reads left beside a marker
 * (`OPENAI_ORG_ID`), in the options of a client no transform rewrote. Config files keep them: the code needs them.
 */
export const staleEnvReads: Transform = {
  name: 'stale-env-reads',
  apply(ctx) {
    // No transform writes an OpenAI variable's name: a read env-reads renamed is gone, so without one it left or one
    // through a getter, the file reads none, and the tree (changed since) is not walked again to find so.
    const names = [
      ...(ctx.shared.get(READS_LEFT) === true ? reads(ctx).map((r) => r.name) : []),
      ...(GETTER_READ_TEXT.test(ctx.source) ? getterReadsLeft(ctx) : []),
      ...(DYNAMIC_READ_TEXT.test(ctx.source) ? dynamicReadsLeft(ctx) : []),
    ];
    for (const name of names) stillReads(ctx.outcome, name);
  },
};

/** A getter's call with a variable's name as its one argument. */
const GETTER_READ_TEXT = /\(\s*['"`]OPENAI_\w+['"`]\s*\)/;

/**
 * OpenAI variables read through a getter env-reads does not rename (`getEnv('OPENAI_API_KEY')`,
 * `config.get('OPENAI_ORG_ID')`): the code still reads them, so config files keep them and no note says otherwise.
 * A member of another object (`env.OPENAI_API_KEY`) is not one: a validated env module (t3-env's `env`) maps its
 * keys to the reads it makes itself, which are renamed there.
 */
function getterReadsLeft(ctx: TransformContext): string[] {
  const calls = ctx.index.find('CallExpression', (n) => n.arguments.length === 1 && openAIName(literalValue(n.arguments[0])));
  return calls.map((path) => literalValue((path.node as Node).arguments[0])!);
}

/** An env read by a computed name (`process.env[name]`, `env[EnvKey.OPENAI]`). */
const DYNAMIC_READ_TEXT = /\benv\s*\[\s*[^\s'"`]/;

/**
 * OpenAI variables a file reads by a computed name (`process.env[key]`): env-reads cannot rename such a read, so the
 * names the file quotes (`OPENAI = 'OPENAI_API_KEY'` in an enum or table of its own) or names as an enum member of
 * the same name (`[VALID_ENV_KEYS.OPENAI_API_KEY]: 'openai_api_key'`) stay read, and config files keep them
 * (chatbot-ui's server keys: its `.env.local.example` lost OPENAI_API_KEY).
 */
function dynamicReadsLeft(ctx: TransformContext): string[] {
  const computed = (n: Node): boolean => n.computed && n.property.type !== 'StringLiteral' && n.property.type !== 'TemplateLiteral';
  if (!ctx.index.find('MemberExpression', computed).some((path) => isEnvObject(path.get('object')))) return [];
  return [
    ...ctx.index.find('StringLiteral', (n) => openAIName(n.value)).map((path) => (path.node as Node).value as string),
    ...ctx.index.find('Identifier', (n) => openAIName(n.name)).map((path) => (path.node as Node).name as string),
  ];
}

export default asJscodeshift(envReads);
