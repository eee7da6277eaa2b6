import type { ASTPath } from 'jscodeshift';
import { CLASSIC_BASE_URL_MESSAGE, RENAMED_CALLS, hostedToolsMessage, surfaceGap } from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { sendsRequest } from './lib/client-arguments.js';
import { fileClients, isClientExpression, unwrap } from './lib/clients.js';
import { hostedToolTypes } from './lib/hosted-tools.js';
import { memberName, propertyName } from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import { needsRelease, type Transform, type TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** Type-only module paths that moved with the `beta.chat` namespace (openai v5). */
const RENAMED_MODULES: Readonly<Record<string, string>> = {
  'openai/resources/beta/chat/completions': 'openai/resources/chat/completions',
};

/** Drop the `beta` hop from a call's member chain (`client.beta.chat.completions.parse` → `client.chat.…`). */
function dropBeta(ctx: TransformContext, call: ASTPath<Node>): void {
  let member = (call.node as Node).callee;
  while (member?.type === 'MemberExpression') {
    const object = member.object;
    if (object?.type === 'MemberExpression' && memberName(object) === 'beta') {
      member.object = object.object;
      ctx.change(call.node, 'rename');
      needsRelease(ctx.outcome, 'chatHelpers');
      return;
    }
    member = object;
  }
}

const REQUEST_AUTHORIZATION =
  "this request sets its own Authorization header, which goes to your Azure OpenAI resource now: Azure takes the client's key as `api-key` and reads Authorization as an Entra ID token, so a user's or another service's token here is refused (and disclosed to Azure); drop it, or send an Azure credential";

const REPOINTED_CLONE =
  "a clone of the migrated client keeps its Azure routing (the deployment in the path, the api-version, the `api-key` header): given another base URL here, it sends Azure-shaped requests there; build that service's own client instead";

/** Whether `client.withOptions({…})` points the clone at a base URL of its own (another service's). */
function repointed(call: ASTPath<Node>): boolean {
  return objectsOf((call.node as Node).arguments[0]).flatMap(propertiesOf).some((p) => propertyName(p.key) === 'baseURL');
}

/** Whether a client call's request options (after its body) set an `Authorization` header, in any branch. */
function setsAuthorization(call: ASTPath<Node>): boolean {
  const properties = (node: Node): Node[] => objectsOf(node).flatMap(propertiesOf);
  return ((call.node as Node).arguments as Node[]).slice(1).some((options) =>
    properties(options).some((p) => propertyName(p.key) === 'headers' && properties(p.value).some((h) => propertyName(h.key)?.toLowerCase() === 'authorization')),
  );
}

/** The object literals an expression may be: itself, or a branch of a condition or fallback. */
function objectsOf(node: Node): Node[] {
  const value = unwrap(node);
  if (value?.type === 'ObjectExpression') return [value];
  if (value?.type === 'ConditionalExpression') return [...objectsOf(value.consequent), ...objectsOf(value.alternate)];
  if (value?.type === 'LogicalExpression') return [...objectsOf(value.left), ...objectsOf(value.right)];
  return [];
}

/** An object literal's properties, those of the objects spread into it included (`...(token ? { … } : {})`). */
function propertiesOf(object: Node): Node[] {
  return (object.properties as Node[]).flatMap((p) => (p.type === 'SpreadElement' ? objectsOf(p.argument).flatMap(propertiesOf) : [p]));
}

/**
 * API surfaces: `beta.chat.completions.*` renamed to where openai v5+ has them, and a marker on every call
 * Azure OpenAI does not offer or offers differently (SURFACE_GAPS, hosted Responses tools).
 */
export const unsupportedApis: Transform = {
  name: 'unsupported-apis',
  apply(ctx) {
    for (const { path, member } of clientCalls(ctx)) {
      if (RENAMED_CALLS[member]) dropBeta(ctx, path);
      const gap = surfaceGap(member);
      if (gap && !(gap.servedOnV1 && ctx.options.target === 'v1')) ctx.todo(path, gap.message);
      const hosted = hostedToolTypes(ctx, path, member);
      if (hosted.length > 0) ctx.todo(path, hostedToolsMessage(hosted));
      if (setsAuthorization(path)) ctx.todo(path, REQUEST_AUTHORIZATION);
      if (member === 'withOptions' && repointed(path)) ctx.todo(path, REPOINTED_CLONE);
    }
    if (ctx.options.target === 'classic') for (const read of baseURLReads(ctx)) ctx.todo(read, CLASSIC_BASE_URL_MESSAGE);
    // No transform writes these module paths, so only a file that spells one out imports it (and only such a file
    // needs the index, which an earlier transform's change would otherwise have this one rebuild).
    if (!Object.keys(RENAMED_MODULES).some((source) => ctx.source.includes(source))) return;
    ctx.index.find('ImportDeclaration', (n) => Object.hasOwn(RENAMED_MODULES, n.source.value)).forEach((path) => {
      const source = (path.node as Node).source;
      const renamed = RENAMED_MODULES[source.value];
      if (!renamed) return;
      source.value = renamed;
      delete source.extra;
      ctx.change(path.node, 'rename');
      needsRelease(ctx.outcome, 'chatHelpers');
    });
  },
};

/** Reads of a migrated client's `baseURL` that a URL sent by a request is made of (`fetch(`${client.baseURL}/x`)`). */
function baseURLReads(ctx: TransformContext): ASTPath<Node>[] {
  if (!ctx.source.includes('.baseURL')) return [];
  const clients = fileClients(ctx);
  return ctx.index
    .find('MemberExpression', (n) => !n.computed && memberName(n) === 'baseURL')
    .filter((path) => sentAsURL(ctx, path) && isClientExpression(ctx, path.get('object'), clients));
}

/** Whether a value is (part of) the URL of a request this file sends: a template or `+` join, then the first argument. */
function sentAsURL(ctx: TransformContext, path: ASTPath<Node>): boolean {
  let p = path;
  while (p.parent && URL_PARTS.has((p.parent.node as Node).type)) p = p.parent;
  const call = p.parent?.node as Node;
  // The base of a URL made from it (`new URL('files', client.baseURL)`), or a path joined to it (`${client.baseURL}/files`).
  if (call?.type === 'NewExpression' && unwrap(call.callee)?.name === 'URL' && call.arguments[1] === p.node && p.node === path.node) return true;
  if (p.node !== path.node && /^\/[\w-]/.test(textAfter(ctx, path.node, p.node))) return true;
  return (call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments[0] === p.node && sendsRequest(ctx, call);
}

/** The text that follows `node` within the URL expression `whole` (a template's next text, or what `+` adds). */
function textAfter(ctx: TransformContext, node: Node, whole: Node): string {
  return ctx.source.slice(node.end, whole.end).replace(/^[\s+}'"`]*/, '');
}

const URL_PARTS = new Set(['TemplateLiteral', 'BinaryExpression', 'TSAsExpression', 'TSNonNullExpression']);

export default asJscodeshift(unsupportedApis);
