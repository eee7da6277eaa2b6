import type { ASTPath } from 'jscodeshift';
import { OPENAI_SDK, V3_ERROR_FIELDS, V3_MESSAGES, V3_METHODS, V3_REMOVED_METHODS } from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { unwrap } from './lib/clients.js';
import { memberName, moduleBindings, propertyName, referencesOf } from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import { expression, isTypeScript } from './lib/snippets.js';
import type { Transform, TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

const MEMBER = new Set(['MemberExpression', 'OptionalMemberExpression']);
const V3_NAME = new RegExp(`\\b(?:${[...Object.keys(V3_METHODS), ...V3_REMOVED_METHODS].join('|')})\\b`);

/** Climb from an expression past parentheses and casts (`(await x)!`). */
function outer(path: ASTPath<Node>): ASTPath<Node> {
  let current = path;
  while (current.parent && unwrap(current.parent.node) !== current.parent.node) current = current.parent;
  return current;
}

/** `x.data` read on `path`'s value (the axios envelope's payload), as the member expression path. */
function dataRead(path: ASTPath<Node>): ASTPath<Node> | undefined {
  const at = outer(path);
  const parent = at.parent?.node as Node;
  return parent && MEMBER.has(parent.type) && parent.object === at.node && memberName(parent) === 'data' ? at.parent : undefined;
}

/** `console.log(x)` and friends. */
function isConsoleArgument(node: Node): boolean {
  const callee = node?.type === 'CallExpression' ? node.callee : undefined;
  return MEMBER.has(callee?.type) && callee.object.type === 'Identifier' && callee.object.name === 'console';
}

/** `{ responseType: 'stream' }`: the axios option v3 code streamed with. */
function isStreamOption(node: Node): boolean {
  const n = unwrap(node);
  return (
    n?.type === 'ObjectExpression' &&
    n.properties.length === 1 &&
    propertyName(n.properties[0].key) === 'responseType' &&
    unwrap(n.properties[0].value)?.value === 'stream'
  );
}

/** `X.createChatCompletion(...)` → `X.chat.completions.create(...)`, positional arguments → one request object. */
function mapCall(ctx: TransformContext, call: ASTPath<Node>, name: string): { streams: boolean } {
  const { j } = ctx;
  const node = call.node as Node;
  const method = V3_METHODS[name]!;
  let callee = unwrap(node.callee).object;
  for (const part of method.call.split('.')) callee = j.memberExpression(callee, j.identifier(part));
  node.callee = callee;
  const args = node.arguments as Node[];
  let streams = false;
  if (method.positional) {
    const count = method.positional.length;
    const properties = args.slice(0, count).flatMap((arg, i) => {
      if (arg.type === 'Identifier' && arg.name === 'undefined') return [];
      const key = method.positional![i]!;
      const property = j.objectProperty(j.identifier(key), arg) as Node;
      if (arg.type === 'Identifier' && arg.name === key) property.shorthand = true;
      return [property];
    });
    if (args.length > count) ctx.todo(call, V3_MESSAGES.axiosOptions);
    node.arguments = [j.objectExpression(properties), ...args.slice(count + 1)];
  } else {
    const options = args[1];
    if (options && isStreamOption(options)) {
      args.splice(1, 1);
      streams = true;
      const request = unwrap(args[0]);
      if (request?.type === 'ObjectExpression' && !request.properties.some((p: Node) => propertyName(p.key) === 'stream')) {
        request.properties.push(j.objectProperty(j.identifier('stream'), j.booleanLiteral(true)));
      }
    } else if (options) ctx.todo(call, V3_MESSAGES.axiosOptions);
    const request = unwrap(args[0]);
    streams ||= request?.type === 'ObjectExpression' && request.properties.some((p: Node) => propertyName(p.key) === 'stream' && unwrap(p.value)?.value === true);
  }
  if (name.includes('FineTune')) ctx.todo(call, V3_MESSAGES.fineTune);
  ctx.change(node, 'rename');
  return { streams };
}

/**
 * The axios envelope: `res.data.X` → `res.X`, `const { data } = await …` → `const data = await …`,
 * `(await …).data` → `await …`; openai-edge's `await res.json()` → `res`. Anything else gets a marker.
 */
function dropEnvelope(ctx: TransformContext, call: ASTPath<Node>, streams: boolean, optionalData: boolean): void {
  const { j } = ctx;
  const value = outer((call.parent.node as Node).type === 'AwaitExpression' ? call.parent : call);
  const envelope = (): void => ctx.todo(call, V3_MESSAGES.envelope);
  const direct = dataRead(value);
  if (direct) {
    if (streams) ctx.todo(call, V3_MESSAGES.manualStream);
    else assertData(ctx, direct.replace(value.node)[0], optionalData);
    return;
  }
  const unwrapped = payloadThen(value);
  if (unwrapped && !streams) {
    // `call.then((res) => res.json())` (openai-edge) or `.then((res) => res.data)` (axios): the call is the payload.
    unwrapped.replace(value.node);
    ctx.change(value.node, 'rename');
    return;
  }
  const parent = value.parent?.node as Node;
  if (parent?.type === 'VariableDeclarator' && parent.init === value.node) {
    if (parent.id.type === 'ObjectPattern') {
      const data = parent.id.properties.find((p: Node) => propertyName(p.key) === 'data');
      if (!data || parent.id.properties.length !== 1 || data.value.type !== 'Identifier' || streams) {
        ctx.todo(call, streams ? V3_MESSAGES.manualStream : V3_MESSAGES.envelope);
        return;
      }
      parent.id = data.value;
      ctx.change(parent, 'rename');
      return;
    }
    if (parent.id.type !== 'Identifier') return envelope();
    const refs = referencesOf(j, ctx.root, parent.id);
    for (const ref of refs) {
      const read = dataRead(ref);
      const refParent = outer(ref).parent?.node as Node;
      if (read && !streams) assertData(ctx, read.replace(ref.node)[0], optionalData);
      else if (read) ctx.todo(ref, V3_MESSAGES.manualStream);
      else if (MEMBER.has(refParent?.type) && memberName(refParent) === 'json' && outer(ref).parent.parent?.node.type === 'CallExpression') {
        // openai-edge: `await res.json()` is the payload, which the current call returns itself.
        const jsonCall = outer(ref).parent.parent;
        const awaited = jsonCall.parent?.node.type === 'AwaitExpression' ? jsonCall.parent : jsonCall;
        awaited.replace(ref.node);
      } else if (isConsoleArgument(refParent)) {
        // Logging the whole response logs the payload now: nothing to change.
      } else if (streams) ctx.todo(ref, V3_MESSAGES.edgeStream);
      else ctx.todo(ref, V3_MESSAGES.envelope);
    }
    return;
  }
  if (parent?.type === 'ExpressionStatement') return;
  ctx.todo(call, streams ? V3_MESSAGES.edgeStream : V3_MESSAGES.envelope);
}

/**
 * The `.then(cb)` call on `value` whose callback only takes the payload out of the response: `(res) => res.json()`
 * (openai-edge's fetch Response), `(res) => res.data` (axios), or a body that returns one of those.
 */
function payloadThen(value: ASTPath<Node>): ASTPath<Node> | undefined {
  const member = value.parent;
  const then = member?.parent;
  const node = member?.node as Node;
  if (!MEMBER.has(node?.type) || node.object !== value.node || memberName(node) !== 'then') return undefined;
  const call = then?.node as Node;
  const callback = call?.type === 'CallExpression' && call.callee === node && call.arguments.length === 1 ? call.arguments[0] : undefined;
  if (!/Function/.test(callback?.type ?? '') || callback.params.length !== 1 || callback.params[0].type !== 'Identifier') return undefined;
  let body = callback.body;
  if (body.type === 'BlockStatement') body = body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument : undefined;
  const read = body?.type === 'CallExpression' && body.arguments.length === 0 ? body.callee : body;
  const takes = (name: string): boolean =>
    MEMBER.has(read?.type) && !read.computed && read.object.type === 'Identifier' && read.object.name === callback.params[0].name && memberName(read) === name;
  return (read === body ? takes('data') : takes('json')) ? then : undefined;
}

/**
 * Image results type `data` as optional (v3 always had it): in TypeScript, `res.data[0]` after the envelope goes
 * becomes `res.data![0]` so the code keeps compiling under strict null checks, as it behaved before.
 */
function assertData(ctx: TransformContext, path: ASTPath<Node>, optionalData: boolean): void {
  if (!optionalData || !isTypeScript(ctx)) return;
  const data = outer(path).parent;
  const node = data?.node as Node;
  if (node?.type !== 'MemberExpression' || memberName(node) !== 'data') return;
  const next = data.parent?.node as Node;
  if (next?.type === 'MemberExpression' && next.object === node) data.replace(ctx.j.tsNonNullExpression(node));
}

/** How this file names `openai`'s APIError (`OpenAI.APIError`), when it imports the SDK. */
function apiErrorName(ctx: TransformContext): string | undefined {
  const binding = moduleBindings(ctx.j, ctx.root, OPENAI_SDK).find((b) => !b.typeOnly && ['default', 'OpenAI', '*'].includes(b.imported));
  return binding && `${binding.local}.APIError`;
}

/** In the `catch` of a try around the call: `e.response.status` → `e.status`, `e.response.data` → `e.error`, … */
function rewriteErrors(ctx: TransformContext, call: ASTPath<Node>, done: Set<Node>): void {
  const { j } = ctx;
  let path: ASTPath<Node> | null = call;
  while (path && !((path.node as Node).type === 'BlockStatement' && path.parent?.node.type === 'TryStatement' && path.parent.node.block === path.node)) {
    path = path.parent;
  }
  const handler = path?.parent.get('handler');
  const param = (handler?.node as Node)?.param;
  if (!handler || param?.type !== 'Identifier' || done.has(param)) return;
  done.add(param);
  const apiError = apiErrorName(ctx);
  for (const ref of referencesOf(j, ctx.root, param)) {
    const response = outer(ref).parent;
    if (!response || !MEMBER.has(response.node.type) || memberName(response.node) !== 'response' || (response.node as Node).object !== outer(ref).node) continue;
    const field = response.parent?.node as Node;
    const name = MEMBER.has(field?.type) && field.object === response.node ? memberName(field) : undefined;
    if (name && V3_ERROR_FIELDS[name]) {
      // `e.response.data.error` is the body's error object: APIError#error already is that.
      const inner = response.parent.parent?.node as Node;
      const bodyError = name === 'data' && MEMBER.has(inner?.type) && inner.object === field && memberName(inner) === 'error';
      const target = bodyError ? response.parent.parent : response.parent;
      target.replace(j.memberExpression(ref.node, j.identifier(V3_ERROR_FIELDS[name])));
      ctx.change(field, 'rename');
    } else if (apiError && isTest(response)) {
      response.replace(expression(ctx, `${param.name} instanceof ${apiError}`));
      ctx.change(response.node, 'rename');
    } else ctx.todo(response, V3_MESSAGES.errorResponse);
  }
}

/** `if (e.response)`, `e.response ? … : …`, `e.response && …`: a truthiness test. */
function isTest(path: ASTPath<Node>): boolean {
  const parent = path.parent?.node as Node;
  return (
    ((parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === path.node) ||
    (parent?.type === 'LogicalExpression' && parent.left === path.node)
  );
}

/**
 * openai v3 method calls on clients (now `new OpenAI`, see legacy-v3) become today's resource calls, the axios
 * envelope goes (`res.data.choices` → `res.choices`), axios errors become APIError reads, and
 * `{ responseType: 'stream' }` becomes `stream: true`. The runner re-parses afterwards so the model rewrite sees
 * `chat.completions.create`.
 */
export const legacyV3Calls: Transform = {
  name: 'legacy-v3-calls',
  normalizes: true,
  apply(ctx) {
    if (!V3_NAME.test(ctx.source)) return;
    const errors = new Set<Node>();
    // Every client legacy-v3 rewrote, whoever it talks to: the constructor is v4 now, so its calls must be too.
    for (const { path, member } of clientCalls(ctx, 'any')) {
      if (V3_REMOVED_METHODS.includes(member)) ctx.todo(path, V3_MESSAGES.removed);
      if (!V3_METHODS[member]) continue;
      const { streams } = mapCall(ctx, path, member);
      dropEnvelope(ctx, path, streams, V3_METHODS[member]!.call.startsWith('images.'));
      rewriteErrors(ctx, path, errors);
    }
  },
};

export default asJscodeshift(legacyV3Calls);
