import type { ASTPath } from 'jscodeshift';
import { deploymentFor, DEPLOYMENT_ENV_PREFIX } from '../../src/core/index.js';
import { expression, str } from './snippets.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

/** The expression a model literal in a deployment position becomes (contract "Deployments"); notes the env read. */
export function deploymentExpression(ctx: TransformContext, model: string): Node {
  const ref = deploymentFor(model, ctx.options.deployments);
  const uses = (ctx.outcome.deployments ??= []);
  if (!uses.some((u) => u.model === model)) {
    uses.push(ref.kind === 'name' ? { model, deployment: ref.name } : { model, env: ref.env });
  }
  if (ref.kind === 'name') return expression(ctx, str(ctx, ref.name));
  ctx.readsEnv(ref.env);
  return expression(ctx, `process.env.${ref.env} ?? ${str(ctx, ref.fallback)}`);
}

/** The name of the env variable `process.env.NAME` (or `import.meta.env.NAME`) reads, if the node is such a read. */
export function envRead(node: Node): string | undefined {
  if (node?.type !== 'MemberExpression') return undefined;
  const object = node.object;
  const root = object?.type === 'MemberExpression' && !object.computed && object.property.name === 'env' ? object.object : undefined;
  const isEnv = (root?.type === 'Identifier' && root.name === 'process') || root?.type === 'MetaProperty';
  if (!isEnv) return undefined;
  return node.computed ? node.property.value : node.property.name;
}

/**
 * Already a deployment reference: `process.env.<deployment env> ?? "…"`, either our generated form or a
 * configured `{ env }` deployment (a re-run must leave it alone).
 */
export function isDeploymentReference(ctx: TransformContext, node: Node): boolean {
  if (node?.type !== 'LogicalExpression' || node.operator !== '??') return false;
  const env = envRead(node.left);
  if (!env) return false;
  const configured = Object.values(ctx.options.deployments).some((d) => typeof d === 'object' && d.env === env);
  return configured || env.startsWith(DEPLOYMENT_ENV_PREFIX) || env.startsWith('AZURE_');
}

const WRAPPER_POSITIONS = 'openai-to-azure:wrapper-deployment-values';

/**
 * Deployment positions found by a wrapper family's transform (`azure(<model>)` for the AI SDK): model-deployments
 * rewrites them with the `model` values of the `openai` SDK, so a constant shared by both is decided once.
 */
export function addDeploymentValues(ctx: TransformContext, paths: readonly ASTPath<Node>[]): void {
  const list = (ctx.shared.get(WRAPPER_POSITIONS) as ASTPath<Node>[] | undefined) ?? [];
  list.push(...paths);
  ctx.shared.set(WRAPPER_POSITIONS, list);
}

export function wrapperDeploymentValues(ctx: TransformContext): readonly ASTPath<Node>[] {
  return (ctx.shared.get(WRAPPER_POSITIONS) as ASTPath<Node>[] | undefined) ?? [];
}
