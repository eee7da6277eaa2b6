/**
 * Where clients are constructed, whatever the import style: ESM default / named / aliased / namespace imports,
 * `require` (anywhere, destructured or not), dynamic `import()` and TS `import x = require()`, followed with
 * `ReferenceTracker` (from `@eslint-community/eslint-utils`, via `@typescript-eslint/utils`) without type information.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  AI_SDK,
  AI_SDK_PROVIDER_METHODS,
  AZURE_CLIENT_EXPORTS,
  DIRECT_OPENAI_WRAPPERS,
  LEGACY_CLIENT_EXPORTS,
  LEGACY_CLIENTS,
  OPENAI_CLIENT_EXPORTS,
  OPENAI_SDK,
  OPENAI_WRAPPERS,
  OTHER_CLOUD_OPTIONS,
  WRAPPER_FACTORIES,
  isAzureURL,
  isAzureV1BaseURL,
  isOpenAIBaseURL,
  keyNamesOf,
  namesOtherVendor,
  packageOfSpecifier,
  readsOtherVendorEnv,
} from '../../src/core/index.js';
import { lookupOption } from './options-object.js';
import { constantInit, isGlobalName, unwrap, variableOf } from './scope.js';
import { sketchString, staticString } from './static-string.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
const { ReferenceTracker } = ASTUtils;
/** ReferenceTracker's trace maps: export names, with its CALL / CONSTRUCT / ESM symbols as markers. */
type TraceMap = Record<string, unknown>;
interface FoundReference {
  node: TSESTree.Node;
  info: ClientInfo;
}

/** `openai`: the OpenAI SDK client; `azure`: `AzureOpenAI`; `legacy`: openai v3 `OpenAIApi`; `wrapper`: LangChain, AI SDK… */
export type ClientKind = 'openai' | 'azure' | 'legacy' | 'wrapper';

export interface ClientInfo {
  kind: ClientKind;
  module: string;
  /** The export used (`OpenAI`, `default`, `ChatOpenAI`, `openai.chat`…). */
  name: string;
}

export interface ClientSite {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  info: ClientInfo;
}

function openaiInfo(name: string): ClientInfo {
  const kind: ClientKind = AZURE_CLIENT_EXPORTS.includes(name) ? 'azure' : LEGACY_CLIENT_EXPORTS.includes(name) ? 'legacy' : 'openai';
  return { kind, module: OPENAI_SDK, name };
}

/** The exports of each framework module that are or make an OpenAI client (core OPENAI_WRAPPERS). */
const FRAMEWORK_EXPORTS = new Map(OPENAI_WRAPPERS.map((w) => [w.pkg, Object.keys(w.exports)]));

/** The trace map of one module's exports; `root` also traces the module value itself (CJS `new (require('openai'))()`). */
function moduleTraceMap(module: string, root: boolean): TraceMap {
  const { CALL, CONSTRUCT, ESM } = ReferenceTracker;
  const map: TraceMap = {};
  if (module === OPENAI_SDK) {
    for (const name of [...OPENAI_CLIENT_EXPORTS, ...AZURE_CLIENT_EXPORTS, ...LEGACY_CLIENT_EXPORTS]) {
      map[name] = { [CONSTRUCT]: openaiInfo(name) };
    }
    if (root) (map as Record<symbol, unknown>)[CONSTRUCT] = openaiInfo('default');
  } else if (LEGACY_CLIENTS[module]) {
    for (const name of LEGACY_CLIENTS[module].exports) map[name] = { [CONSTRUCT]: { kind: 'legacy', module, name } satisfies ClientInfo };
  } else if (FRAMEWORK_EXPORTS.has(module)) {
    // A framework's own OpenAI classes and factories (core OPENAI_WRAPPERS), constructed or called.
    for (const name of FRAMEWORK_EXPORTS.get(module)!) {
      const info: ClientInfo = { kind: 'wrapper', module, name };
      map[name] = { [CALL]: info, [CONSTRUCT]: info };
    }
  } else {
    const factories = WRAPPER_FACTORIES[module] ?? [];
    for (const name of Object.keys(DIRECT_OPENAI_WRAPPERS[module] ?? {})) {
      const info: ClientInfo = { kind: 'wrapper', module, name };
      const entry: Record<string | symbol, unknown> = factories.includes(name) ? { [CALL]: info } : { [CONSTRUCT]: info };
      // The AI SDK's default provider is also used through its methods: `openai.chat('gpt-4o')`.
      if (module === AI_SDK.package && Object.hasOwn(AI_SDK.instance, name)) {
        for (const method of AI_SDK_PROVIDER_METHODS) entry[method] = { [CALL]: { ...info, name: `openai.${method}` } };
      }
      map[name] = entry;
    }
  }
  if (!root) (map as Record<symbol, unknown>)[ESM] = true;
  return map;
}

export const TRACKED_MODULES: readonly string[] = [
  ...new Set([OPENAI_SDK, ...Object.keys(LEGACY_CLIENTS), ...Object.keys(DIRECT_OPENAI_WRAPPERS), ...FRAMEWORK_EXPORTS.keys()]),
];

/** The tracker as used here (`iteratePropertyReferences` exists at runtime but is missing from the typings). */
interface Tracker {
  iterateEsmReferences(traceMap: TraceMap): Iterable<FoundReference>;
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMap): Iterable<FoundReference>;
}

/**
 * Collects module roots while ESLint traverses (listeners), then lists every client construction (`sites()`,
 * to call from `Program:exit`).
 */
export function clientTracker(context: Context, modules: readonly string[] = TRACKED_MODULES) {
  const sourceCode = context.sourceCode;
  /** CJS / dynamic-import values of a tracked module, or patterns bound to one (`.then(({ OpenAI }) => …)`). */
  const roots: { node: TSESTree.Node; module: string; pattern?: boolean }[] = [];

  const moduleOf = (node: TSESTree.Node | undefined): string | undefined => {
    const specifier = node ? staticString(node, sourceCode) : undefined;
    const name = specifier === undefined ? undefined : packageOfSpecifier(specifier);
    return name !== undefined && modules.includes(name) ? name : undefined;
  };
  /** Other specifiers of a tracked module (Deno's and CDNs' `npm:openai@^4`, `openai/index`), each traced as it. */
  const aliases = new Map<string, string>();

  const listeners: TSESLint.RuleListener = {
    CallExpression(node) {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
      const module = moduleOf(node.arguments[0]);
      if (module && isGlobalName(sourceCode, node.callee)) roots.push({ node, module });
    },
    ImportExpression(node) {
      const module = moduleOf(node.source);
      if (!module) return;
      const parent = node.parent;
      if (parent.type === 'AwaitExpression') roots.push({ node: parent, module });
      // import('openai').then(({ OpenAI }) => …) / .then((m) => …)
      const call = parent.parent;
      if (
        parent.type === 'MemberExpression' &&
        parent.object === node &&
        ASTUtils.getPropertyName(parent) === 'then' &&
        call?.type === 'CallExpression' &&
        call.callee === parent
      ) {
        const callback = call.arguments[0];
        if ((callback?.type === 'ArrowFunctionExpression' || callback?.type === 'FunctionExpression') && callback.params[0]) {
          roots.push({ node: callback.params[0], module, pattern: true });
        }
      }
    },
    ImportDeclaration(node) {
      const module = moduleOf(node.source);
      if (module && module !== node.source.value) aliases.set(node.source.value, module);
    },
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference.type !== 'TSExternalModuleReference') return;
      const module = moduleOf(node.moduleReference.expression);
      if (module) roots.push({ node: node.id, module, pattern: true });
    },
  };

  function sites(): ClientSite[] {
    const tracker = new ReferenceTracker(sourceCode.getScope(sourceCode.ast)) as unknown as Tracker;
    const found = new Map<TSESTree.Node, ClientInfo>();
    const add = (refs: Iterable<FoundReference>) => {
      for (const ref of refs) {
        if (ref.node.type === 'NewExpression' || ref.node.type === 'CallExpression') found.set(ref.node, ref.info);
      }
    };
    const esm = [...modules.map((m) => [m, m]), ...aliases];
    add(tracker.iterateEsmReferences(Object.fromEntries(esm.map(([specifier, m]) => [specifier, moduleTraceMap(m!, false)]))));
    for (const root of roots) {
      const map = moduleTraceMap(root.module, true);
      if (!root.pattern) add(tracker.iteratePropertyReferences(root.node, map));
      else for (const [node, sub] of patternRoots(sourceCode, root.node, map)) add(tracker.iteratePropertyReferences(node, sub));
    }
    return [...found].map(([node, info]) => ({ node: node as ClientSite['node'], info }));
  }

  return { listeners, sites };
}

/** Reads of an identifier or of a destructured property bound to a module value, with the trace map that applies. */
function* patternRoots(sourceCode: SourceCode, pattern: TSESTree.Node, map: TraceMap): Iterable<[TSESTree.Node, TraceMap]> {
  if (pattern.type === 'Identifier') {
    for (const ref of variableOf(sourceCode, pattern)?.references ?? []) if (ref.isRead()) yield [ref.identifier, map];
  } else if (pattern.type === 'ObjectPattern') {
    for (const prop of pattern.properties) {
      const key = prop.type === 'Property' ? ASTUtils.getPropertyName(prop) : null;
      if (prop.type === 'Property' && key !== null && Object.hasOwn(map, key)) yield* patternRoots(sourceCode, prop.value, map[key] as TraceMap);
    }
  }
}

/** Where a client's `baseURL` sends it. `unknown`: an expression the linter cannot evaluate. */
export type BaseURLTarget = 'openai' | 'azure-v1' | 'azure' | 'other' | 'unknown';

export function baseURLTarget(options: TSESTree.Node | undefined, sourceCode: SourceCode): BaseURLTarget {
  const lookup = lookupOption(options, 'baseURL', sourceCode);
  if (lookup.kind === 'absent') return 'openai';
  if (lookup.kind === 'unknown') return 'unknown';
  return valueTarget(lookup.value, sourceCode);
}

function valueTarget(node: TSESTree.Node, sourceCode: SourceCode): BaseURLTarget {
  const value = unwrap(node);
  // Unset (`undefined`, `null`, `void 0`): the SDK's default, OpenAI.
  if ((value.type === 'Identifier' && value.name === 'undefined') || (value.type === 'Literal' && value.value === null)) return 'openai';
  if (value.type === 'UnaryExpression' && value.operator === 'void') return 'openai';
  // A choice (`local ? 'http://localhost:11434/v1' : undefined`): OpenAI on a branch that leaves it unset or names it,
  // as the codemod's marker says.
  if (value.type === 'ConditionalExpression') {
    const branches = [value.consequent, value.alternate].map((b) => valueTarget(b, sourceCode));
    if (branches.some((b) => b.startsWith('azure'))) return 'unknown';
    return branches.includes('openai') ? 'openai' : branches[0] === branches[1] ? branches[0]! : 'unknown';
  }
  const text = sketchString(value, sourceCode);
  if (isAzureV1BaseURL(text)) return 'azure-v1';
  if (isAzureURL(text)) return 'azure';
  if (isOpenAIBaseURL(text)) return 'openai';
  return staticString(value, sourceCode) !== undefined ? 'other' : 'unknown';
}

/**
 * An option whose value reads another vendor's variable (`apiKey: process.env.GROQ_API_KEY`) or one the code named
 * after another vendor (`apiKey: sambanovaApiKey`): that vendor's client.
 */
export function readsVendorOption(options: TSESTree.Node | undefined, names: readonly string[], sourceCode: SourceCode): boolean {
  return names.some((name) => {
    const found = lookupOption(options, name, sourceCode);
    if (found.kind !== 'found') return false;
    const initOf = (id: TSESTree.Node) => constantInit(sourceCode, id as TSESTree.Identifier);
    return readsOtherVendorEnv(sourceCode.getText(found.value)) || keyNamesOf(found.value, unwrap, initOf).some(namesOtherVendor);
  });
}

/**
 * Whether a client's options send it to another service (a local server, Groq): a base URL neither OpenAI's nor
 * Azure's, or another vendor's key. The codemod's client kinds ask the same core questions (isOpenAIBaseURL,
 * isAzureURL, readsOtherVendorEnv) and leave such a client as it is, the OpenAI variables its options read included.
 */
export function servesOtherVendor(options: TSESTree.Node | undefined, sourceCode: SourceCode): boolean {
  return (
    baseURLTarget(options, sourceCode) === 'other' ||
    readsVendorOption(options, ['apiKey'], sourceCode) ||
    OTHER_CLOUD_OPTIONS.some((key) => lookupOption(options, key, sourceCode).kind === 'found')
  );
}

/**
 * How a client reaches Azure OpenAI: `AzureOpenAI` (classic), `OpenAI` on `/openai/v1` (v1), or `OpenAI` on a URL set
 * up by hand (`…/openai/deployments/<name>`: the deployment is in the URL, so the request's `model` routes nothing).
 * `undefined`: not Azure-bound.
 */
export type AzureBinding = 'classic' | 'v1' | 'by-hand';

export function azureBinding(site: ClientSite, sourceCode: SourceCode): AzureBinding | undefined {
  if (site.info.kind === 'azure') return 'classic';
  if (site.info.kind !== 'openai') return undefined;
  const target = baseURLTarget(site.node.arguments[0], sourceCode);
  return target === 'azure-v1' ? 'v1' : target === 'azure' ? 'by-hand' : undefined;
}
