import type { ASTPath } from 'jscodeshift';
import {
  AZURE_CLIENT_EXPORTS,
  AZURE_CLIENT_SINCE,
  besideAzureMessage,
  baseURLFromCodeMessage,
  ENTRA_CLIENT_PROPERTIES,
  MOCKED_SDK_MESSAGE,
  OPENAI_SDK,
  PREVIEW_API_VERSION,
  isPreviewModel,
  needsPreviewApiVersion,
  oldPinMessage,
  pinnedBelow,
  previewModelNote,
} from '../src/core/index.js';
import { clientCalls } from './lib/calls.js';
import { clientSideMessage } from './lib/client-side.js';
import { migrateOptions } from './lib/client-options.js';
import { constInit, fileClients, isClientExpression, mockProvides, thisField, unwrapPath, type Construction } from './lib/clients.js';
import { invalidateIndex, type FileIndex } from './lib/file-index.js';
import { addNamedExport, blockOf, memberName, referencesTo, removeBinding, specifierOf, visibleBeside, type ModuleBinding } from './lib/imports.js';
import { objectLiteral, possibleLiterals, propertyPath } from './lib/literals.js';
import { retypeClientOptions } from './lib/options-type.js';
import { ownKeyReads, settleOwnKeyReads } from './lib/own-key-reads.js';
import { movedByAgents, responsesModels } from './agents-sdk.js';
import { asJscodeshift } from './lib/run.js';
import { ensureTokenProvider } from './lib/token-provider.js';
import type { Transform, TransformContext } from './lib/types.js';
import { modelDeployments } from './model-deployments.js';

type Node = any; // Babel AST via recast.

const AZURE_CLASS = AZURE_CLIENT_EXPORTS[0]!;

/** How a file's Azure client is made, for the marker on an OpenAI client beside it. */
function azureClientOf(constructions: readonly Construction[]): string {
  return constructions.some((c) => c.azureClass) ? 'an AzureOpenAI client' : 'an OpenAI client on an Azure OpenAI URL';
}

/** The classic target's api-version for this file: the user's, else a preview one when a call needs it. */
function apiVersionFor(ctx: TransformContext): string {
  const { apiVersion, apiVersionExplicit, target } = ctx.options;
  if (target !== 'classic' || apiVersionExplicit) return apiVersion;
  // Calls in this file, then those other files make on a client constructed here (the project index's facts).
  const calls = clientCalls(ctx);
  const preview = [
    ...new Set([...calls.map((c) => c.member).filter(needsPreviewApiVersion), ...(ctx.facts.previewCalls ?? []), ...responsesModels(ctx)]),
  ];
  const previewModels = [...new Set(calls.flatMap((c) => literalModels(ctx, c.path)).filter(isPreviewModel))];
  if (preview.length === 0 && previewModels.length === 0) return apiVersion;
  if (preview.length > 0) {
    ctx.outcome.notes.push(
      `uses preview api-version ${PREVIEW_API_VERSION}: ${preview.join(', ')} ${preview.length === 1 ? 'is' : 'are'} not in the dated GA api-version ${apiVersion} (or migrate with --target v1)`,
    );
  } else ctx.outcome.notes.push(previewModelNote(previewModels, apiVersion));
  return PREVIEW_API_VERSION;
}

/**
 * The models a call's options may name (`create({ model: 'o3-mini', … })`, `model: env.M ?? 'o3-mini'`), also through
 * a same-file constant (`model: REASONER`, or the options themselves: `const params = { model: 'o3-mini' }`), a class
 * field (`model: this.modelId`), or the model name an imported constant holds (facts `modelValues`).
 */
function literalModels(ctx: TransformContext, call: ASTPath<Node>): string[] {
  if (((call.node as Node).arguments?.length ?? 0) === 0) return [];
  const options = objectLiteral(call.get('arguments', 0));
  const model = options && propertyPath(options, 'model');
  if (!model) return [];
  const valuePath = unwrapPath(model.get('value'));
  const value = valuePath.node as Node;
  if (value?.type === 'MemberExpression') {
    const field = thisField(valuePath);
    return field ? possibleLiterals(field.value) : [];
  }
  if (value?.type !== 'Identifier') return possibleLiterals(value);
  const imported = ctx.facts.modelValues?.[value.name];
  if (imported !== undefined) return [imported];
  const init = constInit(valuePath);
  return init ? possibleLiterals(init) : [];
}

/** The top-level statement holding a path. */
function topLevelStatement(path: ASTPath<Node>): Node {
  let current = path;
  while (current.parent && current.parent.node.type !== 'Program') current = current.parent;
  return current.node;
}

/**
 * The classic renames of one run: the file's `openai` bindings as they were before the first change (asked later,
 * each question would rebuild the file index the change invalidated), the `AzureOpenAI` names the renames added by
 * the block they were added in, and the callee nodes the renames replaced.
 */
interface Renames {
  had: readonly ModuleBinding[];
  added: Map<Node, string>;
  callees: Set<Node>;
}

/**
 * The name `AzureOpenAI` has where `binding` is seen (`visibleBeside`: a module-level import serves the whole file, a
 * `require` inside a function that function only), added beside `binding` when it has none there yet.
 */
function azureName(ctx: TransformContext, binding: ModuleBinding, renames: Renames): string {
  const had = renames.had.find((b) => b.imported === AZURE_CLASS && !b.typeOnly && visibleBeside(b, binding));
  if (had) return had.local;
  const block = blockOf(binding);
  const added = renames.added.get(block) ?? [...renames.added].find(([b]) => b.type === 'Program')?.[1];
  if (added !== undefined) return added;
  const local = addNamedExport(ctx, binding, OPENAI_SDK, AZURE_CLASS);
  renames.added.set(block, local);
  return local;
}

/**
 * A marker on each `openai` import whose Deno or CDN specifier pins a release older than `AzureOpenAI`
 * (`npm:openai@4.24.0`): the renamed constructors need a newer one, and which one is the user's call.
 */
function markOldPins(ctx: TransformContext, bindings: readonly ModuleBinding[]): void {
  const marked = new Set<Node>();
  for (const binding of bindings) {
    const statement = binding.statement.node as Node;
    const pinned = marked.has(statement) ? undefined : pinnedBelow(specifierOf(statement) ?? '', AZURE_CLIENT_SINCE);
    if (pinned === undefined) continue;
    marked.add(statement);
    ctx.todo(binding.statement, oldPinMessage(pinned));
  }
}

/** Point the constructor at `AzureOpenAI`, named the way the file names its `openai` import. */
function renameToAzure(ctx: TransformContext, construction: Construction, renames: Renames): ModuleBinding | undefined {
  const { j } = ctx;
  const { callee } = construction;
  const calleePath = construction.path.get('callee');
  const node = calleePath.node as Node;
  let renamed: ModuleBinding | undefined;
  if (callee.kind === 'binding' || (callee.kind === 'namespace' && node.type === 'Identifier' && callee.binding.style === 'cjs-whole')) {
    const local = azureName(ctx, callee.binding, renames);
    renames.callees.add(node);
    calleePath.replace(j.identifier(local));
    renamed = callee.binding;
  } else if (node.type === 'MemberExpression') {
    node.property = j.identifier(AZURE_CLASS);
    node.computed = false;
  } else {
    // `new ns()` on a whole-module binding (`import ns = require('openai')`), or `new (require('openai'))()`.
    calleePath.replace(j.memberExpression(node, j.identifier(AZURE_CLASS)));
  }
  // Reported with the construction (ctx.change, before): the file index must still learn of the new callee.
  invalidateIndex(ctx.root);
  return renamed;
}

function migrateConstruction(ctx: TransformContext, construction: Construction, apiVersion: string, renames: Renames): ModuleBinding | undefined {
  const { path } = construction;
  const args = (path.node as Node).arguments as Node[];
  const argPath = args.length > 0 ? path.get('arguments', 0) : undefined;
  if (ctx.options.target === 'classic') retypeClientOptions(ctx, construction);
  const { object, todos } = migrateOptions(ctx, argPath, apiVersion);
  if (args.length > 0) args[0] = object;
  else args.push(object);
  ctx.change(path.node, 'client');
  for (const message of todos) ctx.todo(path, message);
  return ctx.options.target === 'classic' ? renameToAzure(ctx, construction, renames) : undefined;
}

/** Reads of client properties Entra ID auth changes (`client.apiKey`), on clients of this file or the project's. */
function entraPropertyReads(ctx: TransformContext): { path: ASTPath<Node>; message: string }[] {
  const named = (n: Node): boolean => {
    const name = memberName(n);
    return name !== undefined && Object.hasOwn(ENTRA_CLIENT_PROPERTIES, name);
  };
  return ctx.index
    .find('MemberExpression', named)
    .flatMap((path) => (isClientExpression(ctx, path.get('object')) ? [{ path, message: ENTRA_CLIENT_PROPERTIES[memberName(path.node)!]! }] : []));
}

/**
 * Client construction: `new OpenAI(...)` that talks to OpenAI becomes an Azure client (classic `AzureOpenAI` or
 * the v1 `OpenAI` on `<endpoint>/openai/v1/`), with imports, auth, options and secrets to match. In browser code
 * the client stays as it is, with a marker: its Azure settings would be `process.env` reads.
 */
export const openaiClient: Transform = {
  name: 'openai-client',
  apply(ctx) {
    const clients = fileClients(ctx);
    clientCalls(ctx); // freeze the original call set before constructors change
    const entra = ctx.options.auth === 'entra-id';
    if (entra) for (const { path, message } of entraPropertyReads(ctx)) ctx.todo(path, message);
    for (const c of clients.constructions) {
      if (c.kind === 'client-side') ctx.todo(c.path, clientSideMessage(ctx)!);
      else if (c.kind === 'beside-azure') ctx.todo(c.path, besideAzureMessage(azureClientOf(clients.constructions), 'client'));
      else if (c.baseURLFromCode !== undefined) ctx.todo(c.path, baseURLFromCodeMessage(c.baseURLFromCode));
      // A client left as it is that may well talk to OpenAI: a key handed to this file's code must keep its name.
      if (c.kind === 'client-side' || c.baseURLFromCode !== undefined) ctx.outcome.leavesOpenAI = true;
    }
    // A test's stand-in stays; code migrated to the classic target will ask the mock for AzureOpenAI too.
    if (ctx.options.target === 'classic' && clients.constructions.some((c) => c.kind === 'mock')) {
      for (const mock of clients.mocks) if (!mockProvides(mock, AZURE_CLASS)) ctx.todo(mock, MOCKED_SDK_MESSAGE);
    }
    // The client handed to the Agents SDK is on Azure's v1 surface already (agents-sdk.ts).
    const moved = movedByAgents(ctx);
    const targets = clients.constructions.filter((c) => c.kind === 'openai' && !moved.has(c.path.node));
    if (targets.length === 0) return;
    const apiVersion = apiVersionFor(ctx);
    const renames: Renames = { had: clients.sdk, added: new Map(), callees: new Set() };
    const before = referencesBefore(ctx, targets);
    const ownKeys = ownKeyReads(ctx, targets);
    if (entra) {
      ensureTokenProvider(ctx, topLevelStatement(targets[0]!.path));
      ctx.change(targets[0]!.path.node, 'auth');
    }
    const touched = new Set<ModuleBinding>();
    for (const construction of targets) {
      const binding = migrateConstruction(ctx, construction, apiVersion, renames);
      if (binding) touched.add(binding);
    }
    settleOwnKeyReads(ctx, ownKeys);
    if (ctx.options.target === 'classic') markOldPins(ctx, clients.sdk);
    for (const binding of touched) {
      if (!stillReferenced(ctx, binding, before, renames)) removeBinding(binding);
      ctx.change(binding.statement.node, 'import');
    }
  },
};

interface ReferencesBefore {
  /** The file index as it was before the first change (it goes on describing that tree). */
  index: FileIndex;
  nodes: Map<ModuleBinding, Node[]>;
}

/** References to the bindings the constructions' callees name, from the file as it was. */
function referencesBefore(ctx: TransformContext, targets: readonly Construction[]): ReferencesBefore {
  const nodes = new Map<ModuleBinding, Node[]>();
  for (const { callee } of targets) {
    if ('binding' in callee && !nodes.has(callee.binding)) nodes.set(callee.binding, referencesTo(ctx.j, ctx.root, callee.binding).map((p) => p.node));
  }
  return { index: ctx.index, nodes };
}

/**
 * Whether `binding` is still referenced once its constructions are renamed. A reference the old index still reaches
 * from the top (every link it saw is intact) is surely there; a callee a rename replaced is surely gone. Any other
 * reference the old index no longer reaches may now sit under a node a transform built: the current tree decides.
 */
function stillReferenced(ctx: TransformContext, binding: ModuleBinding, before: ReferencesBefore, renames: Renames): boolean {
  const nodes = before.nodes.get(binding);
  if (!nodes?.length) return referencesTo(ctx.j, ctx.root, binding).length > 0;
  if (before.index.pathsOf(nodes).length > 0) return true;
  return nodes.some((node) => !renames.callees.has(node)) && referencesTo(ctx.j, ctx.root, binding).length > 0;
}

/** Alone under jscodeshift it also migrates model names (the contract: less than the pipeline, never different). */
export default asJscodeshift(openaiClient, modelDeployments);
