import type { ASTPath } from 'jscodeshift';
import {
  DEPLOYMENT_MODEL_PATHS,
  MODEL_CHECK_MESSAGE,
  REALTIME_AZURE,
  REALTIME_CLASSIC_MESSAGE,
  isDeploymentCall,
  isModelName,
  isProviderPrefixedModel,
} from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { declaratorOf, envReadAt, thisField, unwrap, unwrapPath } from './lib/clients.js';
import { deploymentExpression, isDeploymentReference, wrapperDeploymentValues } from './lib/deployment-ref.js';
import { indexFor } from './lib/file-index.js';
import { propertyName, referencesOf } from './lib/imports.js';
import { literalValue, objectLiteral, propertyPath } from './lib/literals.js';
import { modelChecks } from './lib/model-checks.js';
import { realtimeConnects } from './lib/realtime.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform, TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

export const NOT_A_DEPLOYMENT = 'this model value must be an Azure deployment name; map the model to a deployment';
/** For a call made through a client that is another service's on some path: the model goes to both. */
export const SHARED_CLIENT_MODEL =
  "this client is another service's on some path (a construction with its own baseURL), so this model goes to both: Azure needs a deployment name here, the other service its own model name; choose the model per client";
const FINE_TUNED = 'fine-tuned model ids do not exist on Azure: deploy the fine-tuned model and use its deployment name';

/**
 * The model property of a deployment call: in its first object argument (runs take `(threadId, params)`), at
 * `model` or where DEPLOYMENT_MODEL_PATHS says. `spread` when the object lacks it but spreads another object
 * (`create({ ...params })`): the model comes from there.
 */
function modelProperty(call: ASTPath<Node>, member: string): ASTPath<Node> | 'spread' | undefined {
  const count = ((call.node as Node).arguments as Node[]).length;
  let object: ASTPath<Node> | undefined;
  for (let i = 0; i < count && !object; i++) object = objectLiteral(call.get('arguments', i));
  let property: ASTPath<Node> | undefined;
  for (const key of DEPLOYMENT_MODEL_PATHS[member] ?? ['model']) {
    if (!object) return undefined;
    property = propertyPath(object, key);
    if (!property) return ((object.node as Node).properties as Node[]).some((p) => p.type === 'SpreadElement') ? 'spread' : undefined;
    object = objectLiteral(property.get('value'));
  }
  return property;
}

/**
 * `{ model: 'gpt-4.1', ...body }`: a spread after the property may set the model the request sends, unless it is a
 * parameter whose written type has no `model` (`extra: { temperature?: number }`).
 */
function spreadAfter(property: ASTPath<Node>): boolean {
  const properties = ((property.parent?.node as Node)?.properties ?? []) as Node[];
  return properties.slice(properties.indexOf(property.node) + 1).some((p) => p.type === 'SpreadElement' && !typedWithoutModel(property, p.argument));
}

function typedWithoutModel(from: ASTPath<Node>, value: Node): boolean {
  if (value.type !== 'Identifier') return false;
  for (let path: ASTPath<Node> | null = from; path; path = path.parent) {
    const param = ((path.node as Node).params as Node[] | undefined)?.find((p) => p.type === 'Identifier' && p.name === value.name);
    const type = param?.typeAnnotation?.typeAnnotation;
    if (param) return type?.type === 'TSTypeLiteral' && !type.members.some((m: Node) => propertyName(m.key ?? {}) === 'model');
  }
  return false;
}

/** Constants the project index says to rewrite that this file declares (a config module with no calls of its own). */
function rewriteListedConstants(state: Rewrite): void {
  const { ctx } = state;
  if (ctx.facts.rewriteConstants.length === 0) return;
  const listed = (n: Node): boolean => n.id.type === 'Identifier' && ctx.facts.rewriteConstants.includes(n.id.name);
  ctx.index.find('VariableDeclarator', listed).forEach((path) => {
    const id = (path.node as Node).id;
    const holder = path.parent.parent.node.type;
    const topLevel = holder === 'Program' || holder === 'ExportNamedDeclaration';
    if (topLevel && id.type === 'Identifier' && ctx.facts.rewriteConstants.includes(id.name)) rewriteConstant(state, path.get('id'));
  });
}

/** State of one file's model rewrite. */
interface Rewrite {
  ctx: TransformContext;
  /** Model value nodes in deployment positions (a constant qualifies when all its uses are among them). */
  positions: Set<Node>;
  rewrittenConstants: Set<Node>;
  /**
   * Reads of a same-file `const` or of a class field with one value: the path of the declaration or value, where a
   * marker about them goes (once, however many calls read it).
   */
  valueSites: Map<Node, ASTPath<Node>>;
}

function isExported(declarator: ASTPath<Node>): boolean {
  return declarator.parent?.parent?.node.type === 'ExportNamedDeclaration';
}

/** `as const` applies to literals only: it goes with the literal. Other casts (`as Params["model"]`) stay. */
function isConstAssertion(node: Node): boolean {
  return node?.type === 'TSAsExpression' && node.typeAnnotation?.type === 'TSTypeReference' && node.typeAnnotation.typeName?.name === 'const';
}

/** The path to replace for a model literal: the literal itself inside casts and parentheses, `as const` included. */
function literalPath(path: ASTPath<Node>): ASTPath<Node> {
  let inner = path;
  while (unwrap(inner.node) !== inner.node && !isConstAssertion(inner.node)) inner = inner.get('expression');
  return inner;
}

/** Rewrite the model-literal leaves under `path` (literal, `a || "m"`, `c ? "a" : "b"`); true when some leaf is not. */
function rewriteLeaves(state: Rewrite, path: ASTPath<Node>): boolean {
  const { ctx } = state;
  // Recurse on the unwrapped path with its node; the literal case keeps `path` so a cast stays around the reference.
  const inner = unwrapPath(path);
  const node = inner.node as Node;
  if (isDeploymentReference(ctx, node)) return false;
  const literal = literalValue(node);
  if (literal !== undefined) {
    if (isModelName(literal)) {
      const target = literalPath(path);
      const reference = deploymentExpression(ctx, literal);
      // Inside a cast the reference keeps its own parentheses: `(env ?? "m") as T`, not `env ?? ("m" as T)`.
      target.replace(target === path || isConstAssertion(target.node) ? reference : ctx.j.parenthesizedExpression(reference));
      ctx.change(node, 'deployment');
      return false;
    }
    if (literal.startsWith('ft:')) {
      ctx.todo(path, FINE_TUNED);
      return false;
    }
    // A name OpenAI answered to that is no model this tool knows (a newer model, a snapshot it does not list): the
    // request now names a deployment with it, so it gets the caller's marker.
    return true;
  }
  if (node.type === 'LogicalExpression') return [rewriteLeaves(state, inner.get('left')), rewriteLeaves(state, inner.get('right'))].some(Boolean);
  if (node.type === 'ConditionalExpression') {
    return [rewriteLeaves(state, inner.get('consequent')), rewriteLeaves(state, inner.get('alternate'))].some(Boolean);
  }
  if (envReadAt(inner)?.startsWith('AZURE_')) return false;
  if (node.type === 'Identifier') return !rewriteConstant(state, inner);
  if (node.type === 'MemberExpression') return !rewriteField(state, inner);
  return true;
}

/**
 * A class field used as `model` (`this.model = 'whisper-1'` in the constructor): its one value is rewritten when
 * every other read of it in the class is a deployment position too; true when handled.
 */
function rewriteField(state: Rewrite, path: ASTPath<Node>): boolean {
  const { ctx } = state;
  const field = thisField(path);
  if (!field) return false;
  // Asked before any rewrite here: after one, the path would cost a new file index.
  const valuePath = indexFor(path).pathOf(field.value);
  state.valueSites.set(path.node, valuePath);
  if (!field.reads.every((read) => state.positions.has(read))) return false;
  if (state.rewrittenConstants.has(field.value) || isDeploymentReference(ctx, unwrap(field.value))) return true;
  state.rewrittenConstants.add(field.value);
  if (rewriteLeaves(state, valuePath)) return false;
  ctx.change(field.value, 'constant');
  return true;
}

/** A model constant used as `model`: rewrite its initializer when that is safe; true when handled. */
function rewriteConstant(state: Rewrite, path: ASTPath<Node>): boolean {
  const { ctx } = state;
  const name = (path.node as Node).name as string;
  const declarator = declaratorOf(path);
  // The project index speaks for constants declared in other files; one declared here is rewritten here, even when
  // the index says `rewritten` (that verdict is about its declaration, which is this file's to change).
  if (!declarator) return ctx.facts.modelConstants[name] === 'rewritten';
  if ((declarator.parent.node as Node).kind !== 'const') return false;
  state.valueSites.set(path.node, declarator);
  const id = (declarator.node as Node).id;
  if (state.rewrittenConstants.has(id)) return true;
  const init = unwrap((declarator.node as Node).init);
  if (isDeploymentReference(ctx, init)) return true;
  const allowed =
    ctx.facts.rewriteConstants.includes(name) ||
    (!isExported(declarator) && referencesOf(ctx.j, ctx.root, id).every((ref) => state.positions.has(ref.node)));
  if (!allowed) return false;
  state.rewrittenConstants.add(id);
  const initPath = declarator.get('init');
  if (rewriteLeaves(state, initPath)) return false;
  ctx.change(declarator.node, 'constant');
  return true;
}

/**
 * Model names in deployment positions (the `model` of a deployment-scoped call on a direct-OpenAI client) become
 * deployment references; values it cannot resolve (a model spread in from elsewhere included), and model-name checks
 * on them, get a marker.
 */
export const modelDeployments: Transform = {
  name: 'model-deployments',
  apply(ctx) {
    const realtime = realtimeConnects(ctx);
    const deploymentCalls = clientCalls(ctx).filter((c) => isDeploymentCall(c.member));
    for (const call of deploymentCalls) if (call.shared && modelProperty(call.path, call.member) !== undefined) ctx.todo(call.path, SHARED_CLIENT_MODEL);
    const calls = [
      ...deploymentCalls
        .filter((c) => !c.shared)
        .map((c) => ({ path: c.path, property: modelProperty(c.path, c.member) })),
      ...realtime.map((path) => ({ path, property: modelProperty(path, 'realtime') })),
    ];
    for (const call of calls) if (call.property === 'spread' || (call.property && spreadAfter(call.property))) ctx.todo(call.path, NOT_A_DEPLOYMENT);
    const properties = calls.map((c) => c.property).filter((p): p is ASTPath<Node> => p !== undefined && p !== 'spread');
    rewriteModelProperties(ctx, properties, NOT_A_DEPLOYMENT, wrapperDeploymentValues(ctx));
    if (ctx.options.target === 'classic') for (const call of realtime) if (!connectsToAzure(ctx, call)) ctx.todo(call, REALTIME_CLASSIC_MESSAGE);
  },
};

/**
 * On the classic target a realtime connection to an Azure client is `X.azure(client, { deploymentName })`:
 * `X.create(client, { model, … })` with its options written out becomes that (`model` was made a deployment
 * reference). False when the options are not a literal with `model` (a spread may set it): the caller marks it.
 */
function connectsToAzure(ctx: TransformContext, call: ASTPath<Node>): boolean {
  const options = unwrap((call.node as Node).arguments[1]);
  if (options?.type !== 'ObjectExpression' || options.properties.some((p: Node) => p.type === 'SpreadElement')) return false;
  const model = options.properties.find((p: Node) => !p.computed && propertyName(p.key) === 'model');
  if (!model) return false;
  model.key = ctx.j.identifier(REALTIME_AZURE.deploymentOption);
  model.shorthand = false;
  (call.node as Node).callee.property = ctx.j.identifier(REALTIME_AZURE.factory);
  ctx.change(call.node, 'client');
  return true;
}

/**
 * Rewrite `model` properties in deployment positions (any SDK family's): literals and the same-file constants they
 * name become deployment references; what cannot be resolved, and model-name checks on them, get a marker.
 */
export function rewriteModelProperties(
  ctx: TransformContext,
  properties: readonly ASTPath<Node>[],
  notADeployment = NOT_A_DEPLOYMENT,
  values: readonly ASTPath<Node>[] = [],
): void {
  // Model-name checks on a variable that feeds a deployment position break once it holds a deployment name.
  for (const value of [...properties.map((p) => p.get('value')), ...values]) {
    for (const check of modelChecks(ctx, unwrapPath(value))) ctx.todo(check, MODEL_CHECK_MESSAGE);
  }
  const positions = new Set([...properties.map((p) => unwrap((p.node as Node).value)), ...values.map((v) => unwrap(v.node))]);
  const state: Rewrite = { ctx, positions, rewrittenConstants: new Set(), valueSites: new Map() };
  // A value read from a constant or a class field is marked where it gets its value: one marker for all its readers.
  const markAt = (path: ASTPath<Node>, value: Node): ASTPath<Node> => state.valueSites.get(unwrap(value)) ?? path;
  rewriteListedConstants(state);
  for (const value of values) {
    if (isProviderPrefixedModel(literalValue(unwrap(value.node)) ?? '')) continue;
    if (rewriteLeaves(state, value)) ctx.todo(markAt(value, value.node), notADeployment);
  }
  for (const property of properties) {
    const node = property.node as Node;
    if (isProviderPrefixedModel(literalValue(unwrap(node.value)) ?? '')) continue;
    if (node.shorthand && rewriteConstant(state, property.get('value'))) continue;
    if (node.shorthand) {
      ctx.todo(markAt(property, node.value), notADeployment);
      continue;
    }
    if (rewriteLeaves(state, property.get('value'))) ctx.todo(markAt(property, node.value), notADeployment);
  }
}

export default asJscodeshift(modelDeployments);
