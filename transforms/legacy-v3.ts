import type { ASTPath } from 'jscodeshift';
import { OPENAI_SDK, OPENAI_V3, V3_BASE_OPTIONS, V3_CONFIGURATION_OPTIONS, V3_MESSAGES, isAzureURL, isV3TypeName } from '../src/core/index.js';
import { declaratorOf, unwrap } from './lib/clients.js';
import {
  addTopLevelImport,
  memberName,
  moduleBindings,
  propertyName,
  referencesOf,
  referencesTo,
  removeBinding,
  resolveBinding,
  type ModuleBinding,
} from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import { invalidateIndex } from './lib/file-index.js';
import { OPENAI_TYPES_MODULE, addTypeImport } from './lib/type-imports.js';
import { expression } from './lib/snippets.js';
import { needsPackage, type Transform, type TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

const NOT_FOLLOWED =
  'openai v3 client whose Configuration is built elsewhere: rewrite it as new OpenAI({ apiKey, baseURL, defaultHeaders }) and re-run';

/** A v3 export a callee names (`OpenAIApi`, `ns.Configuration`), with its binding and package. */
interface V3Ref {
  name: string;
  source: string;
  binding: ModuleBinding;
  /** `ns.X` on a whole-module binding. */
  namespaced: boolean;
}

function v3Ref(bindings: Map<ModuleBinding, string>, calleePath: ASTPath<Node>): V3Ref | undefined {
  const callee = unwrap(calleePath.node as Node);
  const all = [...bindings.keys()];
  if (callee?.type === 'Identifier') {
    const binding = resolveBinding(calleePath, all);
    return binding && !binding.typeOnly && binding.imported !== '*' ? { name: binding.imported, source: bindings.get(binding)!, binding, namespaced: false } : undefined;
  }
  if (callee?.type === 'MemberExpression' && callee.object.type === 'Identifier') {
    const binding = resolveBinding(calleePath.get('object'), all);
    const name = memberName(callee);
    return binding && binding.imported === '*' && name ? { name, source: bindings.get(binding)!, binding, namespaced: true } : undefined;
  }
  return undefined;
}

/** The expression a value is, looking through wrappers and a same-file `const`. */
function resolved(path: ASTPath<Node>): ASTPath<Node> {
  let current = path;
  while (current.node && unwrap(current.node) !== current.node) current = current.get('expression');
  const declarator = (current.node as Node)?.type === 'Identifier' ? declaratorOf(current) : undefined;
  return declarator && (declarator.parent.node as Node).kind === 'const' && (declarator.node as Node).init ? resolved(declarator.get('init')) : current;
}

/** Already on Azure by hand (a v3 `basePath` on an Azure host or `/openai/deployments/…`): left as written. */
function isAzureConfiguration(ctx: TransformContext, construction: ASTPath<Node>): boolean {
  if (((construction.node as Node).arguments as Node[]).length === 0) return false;
  let config = resolved(construction.get('arguments', 0));
  const node = config.node as Node;
  if (node.type === 'NewExpression' && node.arguments.length > 0) config = resolved(config.get('arguments', 0));
  const { start, end } = config.node as Node;
  return isAzureURL(ctx.source.slice(start, end));
}

/** `new Configuration({...})` options → the text of `new OpenAI({...})` options; todos for what has no place. */
function clientOptions(ctx: TransformContext, configuration: Node | undefined): string {
  const arg = unwrap(configuration?.arguments?.[0]);
  if (!arg) return '';
  const text = (n: Node): string => ctx.source.slice(n.start, n.end);
  if (arg.type !== 'ObjectExpression') return `{ ...${text(arg)} }`;
  const out: string[] = [];
  for (const p of arg.properties as Node[]) {
    const key = p.type === 'SpreadElement' || p.computed ? undefined : propertyName(p.key);
    if (key === undefined) out.push(text(p));
    else if (key === 'baseOptions' && unwrap(p.value).type === 'ObjectExpression') {
      for (const b of unwrap(p.value).properties as Node[]) {
        const sub = b.type === 'SpreadElement' ? undefined : propertyName(b.key);
        // axios-only settings (adapters, agents) have no client option: dropped, the transform of that construction says so.
        if (sub && V3_BASE_OPTIONS[sub]) out.push(`${V3_BASE_OPTIONS[sub]}: ${text(b.value)}`);
      }
    } else if (V3_CONFIGURATION_OPTIONS[key]) {
      const name = V3_CONFIGURATION_OPTIONS[key];
      out.push(p.shorthand && name === key ? key : `${name}: ${text(p.value)}`);
    }
  }
  return `{ ${out.join(', ')} }`;
}

/**
 * The local name of the `openai` v4+ class in this file. A named `OpenAIApi` import or destructured require becomes
 * `OpenAI` in place (from `openai`), keeping the file's layout; otherwise `{ OpenAI }` is added.
 */
function openaiClass(ctx: TransformContext, v3: ModuleBinding, before: Node, renamed: Set<ModuleBinding>): string {
  const { j } = ctx;
  const existing = moduleBindings(j, ctx.root, OPENAI_SDK).find(
    (b) => !b.typeOnly && (b.imported === 'default' || b.imported === 'OpenAI'),
  );
  if (existing) return existing.local;
  const statement = v3.statement.node as Node;
  // Renamed in place: every other use of the old name (`client: OpenAIApi` annotations) follows the binding.
  if (v3.style === 'esm-named' || v3.style === 'cjs-destructured') {
    for (const ref of referencesTo(j, ctx.root, v3)) (ref.node as Node).name = 'OpenAI';
  }
  if (v3.style === 'esm-named') {
    const specifier = statement.specifiers.find((s: Node) => s.local === v3.id);
    specifier.imported = j.identifier('OpenAI');
    specifier.local = j.identifier('OpenAI');
    statement.source = j.stringLiteral(OPENAI_SDK);
    renamed.add(v3);
    return 'OpenAI';
  }
  if (v3.style === 'cjs-destructured') {
    j(v3.statement).find(j.ObjectProperty).filter((p) => (p.node as Node).value === v3.id).forEach((p) => {
      const node = p.node as Node;
      node.key = j.identifier('OpenAI');
      node.value = j.identifier('OpenAI');
      node.shorthand = true;
    });
    j(v3.statement).find(j.StringLiteral, { value: 'openai-edge' }).forEach((p) => p.replace(j.stringLiteral(OPENAI_SDK)));
    renamed.add(v3);
    return 'OpenAI';
  }
  addTopLevelImport(ctx, ['OpenAI'], OPENAI_SDK, before);
  return 'OpenAI';
}

function topLevel(path: ASTPath<Node>): Node {
  let current = path;
  while (current.parent && current.parent.node.type !== 'Program') current = current.parent;
  return current.node;
}

/** v3 type names → `openai`'s (`ChatCompletionRequestMessage` → `ChatCompletionMessageParam`); `ns.OpenAIApi` → `ns.OpenAI`. */
function migrateTypes(ctx: TransformContext, bindings: Map<ModuleBinding, string>): void {
  const { j, root } = ctx;
  const all = [...bindings.keys()];
  // After the constructions' and imports' rewrites: the index is read afresh, as the tree now is.
  invalidateIndex(root);
  ctx.index.find('TSQualifiedName').forEach((path) => {
    const node = path.node as Node;
    if (node.left.type !== 'Identifier' || node.right.name !== OPENAI_V3.client) return;
    if (resolveBinding(path.get('left'), all)?.imported !== '*') return;
    node.right = j.identifier('OpenAI');
    ctx.change(node, 'rename');
  });
  const moved: string[] = [];
  for (const binding of all) {
    const next = OPENAI_V3.types[binding.imported];
    if (!next || binding.imported === '*') continue;
    const refs = referencesTo(j, root, binding);
    if (!refs.every((r) => /^TS/.test((r.parent.node as Node).type))) continue;
    for (const ref of refs) ref.replace(j.identifier(next));
    removeBinding(binding);
    ctx.change(binding.statement.node, 'import');
    if (!moved.includes(next)) moved.push(next);
  }
  addTypeImport(ctx, OPENAI_TYPES_MODULE, moved);
}

/**
 * A file that imports v3 types from `openai` (`ChatCompletionRequestMessage`: none of today's exports) with no client
 * of its own, in a run that moves other files' v3 clients to today's package (the project index says so): its types
 * move too (a v3 name with no counterpart gets its marker), or it would not compile once package.json is raised. A
 * project on v3 for its types alone (requests of its own) stays as it is.
 */
function migrateTypesAlone(ctx: TransformContext): void {
  if (!ctx.facts.v3ClientsElsewhere) return;
  const bindings = new Map(moduleBindings(ctx.j, ctx.root, OPENAI_SDK).filter((b) => isV3TypeName(b.imported)).map((b) => [b, OPENAI_SDK] as const));
  if (bindings.size === 0) return;
  migrateTypes(ctx, bindings);
  markGoneExports(ctx);
  // The types moved to today's package: its range is raised as for a migrated client.
  needsPackage(ctx.outcome, 'add', OPENAI_SDK);
}

/** A marker on each import of `openai` that still names v3 exports today's package lacks (once per statement). */
function markGoneExports(ctx: TransformContext): void {
  invalidateIndex(ctx.root);
  const gone = new Map<ASTPath<Node>, string[]>();
  for (const binding of moduleBindings(ctx.j, ctx.root, OPENAI_SDK)) {
    if (binding.imported === '*' || OPENAI_V3.currentExports.includes(binding.imported)) continue;
    gone.set(binding.statement, [...(gone.get(binding.statement) ?? []), binding.imported]);
  }
  for (const [statement, names] of gone) ctx.todo(statement, V3_MESSAGES.goneExports(names));
}

/**
 * openai v3 clients (`new OpenAIApi(new Configuration({...}))` from `openai` v3 or `openai-edge`) become
 * `new OpenAI({...})` (basePath → baseURL, baseOptions.headers → defaultHeaders, …). The runner re-parses the file
 * afterwards, so the openai-client transform takes them to Azure like any other client, and legacy-v3-calls maps
 * their method calls.
 */
export const legacyV3: Transform = {
  name: 'legacy-v3',
  normalizes: true,
  apply(ctx) {
    const { j, root } = ctx;
    // Only files that name one of the legacy packages can import it.
    if (!OPENAI_V3.packages.some((source) => ctx.source.includes(source))) return;
    // Everything below starts from a construction of `OpenAIApi`, which the file then names (`new OpenAIApi`, an
    // `{ OpenAIApi as Api }` import, `new ns.OpenAIApi`): without that text there is nothing to walk for.
    if (!ctx.source.includes(OPENAI_V3.client)) return migrateTypesAlone(ctx);
    const bindings = new Map<ModuleBinding, string>();
    for (const source of OPENAI_V3.packages) for (const b of moduleBindings(j, root, source)) bindings.set(b, source);
    if (bindings.size === 0) return;
    const constructions = ctx.index
      .find('NewExpression')
      .map((path) => ({ path, ref: v3Ref(bindings, path.get('callee')) }))
      .filter((c) => c.ref?.name === OPENAI_V3.client && !isAzureConfiguration(ctx, c.path));
    if (constructions.length === 0) return;
    const replaced = new Set<ModuleBinding>();
    const edge = new Set<ModuleBinding>();
    /** Bindings renamed in place to `OpenAI`. */
    const renamed = new Set<ModuleBinding>();
    for (const { path, ref } of constructions) {
      const node = path.node as Node;
      const argPath = node.arguments.length > 0 ? resolved(path.get('arguments', 0)) : undefined;
      const config = argPath?.node as Node | undefined;
      const isConfig = config?.type === 'NewExpression' && v3Ref(bindings, argPath!.get('callee'))?.name === OPENAI_V3.configuration;
      if (config && !isConfig) {
        ctx.todo(path, NOT_FOLLOWED);
        continue;
      }
      const options = clientOptions(ctx, config);
      // A `const configuration = new Configuration(...)` used only here goes with the construction.
      const direct = unwrap(node.arguments[0]);
      if (direct?.type === 'Identifier' && isConfig) {
        const declarator = declaratorOf(path.get('arguments', 0));
        if (declarator && referencesOf(j, root, (declarator.node as Node).id).length === 1) {
          const declaration = declarator.parent;
          if ((declaration.node as Node).declarations.length === 1) declaration.prune();
          else declarator.prune();
        }
      }
      const callee = ref!.namespaced ? `${ref!.binding.local}.OpenAI` : openaiClass(ctx, ref!.binding, topLevel(path), renamed);
      path.replace(expression(ctx, `new ${callee}(${options})`));
      ctx.change(node, 'client');
      replaced.add(ref!.binding);
      if (ref!.source !== OPENAI_SDK) edge.add(ref!.binding);
    }
    // Imports: drop v3 names nothing reads any more; a whole-module `openai-edge` binding now loads `openai`.
    for (const binding of bindings.keys()) {
      if (binding.typeOnly || renamed.has(binding)) continue;
      const isV3Name = binding.imported === OPENAI_V3.client || binding.imported === OPENAI_V3.configuration;
      // `api: OpenAIApi` annotations name the class the client now is.
      for (const ref of referencesTo(j, root, binding)) {
        if (binding.imported === OPENAI_V3.client && (ref.parent.node as Node).type === 'TSTypeReference') {
          const old = ref.node;
          ref.replace(j.identifier(openaiClass(ctx, binding, topLevel(ref), renamed)));
          ctx.change(old, 'rename');
        }
      }
      if (isV3Name && referencesTo(j, root, binding).length === 0) {
        removeBinding(binding);
        ctx.change(binding.statement.node, 'import');
      }
      if (binding.imported === '*' && edge.has(binding)) {
        j(binding.statement).find(j.StringLiteral, { value: 'openai-edge' }).forEach((p) => p.replace(j.stringLiteral(OPENAI_SDK)));
        ctx.change(binding.statement.node, 'import');
      }
    }
    migrateTypes(ctx, bindings);
    markGoneExports(ctx);
    const sources = new Set(constructions.map((c) => c.ref!.source));
    if (sources.has(OPENAI_SDK)) ctx.outcome.notes.push('package.json: openai ^4 or newer (was v3); this code is written for openai 7');
    if (sources.has('openai-edge')) ctx.outcome.notes.push('package.json: remove openai-edge, add openai (^4 or newer; written for openai 7)');
  },
};

export default asJscodeshift(legacyV3);
