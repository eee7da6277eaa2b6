import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isSpecifierOf } from '../../src/core/index.js';
import { declarationAt, indexFor, indexOfRoot, topOfRoot, type FileIndex } from './file-index.js';
import { statementsAsWritten, str } from './snippets.js';
import { importSlot, insertTopLevel } from './top-level.js';
import type { TransformContext } from './types.js';

type Node = any; // jscodeshift's Babel AST through recast: node shapes are checked by `type`, not by the compiler.

/**
 * How a module's export reaches a local name. `*` as `imported` means the whole module object
 * (`import * as oai`, `const oai = require(...)`, `import oai = require(...)`, `const oai = await import(...)`).
 */
export type BindingStyle =
  | 'esm-default'
  | 'esm-named'
  | 'esm-namespace'
  | 'cjs-whole'
  | 'cjs-destructured'
  | 'cjs-member'
  | 'ts-import-equals'
  | 'dynamic-whole'
  | 'dynamic-destructured'
  | 'dynamic-member';

export interface ModuleBinding {
  local: string;
  /** Export name (`default`, `OpenAI`, …) or `*` for the module object. */
  imported: string;
  style: BindingStyle;
  /** The identifier that declares `local`: scope lookups compare against it. */
  id: Node;
  /** The statement (import, variable declaration, import-equals) holding the binding. */
  statement: ASTPath<Node>;
  typeOnly: boolean;
}

const isString = (node: Node, value?: string): boolean =>
  (node?.type === 'StringLiteral' || (node?.type === 'Literal' && typeof node.value === 'string')) &&
  (value === undefined || node.value === value);
/** A module string naming `source` (bare, or through a Deno or CDN scheme: `npm:openai@^4`). */
const isSpecifier = (node: Node, source: string): boolean => isString(node) && isSpecifierOf(node.value, source);

/** `require("m")`. */
export function isRequireOf(node: Node, source: string): boolean {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    isSpecifier(node.arguments[0], source)
  );
}

/** `import("m")` (Babel's `Import` callee or an `ImportExpression`), optionally awaited. */
export function isDynamicImportOf(node: Node, source: string): boolean {
  const inner = node?.type === 'AwaitExpression' ? node.argument : node;
  if (inner?.type === 'ImportExpression') return isSpecifier(inner.source, source);
  return inner?.type === 'CallExpression' && inner.callee.type === 'Import' && isSpecifier(inner.arguments[0], source);
}

export function propertyName(node: Node): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (isString(node)) return node.value;
  if (node.type === 'PrivateName') return `#${node.id.name}`;
  return undefined;
}

/** The name a callee calls by: `f` for `f(…)`, `y` for `x.y(…)`, when static. */
export function calleeName(callee: Node): string | undefined {
  return callee?.type === 'Identifier' ? callee.name : memberName(callee);
}

/** The member a `x.y` / `x["y"]` / `x.#y` expression reads, when static. */
export function memberName(node: Node): string | undefined {
  if (node?.type !== 'MemberExpression' && node?.type !== 'OptionalMemberExpression') return undefined;
  return node.computed ? (isString(node.property) ? node.property.value : undefined) : propertyName(node.property);
}

function statementOf(path: ASTPath<Node>): ASTPath<Node> {
  let current: ASTPath<Node> = path;
  while (current.parent && !/Statement$|Declaration$/.test(current.node.type)) current = current.parent;
  return current;
}

/** Bindings a variable declarator creates from a module object (`require`, `await import`). */
function fromModuleValue(
  declarator: ASTPath<Node>,
  whole: BindingStyle,
  destructured: BindingStyle,
  member: BindingStyle,
  isModule: (n: Node) => boolean,
): ModuleBinding[] {
  const { id, init } = declarator.node as Node;
  const statement = statementOf(declarator);
  const unwrap = (n: Node): Node => (n?.type === 'TSAsExpression' || n?.type === 'TSNonNullExpression' ? unwrap(n.expression) : n);
  const value = unwrap(init);
  if (isModule(value)) {
    return patternBindings(id, whole, destructured, statement);
  }
  const object = unwrap(value?.object);
  const imported = memberName(value);
  if (imported && isModule(object) && id.type === 'Identifier') {
    return [{ local: id.name, imported, style: member, id, statement, typeOnly: false }];
  }
  return [];
}

/** Bindings a pattern given a module object makes: the whole module (`m`), or names destructured from it (`{ OpenAI }`). */
function patternBindings(pattern: Node, whole: BindingStyle, destructured: BindingStyle, statement: ASTPath<Node>): ModuleBinding[] {
  if (pattern?.type === 'Identifier') return [{ local: pattern.name, imported: '*', style: whole, id: pattern, statement, typeOnly: false }];
  if (pattern?.type !== 'ObjectPattern') return [];
  return pattern.properties.flatMap((p: Node) => {
    const imported = p.type === 'RestElement' ? undefined : propertyName(p.key);
    const local = p.value?.type === 'AssignmentPattern' ? p.value.left : p.value;
    return imported && local?.type === 'Identifier' ? [{ local: local.name, imported, style: destructured, id: local, statement, typeOnly: false }] : [];
  });
}

/** The module string of an import, require or `import()` statement (the first one in it). */
export function specifierOf(statement: Node): string | undefined {
  if (statement.type === 'ImportDeclaration') return statement.source.value;
  let found: string | undefined;
  const visit = (node: Node): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (node.type === 'StringLiteral') found = node.value;
    else for (const key of Object.keys(node)) if (key !== 'loc' && key !== 'extra') visit(node[key]);
  };
  visit(statement);
  return found;
}

/** Every local binding of `source`'s exports in this file, whatever the import style. */
export function moduleBindings(_j: JSCodeshift, root: Collection, source: string, options: { callbacks?: boolean } = {}): ModuleBinding[] {
  const out: ModuleBinding[] = [];
  const index = indexOfRoot(root);
  index.find('ImportDeclaration', (n) => isSpecifierOf(n.source.value, source)).forEach((path) => {
    const decl = path.node as Node;
    if (!isSpecifierOf(decl.source.value, source)) return;
    const declTypeOnly = decl.importKind === 'type' || decl.importKind === 'typeof';
    for (const s of decl.specifiers ?? []) {
      const typeOnly = declTypeOnly || s.importKind === 'type';
      if (s.type === 'ImportDefaultSpecifier') {
        out.push({ local: s.local.name, imported: 'default', style: 'esm-default', id: s.local, statement: path, typeOnly });
      } else if (s.type === 'ImportNamespaceSpecifier') {
        out.push({ local: s.local.name, imported: '*', style: 'esm-namespace', id: s.local, statement: path, typeOnly });
      } else {
        const imported = propertyName(s.imported) ?? s.local.name;
        out.push({ local: s.local.name, imported, style: 'esm-named', id: s.local, statement: path, typeOnly });
      }
    }
  });
  index.find('TSImportEqualsDeclaration').forEach((path) => {
    const decl = path.node as Node;
    const ref = decl.moduleReference;
    if (ref?.type === 'TSExternalModuleReference' && isSpecifierOf(ref.expression.value, source)) {
      const typeOnly = decl.importKind === 'type' || decl.isTypeOnly === true;
      out.push({ local: decl.id.name, imported: '*', style: 'ts-import-equals', id: decl.id, statement: path, typeOnly });
    }
  });
  // Only declarators whose value (or its object) is a `require`/`import()` of `source` get a path.
  const loads = (n: Node): boolean => isRequireOf(n, source) || isDynamicImportOf(n, source);
  const strip = (n: Node): Node => (n?.type === 'TSAsExpression' || n?.type === 'TSNonNullExpression' ? strip(n.expression) : n);
  index.find('VariableDeclarator', (n) => loads(strip(n.init)) || loads(strip(strip(n.init)?.object))).forEach((path) => {
    out.push(
      ...fromModuleValue(path, 'cjs-whole', 'cjs-destructured', 'cjs-member', (n) => isRequireOf(n, source)),
      ...fromModuleValue(path, 'dynamic-whole', 'dynamic-destructured', 'dynamic-member', (n) =>
        isDynamicImportOf(n, source),
      ),
    );
  });
  if (options.callbacks) out.push(...callbackBindings(index, source));
  return out;
}

const CALLBACKS = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/**
 * Bindings the first parameter of `import("m").then(callback)` makes: the module object (`(m) => …`) or names
 * destructured from it (`({ OpenAI }) => …`). Their `statement` is the statement the call sits in, which holds the
 * pattern (`findPattern`); only callers that rename within the pattern ask for them (`moduleBindings` options).
 */
function callbackBindings(index: FileIndex, source: string): ModuleBinding[] {
  const out: ModuleBinding[] = [];
  const loads = (n: Node): boolean => memberName(n.callee) === 'then' && isDynamicImportOf(n.callee.object, source) && CALLBACKS.has(n.arguments[0]?.type);
  index.find('CallExpression', loads).forEach((call) => {
    out.push(...patternBindings((call.node as Node).arguments[0].params[0], 'dynamic-whole', 'dynamic-destructured', statementOf(call)));
  });
  return out;
}

/** The binding an identifier at `path` resolves to, scope-aware (a shadowing local is not the import). */
export function resolveBinding(path: ASTPath<Node>, bindings: readonly ModuleBinding[]): ModuleBinding | undefined {
  const name = (path.node as Node).name as string;
  const candidates = bindings.filter((b) => b.local === name);
  if (candidates.length === 0) return undefined;
  const declared = declarationAt(path);
  if (!declared) return candidates.find((b) => b.style === 'ts-import-equals' || b.statement.parent?.node.type === 'Program');
  return candidates.find((b) => b.id === declared.id);
}

/** Whether an identifier path is a reference (not a property key, member name or the declaring identifier). */
export function isReference(path: ASTPath<Node>): boolean {
  const parent = path.parent?.node as Node;
  const node = path.node;
  if (!parent || parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
  if (parent.type === 'TSQualifiedName' && parent.right === node) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'TSPropertySignature') && parent.key === node && !parent.computed) {
    return parent.type === 'ObjectProperty' && parent.shorthand === true && parent.value === node && path.parent.parent?.node.type === 'ObjectExpression';
  }
  return true;
}

/** Identifier paths that refer to the variable declared by `id` (scope-aware, excluding the declaration). */
export function referencesOf(_j: JSCodeshift, root: Collection, id: Node): ASTPath<Node>[] {
  return namedIdentifiers(root, id.name).filter((p) => p.node !== id && isReference(p) && declarationAt(p)?.id === id);
}

/** Identifier (and JSXIdentifier) paths named `name`, as `find(j.Identifier, { name })`. */
function namedIdentifiers(root: Collection, name: string): ASTPath<Node>[] {
  const index = indexFor(root.paths()[0]!);
  return index.pathsOf(index.named(name));
}

/** Identifier paths that refer to `binding` (excluding its declaration). */
export function referencesTo(_j: JSCodeshift, root: Collection, binding: ModuleBinding): ASTPath<Node>[] {
  return namedIdentifiers(root, binding.local).filter(
    (p) => p.node !== binding.id && isReference(p) && resolveBinding(p, [binding]) === binding,
  );
}

/** The local name the file already has for `exportName` of `source` (a value import) where `near` is seen, if any. */
function namedExport(ctx: TransformContext, source: string, exportName: string, near?: ModuleBinding): string | undefined {
  return moduleBindings(ctx.j, ctx.root, source).find((b) => b.imported === exportName && !b.typeOnly && visibleBeside(b, near))?.local;
}

/** The block an import or require sits in: the Program for a module-level one (an `export const … = require()` too). */
export function blockOf(binding: ModuleBinding): Node {
  const parent = binding.statement.parent;
  return (parent?.node.type === 'ExportNamedDeclaration' ? parent.parent : parent)?.node;
}

/**
 * Whether `binding` is seen where `near` is: a module-level one everywhere, another only in the block `near` sits
 * in (a `require` inside one function does not serve another function). Without `near`: module-level only.
 */
export function visibleBeside(binding: ModuleBinding, near: ModuleBinding | undefined): boolean {
  const block = blockOf(binding);
  return block?.type === 'Program' || (!!near && block === blockOf(near));
}

/**
 * The local name for `exportName` of `source` where `like` is seen, adding an import in the style of `like` when
 * there is none there.
 */
export function ensureNamedExport(ctx: TransformContext, like: ModuleBinding, source: string, exportName: string): string {
  return namedExport(ctx, source, exportName, like) ?? addNamedExport(ctx, like, source, exportName);
}

/**
 * Import `exportName` of `source` in the style of `like` (the caller knows the file has no such import where `like`
 * is seen), under a free name (`AzureOpenAI2`) when the file binds `exportName` to something else; returns that name.
 */
export function addNamedExport(ctx: TransformContext, like: ModuleBinding, source: string, exportName: string): string {
  const { j } = ctx;
  const statement = like.statement.node as Node;
  // The same export imported in another block (a `require` in each function) is no clash.
  const same = moduleBindings(j, ctx.root, source, { callbacks: true }).filter((b) => b.imported === exportName && !b.typeOnly).map((b) => b.id);
  const local = freeName(ctx, exportName, '', same);
  switch (like.style) {
    case 'esm-default':
    case 'esm-named':
    case 'esm-namespace':
      if (like.style !== 'esm-namespace' && statement.importKind !== 'type') {
        statement.specifiers.push(j.importSpecifier(j.identifier(exportName), j.identifier(local)));
      } else {
        like.statement.insertAfter(importDeclaration(ctx, [[exportName, local]], source));
      }
      return local;
    case 'cjs-destructured':
    case 'dynamic-destructured': {
      const pattern = (like.id && findPattern(statement, like.id)) as Node;
      pattern.properties.push(destructured(j, exportName, local));
      return local;
    }
    default: {
      // Whole-module or member requires: a destructured sibling of the same kind (`require` or `await import`).
      const load = like.style.startsWith('dynamic') ? `await import(${str(ctx, source)})` : `require(${str(ctx, source)})`;
      const names = local === exportName ? local : `${exportName}: ${local}`;
      like.statement.insertAfter(statementsAsWritten(ctx, `const { ${names} } = ${load};`)[0]);
      return local;
    }
  }
}

/**
 * `base`, or `base` + `suffix` (numbered from the second) when the file declares that name for something else than
 * `same` (declaring identifiers of the binding wanted). A name declared nowhere is free: a use of it the migration
 * wrote ahead of its declaration (a client given `azureADTokenProvider`) is waiting for this very binding.
 */
export function freeName(ctx: TransformContext, base: string, suffix: string, same: readonly Node[] = []): string {
  const { index } = ctx;
  const taken = (name: string) => index.named(name).some((node) => index.declarationOf(node) !== undefined && !same.includes(node));
  if (!taken(base)) return base;
  for (let i = 0; ; i++) {
    const name = `${base}${suffix}${i === 0 ? '' : i + 1}`;
    if (!taken(name)) return name;
  }
}

/** The object pattern in `statement` that declares `id`: a declarator's, or a `.then` callback's parameter. */
function findPattern(statement: Node, id: Node): Node | undefined {
  const holds = (pattern: Node): boolean => pattern?.type === 'ObjectPattern' && pattern.properties.some((p: Node) => p.value === id || p.value?.left === id);
  for (const d of statement.declarations ?? []) if (holds(d.id)) return d.id;
  let found: Node | undefined;
  const visit = (node: Node): void => {
    if (found || !node || typeof node !== 'object') return;
    if (CALLBACKS.has(node.type) && holds(node.params[0])) found = node.params[0];
    else for (const key of Object.keys(node)) if (key !== 'loc' && key !== 'comments') visit(node[key]);
  };
  if (statement.type !== 'VariableDeclaration') visit(statement);
  return found;
}

/** `{ name }`, or `{ name: local }`. */
function destructured(j: JSCodeshift, name: string, local: string): Node {
  const property = j.objectProperty(j.identifier(name), j.identifier(local)) as Node;
  property.shorthand = name === local;
  return property;
}

/** `import { name as local, … } from 'source'`, from [export name, local name] pairs. */
function importDeclaration(ctx: TransformContext, names: readonly (readonly [string, string])[], source: string): Node {
  const { j } = ctx;
  return j.importDeclaration(
    names.map(([name, local]) => j.importSpecifier(j.identifier(name), j.identifier(local))),
    j.stringLiteral(source),
  );
}

/** Remove `binding` from its statement (the statement too when it binds nothing else). */
export function removeBinding(binding: ModuleBinding): void {
  const statement = binding.statement.node as Node;
  if (statement.type === 'ImportDeclaration') {
    statement.specifiers = statement.specifiers.filter((s: Node) => s.local !== binding.id);
    if (statement.specifiers.length === 0) prune(binding.statement);
    return;
  }
  // A `.then` callback's parameter: the name leaves the pattern, the call stays.
  const callbackPattern = binding.style === 'dynamic-destructured' && statement.type !== 'VariableDeclaration' ? findPattern(statement, binding.id) : undefined;
  if (callbackPattern) {
    callbackPattern.properties = callbackPattern.properties.filter((p: Node) => p.value !== binding.id && p.value?.left !== binding.id);
    return;
  }
  if (statement.type === 'VariableDeclaration') {
    statement.declarations = statement.declarations.filter((d: Node) => {
      if (d.id === binding.id) return false;
      if (d.id.type !== 'ObjectPattern') return true;
      d.id.properties = d.id.properties.filter((p: Node) => p.value !== binding.id && p.value?.left !== binding.id);
      return d.id.properties.length > 0;
    });
    if (statement.declarations.length === 0) prune(binding.statement);
    return;
  }
  prune(binding.statement);
}

/** Remove a statement, handing its leading comments to the next one so file headers survive. */
function prune(path: ASTPath<Node>): void {
  const node = path.node as Node;
  const comments = (node.comments ?? []).filter((c: Node) => c.leading);
  const siblings = path.parent?.node.body;
  if (comments.length && Array.isArray(siblings)) {
    const next = siblings[siblings.indexOf(node) + 1];
    if (next) next.comments = [...comments, ...(next.comments ?? [])];
  }
  path.prune();
}

/**
 * Whether the file is written as an ES module (static imports/exports or an ESM extension): new imports follow
 * the file, so a CommonJS file gets `require`.
 */
export function isEsmFile(ctx: TransformContext): boolean {
  if (/\.m[jt]s$/.test(ctx.path)) return true;
  if (/\.c[jt]s$/.test(ctx.path)) return false;
  const { index } = ctx;
  return ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration'].some((type) => index.nodes(type).length > 0);
}

/**
 * Make `names` of `source` available at module level in the file's import style (ESM import or `require`),
 * placed after the file's imports and before `before`, a top-level statement that uses them.
 */
export function addTopLevelImport(ctx: TransformContext, names: readonly string[], source: string, before?: Node): void {
  const { j, root } = ctx;
  const existing = moduleBindings(j, root, source).filter((b) => !b.typeOnly);
  const missing = names.filter((n) => !existing.some((b) => b.imported === n && b.local === n));
  if (missing.length === 0) return;
  const body = programBody(ctx);
  const slot = insertionIndex(body, before);
  // A value import of the module the file has (or a destructured require ahead of the slot) takes the names.
  const host = moduleBindings(j, root, source).find((b) => canTakeNames(b, body, slot));
  if (host) {
    for (const name of missing) addNamedExport(ctx, host, source, name);
    return;
  }
  const esm = isEsmFile(ctx) && ctx.index.nodes('TSImportEqualsDeclaration').length === 0;
  const statement = esm
    ? importDeclaration(ctx, missing.map((n) => [n, n] as const), source)
    : statementsAsWritten(ctx, `const { ${missing.join(', ')} } = require(${str(ctx, source)});`)[0];
  const first = body.findIndex((s) => s.type === 'ImportDeclaration');
  insertTopLevel(body, esm ? importSlot(body, first, slot) : slot, [statement]);
}

/**
 * Whether more names of a module can join `binding`'s statement: a top-level value import with named or default
 * specifiers (no namespace: `import * as m, { x }` does not parse), or a destructured `require` that runs before
 * `slot`, where the names are needed.
 */
function canTakeNames(binding: ModuleBinding, body: readonly Node[], slot: number): boolean {
  const statement = binding.statement.node as Node;
  const at = body.indexOf(statement);
  if (at === -1) return false;
  if (binding.style === 'esm-named' || binding.style === 'esm-default') {
    return statement.importKind !== 'type' && statement.importKind !== 'typeof' && !statement.specifiers.some((s: Node) => s.type === 'ImportNamespaceSpecifier');
  }
  return binding.style === 'cjs-destructured' && at < slot && statement.declarations.length === 1;
}

/**
 * The program's statement list, ready for insertions. Directives (`'use strict'`) become leading statements
 * first: recast reprints a Program's directives with a doubled semicolon.
 */
export function programBody(ctx: TransformContext): Node[] {
  const top = topOfRoot(ctx.root);
  const program = (top.program ?? top) as Node;
  const directives: Node[] = program.directives ?? [];
  if (directives.length > 0) {
    const statements = directives.map((d) => {
      const statement = ctx.j.expressionStatement(ctx.j.stringLiteral(d.value.value)) as Node;
      statement.directive = d.value.value;
      statement.comments = d.comments;
      return statement;
    });
    program.directives = [];
    program.body.unshift(...statements);
  }
  return program.body;
}

/** After the file's imports, but before `before` (a top-level statement that needs what is inserted). */
export function insertionIndex(body: readonly Node[], before?: Node): number {
  const use = before === undefined ? -1 : body.indexOf(before);
  return Math.min(lastImportIndex(body) + 1, use === -1 ? body.length : use);
}

/** Index of the last top-level import / require statement (or directive prologue), -1 when none. */
export function lastImportIndex(body: readonly Node[]): number {
  let last = -1;
  body.forEach((statement, i) => {
    if (
      statement.type === 'ImportDeclaration' ||
      statement.type === 'TSImportEqualsDeclaration' ||
      (statement.type === 'VariableDeclaration' &&
        statement.declarations.every((d: Node) => isRequireCall(d.init) || isRequireCall(d.init?.object))) ||
      (statement.type === 'ExpressionStatement' && statement.directive)
    ) {
      last = i;
    }
  });
  return last;
}

/** `require(…)`, whatever it loads. */
export function isRequireCall(node: Node): boolean {
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require';
}
