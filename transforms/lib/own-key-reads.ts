import type { ASTPath } from 'jscodeshift';
import { AZURE_ENV, isOpenAIEnvName, namesOpenAIKeyFormat, ownKeyReadMessage } from '../../src/core/index.js';
import { envReadAt, optionsObject, type Construction } from './clients.js';
import { envCode, envRead } from './deployment-ref.js';
import { memberName, propertyName } from './imports.js';
import { literalValue } from './literals.js';
import { expression } from './snippets.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/**
 * The file's other reads of a key the clients being migrated read under a name of the project's own (`apiKey:
 * process.env.OPEN_AI_KEY`; `OPENAI_*` names are env-reads' to rename): once migrated, the clients read
 * AZURE_OPENAI_API_KEY. Found before the first change (the file index then describes the file as it was).
 */
export function ownKeyReads(ctx: TransformContext, targets: readonly Construction[]): { path: ASTPath<Node>; name: string }[] {
  const names = new Set<string>();
  const given: Node[] = [];
  for (const { path } of targets) {
    const object = path.get('arguments', 0).node ? optionsObject(path.get('arguments', 0)) : undefined;
    object?.get('properties').each((prop: ASTPath<Node>) => {
      const node = prop.node as Node;
      if (node.type !== 'ObjectProperty' || node.computed || propertyName(node.key) !== 'apiKey') return;
      const name = envReadAt(prop.get('value'));
      if (name === undefined || isOpenAIEnvName(name) || name.startsWith('AZURE_')) return;
      names.add(name);
      given.push(node.value);
    });
  }
  if (names.size === 0) return [];
  const reads = (type: string) => ctx.index.find(type, (n) => names.has(envRead(n) ?? '') && !given.some((g) => g === n || ctx.index.isWithin(n, g)));
  return [...reads('MemberExpression'), ...reads('CallExpression')].map((path) => ({ path, name: envRead(path.node)! }));
}

/**
 * Checks on the key (`if (!process.env.OPEN_AI_KEY) throw …`) read the Azure key now, when all the file's other reads
 * of it are such checks; otherwise the name serves something else too (another vendor's client, a request), and each
 * read gets a marker instead.
 */
export function settleOwnKeyReads(ctx: TransformContext, reads: readonly { path: ASTPath<Node>; name: string }[]): void {
  const checks = reads.every(({ path }) => isKeyCheck(ctx, path.node));
  for (const { path, name } of reads) {
    if (!checks) {
      ctx.todo(path, ownKeyReadMessage(name));
      continue;
    }
    ctx.change(path.node, 'rename');
    path.replace(expression(ctx, envCode(ctx, AZURE_ENV.apiKey)));
    ctx.readsEnv(AZURE_ENV.apiKey);
  }
}

/** Whether a read is only tested for being set: through `!` and `&&`/`||` up to a condition's test. */
function isKeyCheck(ctx: TransformContext, read: Node): boolean {
  let node = read;
  let parent = ctx.index.parentOf(node) as Node;
  while ((parent?.type === 'UnaryExpression' && parent.operator === '!') || (parent?.type === 'LogicalExpression' && parent.operator !== '??')) {
    node = parent;
    parent = ctx.index.parentOf(node);
  }
  return CONDITIONS.has(parent?.type) && parent.test === node;
}

const CONDITIONS = new Set(['IfStatement', 'ConditionalExpression', 'WhileStatement']);

/**
 * Whether a use of the key checks it for OpenAI's format: the call on it or with it (`key.startsWith('sk-')`,
 * `/^sk-/.test(key)`), or the comparison of that call's result (`key.slice(0, 3) === 'sk-'`), holds a literal that
 * spells the format. Such a check fails on an Azure key.
 */
export function isKeyFormatCheck(use: ASTPath<Node>): boolean {
  const on = use.parent?.node as Node;
  const call = memberName(on) !== undefined && on.object === use.node ? use.parent.parent : use.parent;
  const node = call?.node as Node;
  if (node?.type !== 'CallExpression' && node?.type !== 'OptionalCallExpression') return false;
  if (node.callee !== on && !node.arguments.includes(use.node)) return false;
  const compared = call.parent?.node as Node;
  const literals = [...node.arguments, node.callee.object, ...(compared?.type === 'BinaryExpression' ? [compared.left, compared.right] : [])];
  return literals.some((n: Node) => namesOpenAIKeyFormat(n?.type === 'RegExpLiteral' ? n.pattern : (literalValue(n) ?? '')));
}
