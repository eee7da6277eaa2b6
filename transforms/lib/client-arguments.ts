import type { ASTPath } from 'jscodeshift';
import { AZURE_PACKAGES, DIRECT_OPENAI_WRAPPERS, LEGACY_CLIENTS, OPENAI_SDK } from '../../src/core/index.js';
import { unwrap } from './clients.js';
import { moduleBindings, resolveBinding, type ModuleBinding } from './imports.js';
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
export function insideClientArguments(ctx: TransformContext, path: ASTPath<Node>): boolean {
  const set = owners(ctx);
  if (set.size === 0) return false;
  for (let p: ASTPath<Node> | null = path; p?.parent; p = p.parent) {
    // An argument's own path is an index whose parent path is the `arguments` array.
    if (set.has(p.parent.node) && (p as Node).parentPath?.name === 'arguments') return true;
  }
  return false;
}
