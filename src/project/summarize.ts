import { ts } from 'ts-morph';
import { isModelName } from '../core/models.js';

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
  /** Module-level `const` → initializer text (to read a `baseURL` held in a constant). */
  constTexts: Map<string, string>;
  refs: Ref[];
  /** Modules loaded in a way we cannot follow (`import()`, `require` passed around): all they export escapes. */
  opaque: string[];
}

/** `name`: an export name, `default`, `*` (namespace) or `=` (the whole CommonJS module, `require('x')`). */
export interface ImportBinding {
  spec: string;
  name: string;
}

export type ExportTarget = { local: string } | { spec: string; name: string };

export type Source =
  | { kind: 'new'; ctor: string; baseURL?: { text: string } | { constant: string } }
  | { kind: 'typed'; type: string }
  | { kind: 'ref'; key: string }
  /** `baseURL`: as for `new`, read from the first-argument object (an AI SDK `createOpenAI({ baseURL })`). */
  | { kind: 'call'; fn: string; baseURL?: { text: string } | { constant: string } }
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
}

// ts-morph's `ts` namespace reads each member through a getter: bind what the per-node walks call, once.
const { SyntaxKind: K, forEachChild, isIdentifier, isFunctionLike, isClassLike } = ts;

/** Expressions that wrap a value without changing which value it is (`await` included: a client stays a client). */
const WRAPPERS = new Set([
  K.ParenthesizedExpression,
  K.AsExpression,
  K.SatisfiesExpression,
  K.NonNullExpression,
  K.TypeAssertionExpression,
  K.AwaitExpression,
]);

/** Initializers whose text can be a URL (kept to read a `baseURL` held in a constant). */
const TEXT_VALUES = new Set([
  K.StringLiteral,
  K.NoSubstitutionTemplateLiteral,
  K.TemplateExpression,
  K.BinaryExpression,
  K.PropertyAccessExpression,
  K.ElementAccessExpression,
  K.ConditionalExpression,
]);

function unwrap(node: ts.Expression): ts.Expression {
  let e = node;
  while (WRAPPERS.has(e.kind)) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

function stringValue(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined;
}

function propertyName(name: ts.PropertyName | ts.ModuleExportName): string | undefined {
  return isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : undefined;
}

/** `a.b.c`, `this.x`, `f().chat`: the dotted key of an expression, or undefined when it is anything else. */
function dottedKey(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  if (isIdentifier(e)) return e.text;
  if (e.kind === K.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(e)) {
    const base = dottedKey(e.expression);
    return base === undefined ? undefined : `${base}.${e.name.text}`;
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    return isIdentifier(callee) ? `${callee.text}()` : undefined;
  }
  return undefined;
}

/** `require('x')` → `{ spec: 'x', name: '=' }`; `import('x')`, awaited or not → a namespace (`*`). */
function loaded(node: ts.Expression): { call: ts.CallExpression; spec: string; name: '=' | '*' } | undefined {
  const e = unwrap(node);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const spec = stringValue(e.arguments[0]!);
  if (spec === undefined) return undefined;
  if (isIdentifier(e.expression) && e.expression.text === 'require') return { call: e, spec, name: '=' };
  return e.expression.kind === K.ImportKeyword ? { call: e, spec, name: '*' } : undefined;
}

/** The type name a value is declared with, through `| null | undefined` and `Promise<…>`: `OpenAI`, `ns.OpenAI`. */
function typeName(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return typeName(type.type);
  if (ts.isUnionTypeNode(type)) {
    const named = type.types.filter(
      (t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === K.NullKeyword) && t.kind !== K.UndefinedKeyword,
    );
    return named.length === 1 ? typeName(named[0]) : undefined;
  }
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const name = isIdentifier(type.typeName) ? type.typeName.text : qualifiedName(type.typeName);
  if (name === 'Promise' && type.typeArguments?.length === 1) return typeName(type.typeArguments[0]);
  return name;
}

function qualifiedName(name: ts.EntityName): string {
  return isIdentifier(name) ? name.text : `${qualifiedName(name.left)}.${name.right.text}`;
}

/** The `baseURL` of a first-argument options object: its text, or the constant it names. */
function optionsBaseURL(args: ts.NodeArray<ts.Expression> | undefined): { text: string } | { constant: string } | undefined {
  const options = args?.[0] && unwrap(args[0]);
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const p of options.properties) {
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'baseURL') return { constant: 'baseURL' };
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === 'baseURL') {
      const value = unwrap(p.initializer);
      return isIdentifier(value) ? { constant: value.text } : { text: value.getText() };
    }
  }
  return undefined;
}

function sourceOf(node: ts.Expression): Source | undefined {
  const e = unwrap(node);
  if (e.kind === K.NullKeyword || (isIdentifier(e) && e.text === 'undefined')) return undefined;
  if (ts.isNewExpression(e)) {
    const ctor = dottedKey(e.expression);
    if (ctor === undefined) return { kind: 'other' };
    const baseURL = optionsBaseURL(e.arguments);
    return baseURL ? { kind: 'new', ctor, baseURL } : { kind: 'new', ctor };
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    if (!isIdentifier(callee)) return { kind: 'other' };
    const baseURL = optionsBaseURL(e.arguments);
    return baseURL ? { kind: 'call', fn: callee.text, baseURL } : { kind: 'call', fn: callee.text };
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

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === kind)) ?? false;
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

function returnSources(fn: FunctionLike): Source[] {
  const sources: Source[] = [];
  const declared = typeName(fn.type);
  if (declared) sources.push({ kind: 'typed', type: declared });
  if (!fn.body) return sources;
  if (!ts.isBlock(fn.body)) {
    const source = sourceOf(fn.body);
    if (source) sources.push(source);
    return sources;
  }
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) || isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) {
      const source = sourceOf(node.expression);
      if (source) sources.push(source);
    }
    forEachChild(node, visit);
  };
  forEachChild(fn.body, visit);
  return sources;
}

function isFunctionValue(node: ts.Expression): node is ts.FunctionExpression | ts.ArrowFunction {
  const e = unwrap(node);
  return ts.isFunctionExpression(e) || ts.isArrowFunction(e);
}

/** `module.exports` / `exports` / `module.exports.x` / `exports.x`: the export name (`=` for the whole module). */
function cjsExportName(node: ts.Expression): string | undefined {
  const key = dottedKey(node);
  if (key === 'module.exports') return '=';
  const m = key === undefined ? null : /^(?:module\.)?exports\.([\w$]+)$/.exec(key);
  return m ? m[1] : undefined;
}

/** Summarise one parsed file. Pure; never looks at another file. */
export function summarize(file: ts.SourceFile): FileSummary {
  const s: FileSummary = {
    imports: new Map(),
    exports: new Map(),
    starExports: [],
    cjsDefault: false,
    values: new Map(),
    functions: new Map(),
    modelConsts: new Map(),
    constTexts: new Map(),
    refs: [],
    opaque: [],
  };
  /** Identifiers that name an export rather than use a value (`module.exports = { x }`). */
  const aliases = new Set<ts.Node>();
  /** `require`/`import()` calls already read as bindings. */
  const loaders = new Set<ts.Node>();

  const exportLocal = (name: string, local: string): void => {
    s.exports.set(name, { local });
  };

  const assignValue = (key: string, value: ts.Expression): void => {
    if (isFunctionValue(value)) s.functions.set(key, returnSources(unwrap(value) as FunctionLike));
    else add(s.values, key, sourceOf(value));
  };

  const visitVariable = (decl: ts.VariableDeclaration, exported: boolean, moduleConst: boolean): void => {
    const init = decl.initializer;
    const load = init && loaded(init);
    const member = init && !load ? unwrap(init) : undefined;
    const memberLoad = member && ts.isPropertyAccessExpression(member) ? loaded(member.expression) : undefined;
    if (load) loaders.add(load.call);
    if (memberLoad) loaders.add(memberLoad.call);
    if (isIdentifier(decl.name)) {
      const name = decl.name.text;
      if (exported) exportLocal(name, name);
      if (load) {
        s.imports.set(name, { spec: load.spec, name: load.name });
        return;
      }
      if (memberLoad) {
        s.imports.set(name, { spec: memberLoad.spec, name: (member as ts.PropertyAccessExpression).name.text });
        return;
      }
      const declared = typeName(decl.type);
      if (declared) add(s.values, name, { kind: 'typed', type: declared });
      if (init) assignValue(name, init);
      if (moduleConst && init) {
        if (TEXT_VALUES.has(unwrap(init).kind)) s.constTexts.set(name, unwrap(init).getText());
        const model = stringValue(init);
        if (model !== undefined && isModelName(model)) s.modelConsts.set(name, model);
      }
      return;
    }
    if (ts.isObjectBindingPattern(decl.name) && load) {
      for (const element of decl.name.elements) {
        if (!isIdentifier(element.name) || element.dotDotDotToken) continue;
        const imported = element.propertyName ? propertyName(element.propertyName) : element.name.text;
        if (imported !== undefined) s.imports.set(element.name.text, { spec: load.spec, name: imported });
        if (exported) exportLocal(element.name.text, element.name.text);
      }
    }
  };

  const visitAssignment = (node: ts.BinaryExpression): void => {
    const exportName = cjsExportName(node.left);
    const right = unwrap(node.right);
    if (exportName === '=' && ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        const name = ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
        if (name === undefined) continue;
        const value = ts.isShorthandPropertyAssignment(p) ? p.name : unwrap((p as ts.PropertyAssignment).initializer);
        if (isIdentifier(value)) {
          aliases.add(value);
          exportLocal(name, value.text);
        }
      }
      return;
    }
    if (exportName !== undefined) {
      const name = exportName === '=' ? 'default' : exportName;
      if (exportName === '=') s.cjsDefault = true;
      if (isIdentifier(right)) {
        aliases.add(right);
        exportLocal(name, right.text);
      } else {
        assignValue(`exports.${name}`, right);
        exportLocal(name, `exports.${name}`);
      }
      return;
    }
    const key = dottedKey(node.left);
    if (key !== undefined && (/^[\w$]+$/.test(key) || /^this\.[\w$#]+$/.test(key))) assignValue(key, node.right);
  };

  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case K.ImportDeclaration: {
        const decl = node as ts.ImportDeclaration;
        const spec = stringValue(decl.moduleSpecifier as ts.Expression);
        const clause = decl.importClause;
        if (spec === undefined || !clause) break;
        if (clause.name) s.imports.set(clause.name.text, { spec, name: 'default' });
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) s.imports.set(bindings.name.text, { spec, name: '*' });
        else if (bindings) {
          for (const el of bindings.elements) {
            const imported = propertyName(el.propertyName ?? el.name);
            if (imported !== undefined) s.imports.set(el.name.text, { spec, name: imported });
          }
        }
        return;
      }
      case K.ImportEqualsDeclaration: {
        const decl = node as ts.ImportEqualsDeclaration;
        if (ts.isExternalModuleReference(decl.moduleReference)) {
          const spec = stringValue(decl.moduleReference.expression);
          if (spec !== undefined) s.imports.set(decl.name.text, { spec, name: '=' });
        }
        return;
      }
      case K.ExportDeclaration: {
        const decl = node as ts.ExportDeclaration;
        const spec = decl.moduleSpecifier && stringValue(decl.moduleSpecifier);
        const clause = decl.exportClause;
        if (spec !== undefined && !clause) s.starExports.push(spec);
        else if (spec !== undefined && clause && ts.isNamespaceExport(clause)) {
          const name = propertyName(clause.name);
          if (name !== undefined) s.exports.set(name, { spec, name: '*' });
        } else if (clause && ts.isNamedExports(clause)) {
          for (const el of clause.elements) {
            const exported = propertyName(el.name);
            const local = propertyName(el.propertyName ?? el.name);
            if (exported === undefined || local === undefined) continue;
            s.exports.set(exported, spec !== undefined ? { spec, name: local } : { local });
          }
        }
        return;
      }
      case K.ExportAssignment: {
        const decl = node as ts.ExportAssignment;
        if (decl.isExportEquals) s.cjsDefault = true;
        const value = unwrap(decl.expression);
        if (isIdentifier(value)) {
          aliases.add(value);
          exportLocal('default', value.text);
        } else {
          assignValue('default', decl.expression);
          exportLocal('default', 'default');
        }
        break;
      }
      case K.FunctionDeclaration: {
        const fn = node as ts.FunctionDeclaration;
        const name = fn.name?.text ?? 'default';
        s.functions.set(name, returnSources(fn));
        if (hasModifier(fn, K.ExportKeyword)) {
          exportLocal(hasModifier(fn, K.DefaultKeyword) ? 'default' : name, name);
        }
        break;
      }
      case K.VariableStatement: {
        const stmt = node as ts.VariableStatement;
        const exported = hasModifier(stmt, K.ExportKeyword);
        const moduleConst = stmt.parent === file && (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
        for (const decl of stmt.declarationList.declarations) visitVariable(decl, exported, moduleConst);
        break;
      }
      case K.VariableDeclaration: {
        // Declarations outside a statement (`for (const x of …)`) and inside nested ones reach here too.
        if (!ts.isVariableStatement(node.parent.parent)) visitVariable(node as ts.VariableDeclaration, false, false);
        break;
      }
      case K.Parameter: {
        const param = node as ts.ParameterDeclaration;
        const declared = typeName(param.type);
        if (declared && isIdentifier(param.name)) {
          add(s.values, param.name.text, { kind: 'typed', type: declared });
          if (ts.isParameterPropertyDeclaration(param, param.parent)) {
            add(s.values, `this.${param.name.text}`, { kind: 'typed', type: declared });
          }
        }
        break;
      }
      case K.PropertyDeclaration: {
        const prop = node as ts.PropertyDeclaration;
        const name = propertyName(prop.name);
        if (name === undefined || hasModifier(prop, K.StaticKeyword)) break;
        const declared = typeName(prop.type);
        if (declared) add(s.values, `this.${name}`, { kind: 'typed', type: declared });
        if (prop.initializer) assignValue(`this.${name}`, prop.initializer);
        break;
      }
      case K.BinaryExpression: {
        const bin = node as ts.BinaryExpression;
        if (bin.operatorToken.kind === K.EqualsToken) visitAssignment(bin);
        break;
      }
      case K.CallExpression: {
        const load = loaded(node as ts.CallExpression);
        if (load && !loaders.has(node)) s.opaque.push(load.spec);
        break;
      }
    }
    forEachChild(node, visit);
  };
  forEachChild(file, visit);

  collectRefs(file, s, aliases);
  return s;
}

/** Kinds whose `name` is a declaration (or a member name), not a use of a binding. */
const DECLARING = new Set([
  K.VariableDeclaration,
  K.Parameter,
  K.FunctionDeclaration,
  K.FunctionExpression,
  K.ClassDeclaration,
  K.ClassExpression,
  K.MethodDeclaration,
  K.MethodSignature,
  K.PropertyDeclaration,
  K.PropertySignature,
  K.PropertyAssignment,
  K.PropertyAccessExpression,
  K.GetAccessor,
  K.SetAccessor,
  K.EnumDeclaration,
  K.EnumMember,
  K.InterfaceDeclaration,
  K.TypeAliasDeclaration,
  K.ModuleDeclaration,
  K.BindingElement,
  K.ImportClause,
  K.ImportSpecifier,
  K.NamespaceImport,
  K.ImportEqualsDeclaration,
  K.ExportSpecifier,
  K.NamespaceExport,
  K.TypeParameter,
  K.LabeledStatement,
  K.JsxAttribute,
]);

function isUse(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isTypeReferenceNode(parent) || ts.isExportAssignment(parent)) return false;
  if (ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  if (ts.isQualifiedName(parent) && parent.right === id) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  return !(DECLARING.has(parent.kind) && (parent as ts.NamedDeclaration).name === id);
}

/** `node` with the parentheses and casts around it (`(MODEL as string)`). */
function outermost(node: ts.Node): ts.Node {
  let e: ts.Node = node;
  while (WRAPPERS.has(e.parent.kind)) e = e.parent;
  return e;
}

/** The object literal that has `node` as its `model` value (`{ model: MODEL }`, `{ model }`). */
function modelObject(node: ts.Node): ts.Node | undefined {
  const e = outermost(node);
  const prop = e.parent;
  const isModel =
    (ts.isPropertyAssignment(prop) && prop.initializer === e && propertyName(prop.name) === 'model') ||
    (ts.isShorthandPropertyAssignment(prop) && prop.name === e && prop.name.text === 'model');
  return isModel ? prop.parent : undefined;
}

/** The call whose first-argument object has `node` as its `model` value. */
function modelCall(node: ts.Node): CallSite | undefined {
  const object = modelObject(node);
  const call = object?.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== object) return undefined;
  return callSite(call.expression);
}

/** The call that takes `node` as its first argument (`openai(MODEL)`), as a call site whose segs may be empty. */
function firstArgumentOf(node: ts.Node): CallSite | undefined {
  const e = outermost(node);
  const call = e.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== e) return undefined;
  const key = dottedKey(call.expression);
  if (key === undefined || key.includes('()')) return undefined;
  const [root, ...segs] = key.split('.');
  return { root: root!, segs };
}

/** Whether `node` is the `model` value of a `new X({ model })` (wrapper classes: LangChain models, agents). */
function isConstructedModel(node: ts.Node): boolean {
  const object = modelObject(node);
  const construction = object?.parent;
  return !!construction && ts.isNewExpression(construction) && construction.arguments?.[0] === object;
}

function callSite(callee: ts.Expression): CallSite | undefined {
  const key = dottedKey(callee);
  if (key === undefined) return undefined;
  const [root, ...segs] = key.split('.');
  return segs.length > 0 ? { root: root!, segs } : undefined;
}

/** Uses of imported names and model constants: the second pass, once the file's bindings are known. */
function collectRefs(file: ts.SourceFile, s: FileSummary, aliases: Set<ts.Node>): void {
  const names = new Set<string>([...s.modelConsts.keys(), ...s.imports.keys()]);
  if (names.size === 0) return;
  const visit = (node: ts.Node): void => {
    if (isIdentifier(node) && names.has(node.text) && !aliases.has(node) && isUse(node)) {
      const parent = node.parent;
      let ref: Ref;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        ref = { local: node.text, member: parent.name.text };
        const call = modelCall(parent);
        if (call) ref.call = call;
        const argOf = firstArgumentOf(parent);
        if (argOf) ref.argOf = argOf;
      } else if (ts.isQualifiedName(parent) && parent.left === node) {
        ref = { local: node.text, member: parent.right.text };
      } else {
        ref = { local: node.text };
        const call = modelCall(node);
        if (call) ref.call = call;
        else if (isConstructedModel(node)) ref.constructed = true;
        const argOf = firstArgumentOf(node);
        if (argOf) ref.argOf = argOf;
      }
      s.refs.push(ref);
    }
    forEachChild(node, visit);
  };
  forEachChild(file, visit);
}
