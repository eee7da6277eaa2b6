import type { ASTPath } from 'jscodeshift';
import { deploymentFor, DEPLOYMENT_ENV_PREFIX, ENV_GETTER, ENV_OBJECTS, readsEnvLikeDeno, readsEnvLikeVite } from '../../src/core/index.js';
import { literalValue } from './literals.js';
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
  return expression(ctx, `${envCode(ctx, ref.env)} ?? ${str(ctx, ref.fallback)}`);
}

const ENV_STYLE = 'openai-to-azure:env-style';

/**
 * Code reading the environment variable `name` as the file reads its environment: `process.env.NAME`,
 * `Deno.env.get('NAME')` (core `readsEnvLikeDeno`) or `import.meta.env.NAME` (core `readsEnvLikeVite`).
 */
export function envCode(ctx: TransformContext, name: string): string {
  // Asked once per file: a file writes many reads (one per model literal), each a scan of the whole text otherwise.
  let style = ctx.shared.get(ENV_STYLE) as 'deno' | 'vite' | 'node' | undefined;
  if (style === undefined) ctx.shared.set(ENV_STYLE, (style = readsEnvLikeDeno(ctx.source) ? 'deno' : readsEnvLikeVite(ctx.source) ? 'vite' : 'node'));
  if (style === 'deno') return `${ENV_GETTER.object}.${ENV_GETTER.member}.${ENV_GETTER.method}(${str(ctx, name)})`;
  return style === 'vite' ? `import.meta.env.${name}` : `process.env.${name}`;
}

/** `process`, `Bun`, `import.meta`: the name of an env object's owner (core ENV_OBJECTS). */
function ownerName(node: Node): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  return node?.type === 'MetaProperty' ? `${node.meta.name}.${node.property.name}` : undefined;
}

/** `X.env` for an owner X in core's ENV_OBJECTS (`process.env`, `import.meta.env`, `Bun.env`). */
export function isEnvObjectNode(node: Node): boolean {
  // `Deno.env.toObject()`: every variable, as an object.
  if (node?.type === 'CallExpression') return node.arguments.length === 0 && isDenoEnvMethod(node.callee, ENV_GETTER.all);
  if (node?.type !== 'MemberExpression' || node.computed) return false;
  const owner = ownerName(node.object);
  return ENV_OBJECTS.some((e) => e.object === owner && e.member === node.property.name);
}

/** `Deno.env.get` (core ENV_GETTER), as a callee. */
export function isEnvGetter(callee: Node): boolean {
  return isDenoEnvMethod(callee, ENV_GETTER.method);
}

/** `Deno.env.<method>`, as a callee. */
function isDenoEnvMethod(callee: Node, method: string): boolean {
  const env = callee?.type === 'MemberExpression' && !callee.computed && callee.property.name === method ? callee.object : undefined;
  return env?.type === 'MemberExpression' && !env.computed && env.property.name === ENV_GETTER.member && ownerName(env.object) === ENV_GETTER.object;
}

/** The env variable a node reads (`process.env.NAME`, `import.meta.env.NAME`, `Bun.env.NAME`, `Deno.env.get('NAME')`). */
export function envRead(node: Node): string | undefined {
  if (node?.type === 'CallExpression') return isEnvGetter(node.callee) && node.arguments.length === 1 ? literalValue(node.arguments[0]) : undefined;
  if (node?.type !== 'MemberExpression' || !isEnvObjectNode(node.object)) return undefined;
  return node.computed ? literalValue(node.property) : node.property.name;
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
