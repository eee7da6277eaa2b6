import type { ASTPath } from 'jscodeshift';
import { fileClients, isClientExpression, unwrap, type FileClients, type Reach } from './clients.js';
import { memberName, propertyName } from './imports.js';
import { declarationAt } from './file-index.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** A call on a client, with its member path after the client (`chat.completions.create`). */
export interface ClientCall {
  path: ASTPath<Node>;
  member: string;
  /** Made through a binding or factory that may hold another service's client too (`FileClients.shared`). */
  shared?: true;
}

const KEY = 'openai-to-azure:calls';

const MEMBER = new Set(['MemberExpression', 'OptionalMemberExpression']);
const SKIP = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression']);

/** Walk `a.b.c` down to its base: the base path and the member names after it; undefined on a dynamic member. */
function memberChain(path: ASTPath<Node>): { base: ASTPath<Node>; names: string[] } | undefined {
  const names: string[] = [];
  let current = path;
  for (;;) {
    const node = current.node as Node;
    if (SKIP.has(node.type)) {
      current = current.get('expression');
    } else if (MEMBER.has(node.type)) {
      const name = memberName(node);
      if (name === undefined) return undefined;
      names.unshift(name);
      current = current.get('object');
    } else {
      return { base: current, names };
    }
  }
}

/** The member path a client-rooted expression reaches (`client.chat` → `chat`), or undefined when not a client. */
function clientMember(ctx: TransformContext, clients: FileClients, aliases: Map<Node, string>, path: ASTPath<Node>): string[] | undefined {
  const chain = memberChain(path);
  if (!chain) return undefined;
  const { base, names } = chain;
  const node = base.node as Node;
  if (node.type === 'ThisExpression' && names.length > 0) {
    const first = base.parent as ASTPath<Node>;
    return isClientExpression(ctx, first, clients) ? names.slice(1) : undefined;
  }
  if (isClientExpression(ctx, base, clients)) return names;
  if (node.type === 'Identifier') {
    const declared = declarationAt(base);
    const prefix = declared && aliases.get(declared.id);
    if (prefix !== undefined) return [...prefix.split('.'), ...names];
  }
  return undefined;
}

/**
 * Whether an expression's member chain may start at a client, on the plain node (a superset of what `clientMember`
 * accepts): only such expressions get a NodePath.
 */
function mayReachClient(ctx: TransformContext, clients: FileClients, aliases: Map<Node, string>, expression: Node): boolean {
  let node = expression;
  while (node && (SKIP.has(node.type) || MEMBER.has(node.type))) node = SKIP.has(node.type) ? node.expression : node.object;
  switch (node?.type) {
    case 'ThisExpression':
    case 'NewExpression':
      return true;
    case 'AwaitExpression':
      return mayReachClient(ctx, clients, aliases, node.argument);
    case 'CallExpression':
      return node.callee.type === 'Identifier';
    case 'Identifier': {
      if (ctx.facts.clientBindings.includes(node.name)) return true;
      const declared = ctx.index.resolve(node);
      return !!declared && (clients.ids.has(declared.id) || clients.factories.has(declared.id) || aliases.has(declared.id));
    }
    default:
      return false;
  }
}

/**
 * Resource objects handed out from a client (`const completions = client.chat.completions`,
 * `const { chat } = client`): declaring identifier → member path.
 */
function resourceAliases(ctx: TransformContext, clients: FileClients): Map<Node, string> {
  const aliases = new Map<Node, string>();
  ctx.index.find('VariableDeclarator', (n) => n.init && mayReachClient(ctx, clients, aliases, n.init)).forEach((path) => {
    const { id, init } = path.node as Node;
    if (!init) return;
    const member = clientMember(ctx, clients, aliases, path.get('init'));
    if (!member) return;
    if (id.type === 'Identifier' && member.length > 0) aliases.set(id, member.join('.'));
    if (id.type === 'ObjectPattern') {
      for (const p of id.properties) {
        const key = propertyName(p.key);
        if (key && p.value?.type === 'Identifier') aliases.set(p.value, [...member, key].join('.'));
      }
    }
  });
  return aliases;
}

/** Every call on a client of this reach (direct-OpenAI ones by default) in this file, computed once on the original tree. */
export function clientCalls(ctx: TransformContext, reach: Reach = 'direct'): ClientCall[] {
  const key = `${KEY}:${reach}`;
  const cached = ctx.shared.get(key) as ClientCall[] | undefined;
  if (cached) return cached;
  const calls: ClientCall[] = [];
  ctx.shared.set(key, calls);
  const clients = fileClients(ctx, reach);
  if (clients.constructions.length === 0 && clients.sdk.length === 0 && ctx.facts.clientBindings.length === 0) return calls;
  const aliases = resourceAliases(ctx, clients);
  const onClient = (n: Node): boolean => mayReachClient(ctx, clients, aliases, n.callee);
  const plainCall = (n: Node): boolean => n.type === 'CallExpression' && MEMBER.has(unwrap(n.callee).type) && onClient(n);
  const add = (path: ASTPath<Node>): void => {
    const member = clientMember(ctx, clients, aliases, path.get('callee'));
    if (!member || member.length === 0) return;
    calls.push(sharedRoot(ctx, clients, (path.node as Node).callee) ? { path, member: member.join('.'), shared: true } : { path, member: member.join('.') });
  };
  ctx.index.find('CallExpression', plainCall).forEach(add);
  ctx.index.find('OptionalCallExpression', onClient).forEach(add);
  return calls;
}

/** Whether a call's member chain starts at a binding or factory the file shares with another service's client. */
function sharedRoot(ctx: TransformContext, clients: FileClients, callee: Node): boolean {
  if (clients.shared.size === 0) return false;
  let node = callee;
  while (node && (SKIP.has(node.type) || MEMBER.has(node.type))) node = SKIP.has(node.type) ? node.expression : node.object;
  if (node?.type === 'AwaitExpression') node = unwrap(node.argument);
  if (node?.type === 'CallExpression') node = node.callee;
  const declared = node?.type === 'Identifier' ? ctx.index.resolve(node) : undefined;
  return !!declared && clients.shared.has(declared.id);
}
