import type { ASTPath } from 'jscodeshift';
import { LEGACY_CLIENTS, isAzureURL } from '../src/core/index.js';
import { declaratorOf, unwrap } from './lib/clients.js';
import { memberName, moduleBindings, resolveBinding, type ModuleBinding } from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform, TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

/** The package whose legacy client class a constructor callee names (`OpenAIApi`, `ns.OpenAIApi`), if any. */
function legacyPackage(bindings: Map<ModuleBinding, string>, calleePath: ASTPath<Node>): string | undefined {
  const callee = unwrap(calleePath.node as Node);
  const all = [...bindings.keys()];
  let binding: ModuleBinding | undefined;
  let name: string | undefined;
  if (callee.type === 'Identifier') {
    binding = resolveBinding(calleePath, all);
    name = binding?.imported;
  } else if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
    binding = resolveBinding(calleePath.get('object'), all);
    name = binding?.imported === '*' ? memberName(callee) : undefined;
  }
  const source = binding && !binding.typeOnly ? bindings.get(binding) : undefined;
  return source && name && LEGACY_CLIENTS[source]!.exports.includes(name) ? source : undefined;
}

/** The expression a value is, looking through wrappers and a same-file `const`. */
function resolved(path: ASTPath<Node>): ASTPath<Node> {
  let current = path;
  while (current.node && unwrap(current.node) !== current.node) current = current.get('expression');
  const declarator = (current.node as Node)?.type === 'Identifier' ? declaratorOf(current) : undefined;
  return declarator && (declarator.parent.node as Node).kind === 'const' && (declarator.node as Node).init ? resolved(declarator.get('init')) : current;
}

/** Already on Azure by hand (a v3 `basePath` on an Azure host or `/openai/deployments/…`): not ours to flag. */
function isAzureConfiguration(ctx: TransformContext, construction: ASTPath<Node>): boolean {
  if (((construction.node as Node).arguments as Node[]).length === 0) return false;
  let config = resolved(construction.get('arguments', 0));
  const node = config.node as Node;
  if (node.type === 'NewExpression' && node.arguments.length > 0) config = resolved(config.get('arguments', 0));
  const { start, end } = config.node as Node;
  return isAzureURL(ctx.source.slice(start, end));
}

/**
 * openai v3-style clients (`new OpenAIApi(new Configuration(…))` from `openai` v3 or `openai-edge`): the codemod does
 * not rewrite that API, so each construction gets a marker rather than being left silently.
 */
export const legacyV3: Transform = {
  name: 'legacy-v3',
  apply(ctx) {
    const { j, root } = ctx;
    // Only files that name one of the legacy packages can import it.
    if (!Object.keys(LEGACY_CLIENTS).some((source) => ctx.source.includes(source))) return;
    const bindings = new Map<ModuleBinding, string>();
    for (const source of Object.keys(LEGACY_CLIENTS)) for (const b of moduleBindings(j, root, source)) bindings.set(b, source);
    if (bindings.size === 0) return;
    ctx.index.find('NewExpression').forEach((path) => {
      const source = legacyPackage(bindings, path.get('callee'));
      if (source && !isAzureConfiguration(ctx, path)) ctx.todo(path, LEGACY_CLIENTS[source]!.message);
    });
  },
};

export default asJscodeshift(legacyV3);
