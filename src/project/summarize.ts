import type * as t from '@babel/types';
import { isBrowserModule } from '../core/file-context.js';
import { parseOpenAIURL } from '../core/hosts.js';
import { isModelName } from '../core/models.js';
import { AZURE_ENV, azureReplacementFor, namesOtherVendor, readsOtherVendorEnv } from '../core/env.js';
import { CLIENT_WRAPPER_PACKAGES, CLIENT_WRAPPERS, packageOfSpecifier, quotesPackage } from '../core/packages.js';
import { argumentCallee } from '../../transforms/lib/client-arguments.js';
import { keyNames } from '../../transforms/lib/clients.js';
import { envRead } from '../../transforms/lib/deployment-ref.js';
import type { FileIndex } from '../../transforms/lib/file-index.js';

/**
 * One file's facts as far as that file alone can tell: what it imports and exports, where each name's value comes
 * from, which module-level constants hold a model name, and where imported or constant names are used. Names are
 * keyed by text, not scope: `x`, `this.x` (a field), `f()` (a call's result), `ns.x` (a member); the linker turns
 * these into project facts once every file is summarised.
 */
export interface FileSummary {
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportTarget>;
  /** `export * from 'spec'`. */
  starExports: string[];
  /** `module.exports = x` / `export = x`: requiring the module yields its default, not a namespace. */
  cjsDefault: boolean;
  /** Everything assigned to a name (variable, parameter, field). */
  values: Map<string, Source[]>;
  /** What a function returns, by the function's name. */
  functions: Map<string, Source[]>;
  /** Module-level `const` → the model name it holds. */
  modelConsts: Map<string, string>;
  /** Module-level `const`s holding an OpenAI API URL (`https://api.openai.com/v1/…`), which raw-http rewrites. */
  urlConsts: Set<string>;
  /** Module-level `const` → initializer text (to read a `baseURL` held in a constant). */
  constTexts: Map<string, string>;
  refs: Ref[];
  /** Modules loaded in a way we cannot follow (`import()`, `require` passed around): all they export escapes. */
  opaque: string[];
  /** Browser code: its clients are left talking to OpenAI (see isBrowserModule). */
  browser: boolean;
  /**
   * Imported names that get the file's OpenAI key (`new RealtimeClient({ apiKey: process.env.OPENAI_API_KEY })`,
   * `buildRequest(apiKey)` with `const apiKey = …`): what they do with it is their module's business.
   */
  keyConsumers: string[];
  /**
   * Set from the transform pass (not the parse): the migrated file still sends requests to OpenAI (an OpenAI URL or a
   * client left there, with its marker). An importer's key handed to its code keeps its name.
   */
  leavesOpenAI?: true;
  /** Set by the transform pass when it rewrote code of the file (markers alone do not count). */
  migrated?: true;
  /** Set by the transform pass: the file sets the Agents SDK's default client to another vendor's. */
  agentsOnOtherVendor?: true;
}

/** `name`: an export name, `default`, `*` (namespace) or `=` (the whole CommonJS module, `require('x')`). */
export interface ImportBinding {
  spec: string;
  name: string;
}

export type ExportTarget = { local: string } | { spec: string; name: string };

export type Source =
  | { kind: 'new'; ctor: string; baseURL?: { text: string } | { constant: string }; vendorKey?: true }
  | { kind: 'typed'; type: string }
  | { kind: 'ref'; key: string }
  /**
   * `baseURL`: as for `new`, read from the first-argument object (an AI SDK `createOpenAI({ baseURL })`). `client`: in
   * a file that imports a client wrapper, what the call is handed (its first argument, or that argument's `property`),
   * the client it returns when `fn` is a wrapper (`wrapOpenAI(new OpenAI())`, `Instructor({ client })`).
   */
  | {
      kind: 'call';
      fn: string;
      baseURL?: { text: string } | { constant: string };
      vendorKey?: true;
      client?: { source: Source; property?: string };
    }
  | { kind: 'other' };

/** `this.client.chat.completions.create` → root `this`, segs `[client, chat, completions, create]`. */
export interface CallSite {
  root: string;
  segs: string[];
}

/**
 * A use of an imported or constant name; `call` when it is the `model` of a call's first-argument object, `argOf`
 * when it is a call's first argument (`openai(MODEL)`, `provider.chat(MODEL)`: segs may be empty).
 */
export interface Ref {
  local: string;
  member?: string;
  call?: CallSite;
  argOf?: CallSite;
  /** The `model` of a construction's first-argument object (`new ChatOpenAI({ model })`, `new Agent({ model })`). */
  constructed?: boolean;
  /** The member path this use calls (`openai.beta.threads.create()` → `beta.threads.create`). */
  calls?: string;
}

type Node = t.Node;

/** Expressions that wrap a value without changing which value it is (`await` included: a client stays a client). */
const WRAPPERS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TypeCastExpression',
  'AwaitExpression',
]);

/** Initializers whose text can be a URL (kept to read a `baseURL` held in a constant). */
const TEXT_VALUES = new Set([
  'StringLiteral',
  'TemplateLiteral',
  'BinaryExpression',
  'LogicalExpression',
  'AssignmentExpression',
  'SequenceExpression',
  'MemberExpression',
  'OptionalMemberExpression',
  'ConditionalExpression',
]);

function isCall(node: Node | null | undefined): node is t.CallExpression | t.OptionalCallExpression {
  return node?.type === 'CallExpression' || node?.type === 'OptionalCallExpression';
}

function isMember(node: Node | null | undefined): node is t.MemberExpression | t.OptionalMemberExpression {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

function isFunctionValue(node: Node): node is t.FunctionExpression | t.ArrowFunctionExpression {
  const e = unwrap(node);
  return e.type === 'FunctionExpression' || e.type === 'ArrowFunctionExpression';
}

function unwrap(node: Node): Node {
  let e = node;
  while (WRAPPERS.has(e.type)) e = e.type === 'AwaitExpression' ? e.argument : (e as t.TSAsExpression).expression;
  return e;
}

function stringValue(node: Node): string | undefined {
  const e = unwrap(node);
  if (e.type === 'StringLiteral') return e.value;
  return e.type === 'TemplateLiteral' && e.expressions.length === 0 ? (e.quasis[0]!.value.cooked ?? undefined) : undefined;
}

/** A property, member or export name as written: `x`, `'x'`, `#x`; undefined when computed or numeric. */
function propertyName(name: Node, computed = false): string | undefined {
  if (computed) return undefined;
  if (name.type === 'Identifier') return name.name;
  if (name.type === 'StringLiteral') return name.value;
  return name.type === 'PrivateName' ? `#${name.id.name}` : undefined;
}

/** The member name of a non-computed `a.b` / `a?.b` / `this.#b`. */
function memberName(node: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  return propertyName(node.property, node.computed);
}

/** `a.b.c`, `this.x`, `f().chat`: the dotted key of an expression, or undefined when it is anything else. */
function dottedKey(node: Node): string | undefined {
  const e = unwrap(node);
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'ThisExpression') return 'this';
  if (isMember(e)) {
    const name = memberName(e);
    const base = name === undefined ? undefined : dottedKey(e.object);
    return base === undefined ? undefined : `${base}.${name}`;
  }
  if (isCall(e)) {
    const callee = unwrap(e.callee);
    return callee.type === 'Identifier' ? `${callee.name}()` : undefined;
  }
  return undefined;
}

/** `require('x')` → `{ spec: 'x', name: '=' }`; `import('x')`, awaited or not → a namespace (`*`). */
function loaded(node: Node): { call: Node; spec: string; name: '=' | '*' } | undefined {
  const e = unwrap(node);
  if (e.type === 'ImportExpression') {
    const spec = e.options ? undefined : stringValue(e.source);
    return spec === undefined ? undefined : { call: e, spec: packageOfSpecifier(spec), name: '*' };
  }
  if (!isCall(e) || e.arguments.length !== 1) return undefined;
  const spec = stringValue(e.arguments[0]!);
  if (spec === undefined) return undefined;
  if (e.callee.type === 'Identifier' && e.callee.name === 'require') return { call: e, spec: packageOfSpecifier(spec), name: '=' };
  return e.callee.type === 'Import' ? { call: e, spec: packageOfSpecifier(spec), name: '*' } : undefined;
}

/** The type a value is declared with, through `| null | undefined` and `Promise<…>`: `OpenAI`, `ns.OpenAI` (TS or Flow). */
function typeName(type: Node | null | undefined): string | undefined {
  switch (type?.type) {
    case 'TSTypeAnnotation':
    case 'TypeAnnotation':
    case 'TSParenthesizedType':
    case 'NullableTypeAnnotation':
      return typeName(type.typeAnnotation);
    case 'TSUnionType':
    case 'UnionTypeAnnotation': {
      const named = (type.types as Node[]).filter((t) => !NULLISH_TYPES.has(t.type));
      return named.length === 1 ? typeName(named[0]) : undefined;
    }
    case 'TSTypeReference':
    case 'GenericTypeAnnotation': {
      const name = entityName(type.type === 'TSTypeReference' ? type.typeName : type.id);
      const args = type.typeParameters?.params ?? [];
      return name === 'Promise' && args.length === 1 ? typeName(args[0]) : name;
    }
    default:
      return undefined;
  }
}

const NULLISH_TYPES = new Set(['TSNullKeyword', 'TSUndefinedKeyword', 'NullLiteralTypeAnnotation', 'VoidTypeAnnotation']);

function entityName(name: Node): string | undefined {
  if (name.type === 'Identifier') return name.name;
  if (name.type === 'TSQualifiedName') return `${entityName(name.left)}.${name.right.name}`;
  return name.type === 'QualifiedTypeIdentifier' ? `${entityName(name.qualification)}.${name.id.name}` : undefined;
}

/**
 * The `baseURL` of a first-argument options object: its text, or the constant it names. An options variable
 * (`new OpenAI(opts)`) is read by name: its object literal, and a `baseURL` written into it later (`opts.baseURL =
 * cfg.baseURL`), which wins, as the transforms read it.
 */
function optionsBaseURL(args: Node[], text: string, index: FileIndex): { text: string } | { constant: string } | undefined {
  const options = args[0] && unwrap(args[0]);
  if (options?.type === 'Identifier') return variableBaseURL(options.name, text, index);
  if (!options || options.type !== 'ObjectExpression') return undefined;
  for (const p of options.properties) {
    if (p.type !== 'ObjectProperty' || propertyName(p.key, p.computed) !== 'baseURL') continue;
    if (p.shorthand) return { constant: 'baseURL' };
    const value = unwrap(p.value);
    return value.type === 'Identifier' ? { constant: value.name } : { text: text.slice(value.start!, value.end!) };
  }
  return undefined;
}

function variableBaseURL(name: string, text: string, index: FileIndex): { text: string } | { constant: string } | undefined {
  let literal: { text: string } | { constant: string } | undefined;
  for (const id of index.named(name)) {
    const parent = index.parentOf(id);
    if (parent?.type === 'VariableDeclarator' && parent.id === id && parent.init?.type === 'ObjectExpression') {
      literal ??= optionsBaseURL([parent.init], text, index);
    }
    const write = parent && isMember(parent) && parent.object === id && memberName(parent) === 'baseURL' ? index.parentOf(parent) : undefined;
    if (write?.type === 'AssignmentExpression' && write.left === parent) return { text: text.slice(write.right.start!, write.right.end!) };
  }
  return literal;
}

/**
 * Whether a first-argument options object's `apiKey` reads another vendor's variable, or one the code named after
 * another vendor (`keyNames`): that vendor's client.
 */
function vendorKey(args: Node[], text: string, index: FileIndex): boolean {
  const options = args[0] && unwrap(args[0]);
  if (!options || options.type !== 'ObjectExpression') return false;
  return options.properties.some(
    (p: Node) =>
      p.type === 'ObjectProperty' &&
      propertyName(p.key, p.computed) === 'apiKey' &&
      (readsOtherVendorEnv(text.slice(p.value.start!, p.value.end!)) || keyNames(index, p.value).some(namesOtherVendor)),
  );
}

/** The properties of a first argument that hand a wrapper its client (`Instructor({ client })`). */
const WRAPPER_PROPERTIES = new Set(CLIENT_WRAPPERS.flatMap((w) => w.property ?? []));

/** The file text last asked about, and whether it names a client wrapper's package (asked once per file). */
let wrapperText: { text: string; quotes: boolean } | undefined;
function quotesWrapper(text: string): boolean {
  if (wrapperText?.text !== text) wrapperText = { text, quotes: CLIENT_WRAPPER_PACKAGES.some((pkg) => quotesPackage(text, pkg)) };
  return wrapperText.quotes;
}

/** What a call may hand a client wrapper: its first argument, or the wrapper's property of a first-argument object. */
function wrappedSource(args: Node[], text: string, index: FileIndex): { source: Source; property?: string } | undefined {
  const first = args[0] && args[0].type !== 'SpreadElement' ? unwrap(args[0]) : undefined;
  if (!first) return undefined;
  if (first.type !== 'ObjectExpression') {
    const source = sourceOf(first, text, index);
    return source && { source };
  }
  for (const p of first.properties) {
    if (p.type !== 'ObjectProperty') continue;
    const property = propertyName(p.key, p.computed);
    if (property === undefined || !WRAPPER_PROPERTIES.has(property)) continue;
    const source = sourceOf(p.value, text, index);
    return source && { source, property };
  }
  return undefined;
}

function sourceOf(node: Node, text: string, index: FileIndex): Source | undefined {
  const e = unwrap(node);
  if (e.type === 'NullLiteral' || (e.type === 'Identifier' && e.name === 'undefined')) return undefined;
  if (e.type === 'NewExpression') {
    const ctor = dottedKey(e.callee);
    if (ctor === undefined) return { kind: 'other' };
    const baseURL = optionsBaseURL(e.arguments, text, index);
    return { kind: 'new', ctor, ...(baseURL ? { baseURL } : {}), ...(vendorKey(e.arguments, text, index) ? { vendorKey: true } : {}) };
  }
  if (isCall(e)) {
    const callee = unwrap(e.callee);
    if (callee.type !== 'Identifier') return { kind: 'other' };
    const baseURL = optionsBaseURL(e.arguments, text, index);
    const client = quotesWrapper(text) ? wrappedSource(e.arguments, text, index) : undefined;
    return {
      kind: 'call',
      fn: callee.name,
      ...(baseURL ? { baseURL } : {}),
      ...(vendorKey(e.arguments, text, index) ? { vendorKey: true } : {}),
      ...(client ? { client } : {}),
    };
  }
  const key = dottedKey(e);
  if (key !== undefined && !key.endsWith('()')) return { kind: 'ref', key };
  return { kind: 'other' };
}

function add<Key, V>(map: Map<Key, V[]>, key: Key, value: V | undefined): void {
  if (value === undefined) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Functions and classes: a `return` inside one is not the enclosing function's. */
const NESTED_SCOPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'ClassDeclaration',
  'ClassExpression',
]);

type FunctionLike = t.FunctionDeclaration | t.TSDeclareFunction | t.FunctionExpression | t.ArrowFunctionExpression;

/** The `return value` statements of each function, by the function (the nearest scope of `NESTED_SCOPES` around them). */
function returnsByFunction(index: FileIndex): Map<Node, t.ReturnStatement[]> {
  const returns = new Map<Node, t.ReturnStatement[]>();
  for (const r of index.nodes('ReturnStatement') as t.ReturnStatement[]) {
    if (!r.argument) continue;
    let scope = index.parentOf(r);
    while (scope && !NESTED_SCOPES.has(scope.type)) scope = index.parentOf(scope);
    if (!scope) continue;
    const list = returns.get(scope);
    if (list) list.push(r);
    else returns.set(scope, [r]);
  }
  return returns;
}

function returnSources(fn: FunctionLike, text: string, index: FileIndex, returns: () => Map<Node, t.ReturnStatement[]>): Source[] {
  const sources: Source[] = [];
  const declared = typeName(fn.returnType);
  if (declared) sources.push({ kind: 'typed', type: declared });
  const body = fn.type === 'TSDeclareFunction' ? undefined : fn.body;
  if (!body) return sources;
  if (body.type !== 'BlockStatement') {
    const source = sourceOf(body, text, index);
    if (source) sources.push(source);
    return sources;
  }
  for (const r of returns().get(fn) ?? []) {
    const source = sourceOf(r.argument!, text, index);
    if (source) sources.push(source);
  }
  return sources;
}

/** `module.exports` / `exports` / `module.exports.x` / `exports.x`: the export name (`=` for the whole module). */
function cjsExportName(node: Node): string | undefined {
  const key = dottedKey(node);
  if (key === 'module.exports') return '=';
  const m = key === undefined ? null : /^(?:module\.)?exports\.([\w$]+)$/.exec(key);
  return m ? m[1] : undefined;
}

/** Where a node keeps its parameter list: `params` on functions, `parameters` on TS signatures and function types. */
const PARAMETER_LISTS: Readonly<Record<string, 'params' | 'parameters'>> = {
  FunctionDeclaration: 'params',
  TSDeclareFunction: 'params',
  FunctionExpression: 'params',
  ArrowFunctionExpression: 'params',
  ObjectMethod: 'params',
  ClassMethod: 'params',
  ClassPrivateMethod: 'params',
  TSDeclareMethod: 'params',
  TSFunctionType: 'parameters',
  TSConstructorType: 'parameters',
  TSCallSignatureDeclaration: 'parameters',
  TSConstructSignatureDeclaration: 'parameters',
  TSMethodSignature: 'parameters',
  TSIndexSignature: 'parameters',
};

/** The node types a parameter can be. */
const PARAMETER_TYPES = new Set(['Identifier', 'AssignmentPattern', 'RestElement', 'TSParameterProperty']);

/** A parameter's name and declared type (`a: T`, `a: T = x`, `...a: T`); destructured parameters have no name. */
function parameter(param: Node): { name: string; type: Node | null | undefined } | undefined {
  if (param.type === 'Identifier') return { name: param.name, type: param.typeAnnotation };
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return { name: param.left.name, type: param.left.typeAnnotation };
  if (param.type === 'RestElement' && param.argument.type === 'Identifier') {
    return { name: param.argument.name, type: param.typeAnnotation ?? param.argument.typeAnnotation };
  }
  return undefined;
}

const FOR_HEADS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement']);

/** Node types the summary reads (with their subtypes in the index: optional calls, private fields), besides identifiers. */
const READ_TYPES = [
  'ImportDeclaration',
  'TSImportEqualsDeclaration',
  'ExportAllDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'TSExportAssignment',
  'FunctionDeclaration',
  'TSDeclareFunction',
  'ClassDeclaration',
  'VariableDeclaration',
  'ClassProperty',
  'ClassAccessorProperty',
  'AssignmentExpression',
  'CallExpression',
  'ImportExpression',
];

/** Source order; a node before the nodes inside it (same start, it ends later). */
const bySourceOrder = (a: Node, b: Node): number => a.start! - b.start! || b.end! - a.end!;

/**
 * Summarise one file Babel parsed (`text`: the source it parsed), from the file's index (`indexOfTree`): the nodes
 * the summary reads come from its lists by type, read in source order, so the file is walked once for the summary
 * and the transforms. Pure; never looks at another file.
 */
export function summarize(file: t.File, text: string, index: FileIndex): FileSummary {
  const s: FileSummary = {
    imports: new Map(),
    exports: new Map(),
    starExports: [],
    cjsDefault: false,
    values: new Map(),
    functions: new Map(),
    modelConsts: new Map(),
    urlConsts: new Set(),
    constTexts: new Map(),
    refs: [],
    opaque: [],
    browser: isBrowserModule(text),
    keyConsumers: [],
  };
  /** Identifiers that name an export rather than use a value (`module.exports = { x }`). */
  const aliases = new Set<Node>();
  /** `require`/`import()` calls already read as bindings. */
  const loaders = new Set<Node>();

  const exportLocal = (name: string, local: string): void => {
    s.exports.set(name, { local });
  };

  let returnsTable: Map<Node, t.ReturnStatement[]> | undefined;
  const returns = (): Map<Node, t.ReturnStatement[]> => (returnsTable ??= returnsByFunction(index));
  const assignValue = (key: string, value: Node): void => {
    if (isFunctionValue(value)) s.functions.set(key, returnSources(unwrap(value) as FunctionLike, text, index, returns));
    else add(s.values, key, sourceOf(value, text, index));
  };

  const visitVariable = (decl: t.VariableDeclarator, exported: boolean, moduleConst: boolean): void => {
    const init = decl.init;
    const load = init ? loaded(init) : undefined;
    const member = init && !load ? unwrap(init) : undefined;
    const memberLoad = isMember(member) ? loaded(member.object) : undefined;
    if (load) loaders.add(load.call);
    if (memberLoad) loaders.add(memberLoad.call);
    const id = decl.id;
    if (id.type === 'Identifier') {
      const name = id.name;
      if (exported) exportLocal(name, name);
      if (load) {
        s.imports.set(name, { spec: load.spec, name: load.name });
        return;
      }
      const imported = memberLoad && memberName(member as t.MemberExpression);
      if (memberLoad && imported !== undefined) {
        s.imports.set(name, { spec: memberLoad.spec, name: imported });
        return;
      }
      const declared = typeName(id.typeAnnotation);
      if (declared) add(s.values, name, { kind: 'typed', type: declared });
      if (init) assignValue(name, init);
      if (moduleConst && init) {
        const value = unwrap(init);
        if (TEXT_VALUES.has(value.type)) s.constTexts.set(name, text.slice(value.start!, value.end!));
        const model = stringValue(init);
        if (model !== undefined && isModelName(model)) s.modelConsts.set(name, model);
        if (model !== undefined && parseOpenAIURL(model)?.versioned) s.urlConsts.add(name);
      }
      return;
    }
    if (id.type === 'ObjectPattern' && load) {
      for (const p of id.properties) {
        if (p.type !== 'ObjectProperty') continue;
        const local = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
        if (local.type !== 'Identifier') continue;
        const imported = propertyName(p.key, p.computed);
        if (imported !== undefined) s.imports.set(local.name, { spec: load.spec, name: imported });
        if (exported) exportLocal(local.name, local.name);
      }
    }
  };

  const visitAssignment = (node: t.AssignmentExpression): void => {
    const exportName = cjsExportName(node.left);
    const right = unwrap(node.right);
    if (exportName === '=' && right.type === 'ObjectExpression') {
      for (const p of right.properties) {
        const name = p.type === 'ObjectProperty' ? propertyName(p.key, p.computed) : undefined;
        if (p.type !== 'ObjectProperty' || name === undefined) continue;
        const value = p.shorthand ? p.value : unwrap(p.value);
        if (value.type === 'Identifier') {
          aliases.add(value);
          exportLocal(name, value.name);
        }
      }
      return;
    }
    if (exportName !== undefined) {
      const name = exportName === '=' ? 'default' : exportName;
      if (exportName === '=') s.cjsDefault = true;
      if (right.type === 'Identifier') {
        aliases.add(right);
        exportLocal(name, right.name);
      } else {
        assignValue(`exports.${name}`, right);
        exportLocal(name, `exports.${name}`);
      }
      return;
    }
    const key = dottedKey(node.left);
    if (key !== undefined && (/^[\w$]+$/.test(key) || /^this\.[\w$#]+$/.test(key))) assignValue(key, node.right);
  };

  /** `export default x` / `export = x`: the module's default value. */
  const visitDefaultExport = (expression: Node): void => {
    const value = unwrap(expression);
    if (value.type === 'Identifier') {
      aliases.add(value);
      exportLocal('default', value.name);
    } else {
      assignValue('default', expression);
      exportLocal('default', 'default');
    }
  };

  /** Parameters are read at their place in source order (`(f: (c: OpenAI) => void, d: T)`), constructors' apart. */
  const parameters = new Map<Node, boolean>();
  const visitParameter = (param: Node, constructor: boolean): void => {
    const property = param.type === 'TSParameterProperty';
    const p = parameter(property ? param.parameter : param);
    const declared = p && typeName(p.type);
    if (!p || !declared) return;
    add(s.values, p.name, { kind: 'typed', type: declared });
    if (property && constructor) add(s.values, `this.${p.name}`, { kind: 'typed', type: declared });
  };

  const read: Node[] = [];
  for (const type of READ_TYPES) for (const node of index.nodes(type)) read.push(node);
  for (const [type, list] of Object.entries(PARAMETER_LISTS)) {
    for (const node of index.nodes(type)) {
      const constructor = node.type === 'ClassMethod' && node.kind === 'constructor';
      for (const param of node[list]) {
        if (!PARAMETER_TYPES.has(param.type)) continue;
        parameters.set(param, constructor);
        read.push(param);
      }
    }
  }
  read.sort(bySourceOrder);
  for (const node of read as Node[]) {
    const constructor = parameters.get(node);
    if (constructor !== undefined) {
      visitParameter(node, constructor);
      continue;
    }
    const parent = index.parentOf(node);
    switch (node.type) {
      case 'ImportDeclaration': {
        const spec = packageOfSpecifier(node.source.value);
        for (const el of node.specifiers) {
          if (el.type === 'ImportDefaultSpecifier') s.imports.set(el.local.name, { spec, name: 'default' });
          else if (el.type === 'ImportNamespaceSpecifier') s.imports.set(el.local.name, { spec, name: '*' });
          else {
            const imported = propertyName(el.imported);
            if (imported !== undefined) s.imports.set(el.local.name, { spec, name: imported });
          }
        }
        continue;
      }
      case 'TSImportEqualsDeclaration': {
        const ref = node.moduleReference;
        if (ref.type === 'TSExternalModuleReference') s.imports.set(node.id.name, { spec: packageOfSpecifier(ref.expression.value), name: '=' });
        continue;
      }
      case 'ExportAllDeclaration':
        s.starExports.push(packageOfSpecifier(node.source.value));
        continue;
      case 'ExportNamedDeclaration': {
        if (node.declaration) continue;
        const spec = node.source?.value;
        for (const el of node.specifiers) {
          const exported = propertyName(el.exported);
          if (exported === undefined) continue;
          if (el.type === 'ExportNamespaceSpecifier') {
            if (spec !== undefined) s.exports.set(exported, { spec, name: '*' });
          } else if (el.type === 'ExportSpecifier') {
            const local = propertyName(el.local);
            if (local !== undefined) s.exports.set(exported, spec !== undefined ? { spec, name: local } : { local });
          }
        }
        continue;
      }
      case 'ExportDefaultDeclaration': {
        const decl = node.declaration;
        if (!DECLARATIONS.has(decl.type)) visitDefaultExport(decl);
        continue;
      }
      case 'TSExportAssignment':
        s.cjsDefault = true;
        visitDefaultExport(node.expression);
        continue;
      case 'ClassDeclaration': {
        // Its own members are read where they are visited; its name is what importers take.
        const name = node.id?.name;
        if (name !== undefined && parent?.type === 'ExportNamedDeclaration') exportLocal(name, name);
        else if (name !== undefined && parent?.type === 'ExportDefaultDeclaration') exportLocal('default', name);
        break;
      }
      case 'FunctionDeclaration':
      case 'TSDeclareFunction': {
        const name = node.id?.name ?? 'default';
        s.functions.set(name, returnSources(node, text, index, returns));
        if (parent?.type === 'ExportNamedDeclaration') exportLocal(name, name);
        else if (parent?.type === 'ExportDefaultDeclaration') exportLocal('default', name);
        break;
      }
      case 'VariableDeclaration': {
        if (parent && FOR_HEADS.has(parent.type)) {
          for (const decl of node.declarations) visitVariable(decl, false, false);
          break;
        }
        const exported = parent?.type === 'ExportNamedDeclaration';
        const statementParent = exported ? index.parentOf(parent) : parent;
        const moduleConst = statementParent?.type === 'Program' && (node.kind === 'const' || node.kind === 'await using');
        for (const decl of node.declarations) visitVariable(decl, exported, moduleConst);
        break;
      }
      case 'ClassProperty':
      case 'ClassPrivateProperty':
      case 'ClassAccessorProperty': {
        const name = propertyName(node.key, 'computed' in node && node.computed);
        if (name === undefined || node.static) break;
        const declared = typeName(node.typeAnnotation);
        if (declared) add(s.values, `this.${name}`, { kind: 'typed', type: declared });
        if (node.value) assignValue(`this.${name}`, node.value);
        break;
      }
      case 'AssignmentExpression':
        if (node.operator === '=') visitAssignment(node);
        break;
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'ImportExpression': {
        const load = loaded(node);
        if (load && !loaders.has(node)) s.opaque.push(load.spec);
        break;
      }
    }
  }

  s.refs = refsOf(file, index, s, aliases);
  s.keyConsumers = keyConsumersOf(text, index, s);
  return s;
}

/** What `export default` may carry besides an expression: a declaration, handled where it is visited. */
const DECLARATIONS = new Set(['FunctionDeclaration', 'TSDeclareFunction', 'ClassDeclaration', 'TSInterfaceDeclaration', 'TSEnumDeclaration', 'TSModuleDeclaration']);

/** Fields whose identifier declares or names something (`id`, a label, an import/export name), never a use. */
const NAMING_FIELDS = new Set(['id', 'label', 'typeName', 'local', 'imported', 'exported', 'param', 'parameter', 'params', 'parameters']);
/** Nodes that hold bindings in a pattern; the pattern assigns (a use) or declares, as its root's parent says. */
const PATTERN_PARTS = new Set(['ObjectPattern', 'ArrayPattern', 'AssignmentPattern', 'RestElement', 'ObjectProperty', 'TSParameterProperty']);
const ASSIGNING = new Set(['AssignmentExpression', 'ForInStatement', 'ForOfStatement']);

/** The field of `parent` that holds `child`. */
function fieldOf(parent: Node, child: Node): string | undefined {
  for (const key in parent) {
    const value = (parent as unknown as Record<string, unknown>)[key];
    if (value === child || (Array.isArray(value) && value.includes(child))) return key;
  }
  return undefined;
}

/** Whether the binding position at `chain[i]` is inside a pattern that assigns (`({ a } = b)`) rather than declares. */
function assigned(chain: readonly Node[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && PATTERN_PARTS.has(chain[j]!.type)) j--;
  return j >= 0 && ASSIGNING.has(chain[j]!.type);
}

/** Whether the identifier at the end of `chain` is a use of a binding, not a declaration or a member name. */
function isUse(chain: readonly Node[]): boolean {
  const i = chain.length - 1;
  const id = chain[i]!;
  const parent = chain[i - 1]!;
  if (id.type === 'JSXIdentifier') {
    return parent.type === 'JSXOpeningElement' || parent.type === 'JSXClosingElement' || (parent.type === 'JSXMemberExpression' && parent.object === id);
  }
  const field = fieldOf(parent, id);
  if (field === undefined || NAMING_FIELDS.has(field)) return false;
  if (field === 'key' || field === 'property') return 'computed' in parent && parent.computed === true;
  if (parent.type === 'TSQualifiedName') return field === 'left';
  const binding =
    (parent.type === 'ObjectProperty' && field === 'value' && chain[i - 2]?.type === 'ObjectPattern') ||
    (parent.type === 'AssignmentPattern' && field === 'left') ||
    parent.type === 'RestElement' ||
    parent.type === 'ArrayPattern';
  return !binding || assigned(chain, i);
}

/** Index in `chain` of the node with the parentheses and casts around `chain[i]` (`(MODEL as string)`). */
function outermost(chain: readonly Node[], i: number): number {
  let e = i;
  while (e > 0 && WRAPPERS.has(chain[e - 1]!.type)) e--;
  return e;
}

/** Index of the object literal that has `chain[i]` as its `model` value (`{ model: MODEL }`, `{ model }`), or -1. */
function modelObject(chain: readonly Node[], i: number): number {
  const e = outermost(chain, i);
  const prop = chain[e - 1];
  const isModel =
    prop?.type === 'ObjectProperty' && prop.value === chain[e] && propertyName(prop.key, prop.computed) === 'model';
  return isModel && chain[e - 2]?.type === 'ObjectExpression' ? e - 2 : -1;
}

/** The call whose first-argument object has `chain[i]` as its `model` value. */
function modelCall(chain: readonly Node[], i: number): CallSite | undefined {
  const object = modelObject(chain, i);
  const call = chain[object - 1];
  return object > 0 && isCall(call) && call.arguments[0] === chain[object] ? callSite(call.callee) : undefined;
}

/** The call that takes `chain[i]` as its first argument (`openai(MODEL)`), as a call site whose segs may be empty. */
function firstArgumentOf(chain: readonly Node[], i: number): CallSite | undefined {
  const e = outermost(chain, i);
  const call = chain[e - 1];
  if (!isCall(call) || call.arguments[0] !== chain[e]) return undefined;
  const key = dottedKey(call.callee);
  if (key === undefined || key.includes('()')) return undefined;
  const [root, ...segs] = key.split('.');
  return { root: root!, segs };
}

/** Whether `chain[i]` is the `model` value of a `new X({ model })` (wrapper classes: LangChain models, agents). */
function isConstructedModel(chain: readonly Node[], i: number): boolean {
  const object = modelObject(chain, i);
  const construction = chain[object - 1];
  return object > 0 && construction?.type === 'NewExpression' && construction.arguments[0] === chain[object];
}

function callSite(callee: Node): CallSite | undefined {
  const key = dottedKey(callee);
  if (key === undefined) return undefined;
  const [root, ...segs] = key.split('.');
  return segs.length > 0 ? { root: root!, segs } : undefined;
}

/** The members a call reaches from the member at `chain[i]` on (`x.a.b()` from `x.a` → `a.b`), when it is called. */
function calledPath(chain: readonly Node[], i: number): string | undefined {
  const segs: string[] = [];
  for (let k = i; ; k--) {
    const e = chain[k];
    const name = isMember(e) ? memberName(e) : undefined;
    if (name === undefined) return undefined;
    segs.push(name);
    const up = chain[k - 1];
    if (isMember(up) && up.object === e) continue;
    return isCall(up) && up.callee === e ? segs.join('.') : undefined;
  }
}

/** The ref an identifier at the end of `chain` makes, or undefined when it declares or names something. */
function refAt(chain: readonly Node[]): Ref | undefined {
  if (!isUse(chain)) return undefined;
  const i = chain.length - 1;
  const node = chain[i] as t.Identifier | t.JSXIdentifier;
  const parent = chain[i - 1]!;
  if ((isMember(parent) && parent.object === node && !parent.computed) || (parent.type === 'JSXMemberExpression' && parent.object === node)) {
    const member = parent.type === 'JSXMemberExpression' ? parent.property.name : memberName(parent as t.MemberExpression)!;
    const ref: Ref = { local: node.name, member };
    const call = modelCall(chain, i - 1);
    if (call) ref.call = call;
    const argOf = firstArgumentOf(chain, i - 1);
    if (argOf) ref.argOf = argOf;
    const calls = calledPath(chain, i - 1);
    if (calls) ref.calls = calls;
    return ref;
  }
  if (parent.type === 'TSQualifiedName') return { local: node.name, member: parent.right.name };
  const ref: Ref = { local: node.name };
  const call = modelCall(chain, i);
  if (call) ref.call = call;
  else if (isConstructedModel(chain, i)) ref.constructed = true;
  const argOf = firstArgumentOf(chain, i);
  if (argOf) ref.argOf = argOf;
  return ref;
}

/** Uses of imported names and model constants (identifiers not aliased as export names), in source order. */
function refsOf(file: t.File, index: FileIndex, s: FileSummary, aliases: ReadonlySet<Node>): Ref[] {
  const ids: Node[] = [];
  for (const name of new Set([...s.modelConsts.keys(), ...s.imports.keys()])) {
    for (const id of index.named(name)) if (!aliases.has(id)) ids.push(id);
  }
  const refs: Ref[] = [];
  for (const id of ids.sort(bySourceOrder)) {
    // The identifier's ancestors from the program down, as a walk from the top would hold them.
    const chain = [id];
    for (let p = index.parentOf(id); p && p !== file; p = index.parentOf(p)) chain.push(p);
    const ref = refAt(chain.reverse());
    if (ref) refs.push(ref);
  }
  return refs;
}

/** What a key passes through on its way into the variable holding it (`process.env.X ?? ''`, `x!`). */
const HOLDERS = new Set([...WRAPPERS, 'LogicalExpression', 'ConditionalExpression']);

/**
 * See `FileSummary.keyConsumers`: the imported callees (`argumentCallee`, as env-reads asks) a read's value is handed
 * to, or the uses of a variable it is held in first.
 */
function keyConsumersOf(text: string, index: FileIndex, s: FileSummary): string[] {
  if (s.imports.size === 0 || !text.includes('OPENAI_')) return [];
  const consumers = new Set<string>();
  const handOn = (value: Node, hops: number): void => {
    const callee = argumentCallee(index, value);
    if (callee) {
      if (s.imports.has(callee.name)) consumers.add(callee.name);
      return;
    }
    let held = value;
    while (index.parentOf(held) && HOLDERS.has(index.parentOf(held)!.type)) held = index.parentOf(held)!;
    const declarator = index.parentOf(held);
    if (hops > 0 || declarator?.type !== 'VariableDeclarator' || declarator.init !== held || declarator.id.type !== 'Identifier') return;
    for (const use of index.named(declarator.id.name)) if (use !== declarator.id) handOn(use, 1);
  };
  for (const read of [...index.nodes('MemberExpression'), ...index.nodes('CallExpression')]) {
    const name = envRead(read);
    if (name !== undefined && azureReplacementFor(name) === AZURE_ENV.apiKey) handOn(read, 0);
  }
  return [...consumers].sort();
}
