import type { ASTPath, Collection } from 'jscodeshift';
import { CHILD_KEYS } from './child-keys.js';

type Node = any; // Babel AST via recast: shapes are checked by `type` at run time.

/**
 * One walk per file: nodes by type, identifiers by name, each node's parent, and a binding table of our own; the
 * transforms and the project index's summary of the file (src/project/summarize.ts) both read it.
 * It replaces ast-types' scope machinery, which throws on `catch {}` without a binding (ast-types #944) and rescans
 * per question, and jscodeshift's `find`, which builds a NodePath for every node of the tree on every call. NodePaths
 * are made only for the nodes a transform asks about (`pathOf`), through ast-types' own child cache so they are the
 * same objects `find` would return.
 */

/** How a name was declared. */
export type DeclarationKind = 'var' | 'let' | 'const' | 'using' | 'param' | 'function' | 'class' | 'import' | 'catch' | 'enum' | 'namespace';

export interface Declaration {
  /** The declaring identifier. */
  id: Node;
  kind: DeclarationKind;
  scope: Scope;
}

export interface Scope {
  node: Node;
  parent: Scope | undefined;
  /** Whether `var` declarations stop here (program, functions, TS module blocks). */
  isFunction: boolean;
  names: Map<string, Declaration>;
}

export interface FileIndex {
  /** The file's top node (recast's `File`). */
  top: Node;
  program: Scope;
  /** Nodes of a type (and its subtypes, as ast-types matches them), in source order, as the file was when the index was built. */
  nodes(type: string): readonly Node[];
  /** Identifier (and JSXIdentifier) nodes with this name. */
  named(name: string): readonly Node[];
  /** The parent of a node, undefined at the top or for a node the walk never saw. */
  parentOf(node: Node): Node | undefined;
  /** Whether `ancestor` holds `node` (a node the walk never saw is held by nothing). */
  isWithin(node: Node, ancestor: Node): boolean;
  /** The NodePath of a node of this tree (throws for one no longer in it). */
  pathOf(node: Node): ASTPath<Node>;
  /** The NodePaths of these nodes, leaving out those no longer in the tree (replaced after the index was built). */
  pathsOf(nodes: readonly Node[]): ASTPath<Node>[];
  /** Paths of the nodes of a type that pass a test on the plain node (only those get a NodePath). */
  find(type: string, test?: (node: Node) => boolean): ASTPath<Node>[];
  /** The declaration an identifier resolves to; undefined for a global (or a name declared nowhere in the file). */
  resolve(id: Node, path?: ASTPath<Node>): Declaration | undefined;
  /** The declaration of a declaring identifier (the node itself declares it). */
  declarationOf(id: Node): Declaration | undefined;
  /** The identifiers (and JSX names) that resolve to a declaration: its uses, not its declaring identifier. */
  usesOf(declaration: Declaration): Node[];
}

/** Types ast-types' `find(j.X)` also matches under X (its `bases`), so `nodes(X)` lists them too. */
const SUPERTYPES: Readonly<Record<string, string>> = {
  OptionalMemberExpression: 'MemberExpression',
  OptionalCallExpression: 'CallExpression',
  JSXIdentifier: 'Identifier',
  ClassPrivateProperty: 'ClassProperty',
};

/** Keys that never hold child nodes (for a type `CHILD_KEYS` does not list, whose own keys are walked). */
const SKIP_KEYS = new Set(['type', 'loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'original']);

const FUNCTIONS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'TSDeclareFunction',
  'TSDeclareMethod',
]);

/** Whether a node is a function (its body runs when it is called, not where it stands). */
export const isFunction = (node: Node): boolean => FUNCTIONS.has(node?.type);

const BLOCKS = ['BlockStatement', 'StaticBlock', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'SwitchStatement', 'CatchClause', 'ClassExpression', 'ClassDeclaration'];

/** The scope a node type opens for its children (one lookup per node: most open none). */
const OPENS: Readonly<Record<string, 'function' | 'module' | 'block'>> = Object.assign(
  Object.create(null),
  Object.fromEntries([...[...FUNCTIONS].map((t) => [t, 'function']), ['TSModuleBlock', 'module'], ...BLOCKS.map((t) => [t, 'block'])]),
);

/** Identifiers a binding pattern declares (`{ a, b: [c = 1, ...d] }` → a, c, d). */
export function patternIds(pattern: Node, out: Node[] = []): Node[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) patternIds(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const e of pattern.elements) patternIds(e, out);
      break;
    case 'AssignmentPattern':
      patternIds(pattern.left, out);
      break;
    case 'RestElement':
      patternIds(pattern.argument, out);
      break;
    case 'TSParameterProperty':
      patternIds(pattern.parameter, out);
      break;
  }
  return out;
}

/** Parents that put a child named `id` in the scope they sit in, not in the one they open. */
const NAME_OUTSIDE = new Set(['FunctionDeclaration', 'ClassDeclaration', 'TSDeclareFunction']);

class Builder {
  readonly byType = new Map<string, Node[]>();
  /** Each node's parent; the key it sits under is looked up when a path is asked for (`locate`), not stored. */
  readonly parents = new Map<Node, Node>();
  /** The scope each scope-making node opens (an identifier's own scope is derived from its parents: `scopeOf`). */
  readonly scopes = new Map<Node, Scope>();
  readonly declarations = new Map<Node, Declaration>();
  readonly program: Scope;

  /** `scoped` false: nodes and parents only, no scopes or declarations (a summary does without: `resolve` finds nothing). */
  constructor(
    top: Node,
    private readonly scoped = true,
  ) {
    const program = top.type === 'File' ? top.program : top;
    this.program = this.open(program, undefined, true);
    this.add(top, top.type);
    if (program !== top) this.parents.set(program, top);
    this.children(program, program.type, this.program);
  }

  /**
   * The scope the walk put a node it saw in: the one its parent opens (the parent's own, for the name of a function
   * or class declaration), else its parent's. Asked for identifiers only, so the walk stores no scope per node.
   */
  scopeOf(node: Node): Scope {
    for (let child = node, parent = this.parents.get(node); parent; child = parent, parent = this.parents.get(parent)) {
      const opened = this.scopes.get(parent);
      if (opened && !(parent.id === child && NAME_OUTSIDE.has(parent.type))) return opened;
    }
    return this.program;
  }

  private open(node: Node, parent: Scope | undefined, isFunction: boolean): Scope {
    const scope: Scope = { node, parent, isFunction, names: new Map() };
    this.scopes.set(node, scope);
    return scope;
  }

  private declare(scope: Scope, pattern: Node, kind: DeclarationKind): void {
    for (const id of patternIds(pattern)) {
      const declaration: Declaration = { id, kind, scope };
      this.declarations.set(id, declaration);
      // The first declaration wins, as with `var x; var x;` and a function's overloads.
      if (!scope.names.has(id.name)) scope.names.set(id.name, declaration);
    }
  }

  private add(node: Node, type: string): void {
    const list = this.byType.get(type);
    if (list) list.push(node);
    else this.byType.set(type, [node]);
    const supertype = SUPERTYPES[type];
    if (supertype) this.add(node, supertype);
  }

  private functionScope(scope: Scope): Scope {
    let s = scope;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  }

  /** Declarations a node makes in the scope it sits in (before its children are walked). */
  private declarationsOf(node: Node, type: string, scope: Scope): void {
    switch (type) {
      case 'VariableDeclaration': {
        const kind: DeclarationKind = node.kind === 'var' ? 'var' : node.kind === 'let' ? 'let' : node.kind === 'const' ? 'const' : 'using';
        const target = kind === 'var' ? this.functionScope(scope) : scope;
        for (const d of node.declarations) this.declare(target, d.id, kind);
        break;
      }
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
        if (node.id) this.declare(scope, node.id, 'function');
        break;
      case 'ClassDeclaration':
        if (node.id) this.declare(scope, node.id, 'class');
        break;
      case 'ImportDeclaration':
        for (const s of node.specifiers ?? []) this.declare(scope, s.local, 'import');
        break;
      case 'TSImportEqualsDeclaration':
        this.declare(scope, node.id, 'import');
        break;
      case 'TSEnumDeclaration':
        this.declare(scope, node.id, 'enum');
        break;
      case 'TSModuleDeclaration':
        if (node.id?.type === 'Identifier') this.declare(scope, node.id, 'namespace');
        break;
    }
  }

  /** The scope a node opens for its children (`scope` itself when it opens none). */
  private inner(node: Node, type: string, scope: Scope): Scope {
    const opens = OPENS[type];
    if (opens === undefined) return scope;
    if (opens === 'function') {
      const inner = this.open(node, scope, true);
      if (type === 'FunctionExpression' && node.id) this.declare(inner, node.id, 'function');
      for (const p of node.params ?? []) this.declare(inner, p, 'param');
      return inner;
    }
    if (opens === 'module') return this.open(node, scope, true);
    if (!this.isFunctionBody(node)) {
      const inner = this.open(node, scope, false);
      if (type === 'CatchClause' && node.param) this.declare(inner, node.param, 'catch');
      if (type === 'ClassExpression' && node.id) this.declare(inner, node.id, 'class');
      return inner;
    }
    return scope;
  }

  /** Walk a node's children in `scope`, opening the scopes the node makes. */
  private children(node: Node, type: string, scope: Scope): void {
    const inner = this.scoped ? this.inner(node, type, scope) : scope;
    // A function declaration's (and class declaration's) own name sits outside the scope it opens.
    const named = inner !== scope && NAME_OUTSIDE.has(type);
    const listed = CHILD_KEYS[type];
    const keys = listed ?? Object.keys(node);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = node[key];
      if (typeof value !== 'object' || value === null || (listed === undefined && SKIP_KEYS.has(key))) continue;
      const childScope = named && key === 'id' ? scope : inner;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') this.visit(item, node, childScope);
      } else if (typeof value.type === 'string') {
        this.visit(value, node, childScope);
      }
    }
  }

  private isFunctionBody(node: Node): boolean {
    if (node.type !== 'BlockStatement') return false;
    const parent = this.parents.get(node);
    return !!parent && FUNCTIONS.has(parent.type) && parent.body === node;
  }

  private visit(node: Node, parent: Node, scope: Scope): void {
    this.parents.set(node, parent);
    const type: string = node.type;
    this.add(node, type);
    if (this.scoped && type !== 'Identifier' && type !== 'JSXIdentifier') this.declarationsOf(node, type, scope);
    this.children(node, type, scope);
  }
}

/**
 * Where a tree keeps its index: a non-enumerable property of its top node (a node spread or walked by its keys does
 * not see it). Not a WeakMap keyed by the top: V8's young-generation GC holds a WeakMap's values strongly, and the
 * index holds its top, so every file's tree and index outlived the file and were copied into the old generation
 * (vercel/ai: 106 MB promoted, 0.4 s of scavenges); a plain reference cycle dies with the file.
 */
const INDEX = Symbol('file index');

function cachedIndex(top: Node): Built | undefined {
  return top[INDEX];
}

function keepIndex(top: Node, built: Built | undefined): void {
  Object.defineProperty(top, INDEX, { value: built, configurable: true, writable: true, enumerable: false });
}

/** Index builds on this thread so far and the nodes they walked (`OPENAI_TO_AZURE_DEBUG_TIMINGS=1` prints them). */
export const indexBuilds = { builds: 0, nodes: 0 };

const IDENTIFIERS = new Set(['Identifier', 'JSXIdentifier']);

/** An index and the NodePath of its top (attached by the first path question: a summary builds the index without one). */
interface Built {
  index: FileIndex;
  rootPath: ASTPath<Node> | undefined;
}

function build(top: Node, rootPath: ASTPath<Node> | undefined, scoped = true): Built {
  const b = new Builder(top, scoped);
  indexBuilds.builds++;
  indexBuilds.nodes += b.parents.size + 1;
  const lookup = (scope: Scope | undefined, name: string): Declaration | undefined => {
    for (let s = scope; s; s = s.parent) {
      const found = s.names.get(name);
      if (found) return found;
    }
    return undefined;
  };
  /** The scope the walk saw an identifier in (undefined for any other node, or one it never saw). */
  const scopeAt = (node: Node): Scope | undefined => (IDENTIFIERS.has(node?.type) && b.parents.has(node) ? b.scopeOf(node) : undefined);
  /** Identifier (and JSXIdentifier) nodes by name, in source order. */
  let byName: Map<string, Node[]> | undefined;
  /** Paths already handed out, by node (a transform asks for the same nodes and their ancestors again and again). */
  const located = new Map<Node, ASTPath<Node>>();
  /**
   * Whether a path handed out is still the one `locate` would give (the caller checks it still points at the node:
   * ast-types' `replace` repoints a path): every step up to the top still holds its value and is still ast-types'
   * cached child (what `get` would return), read without `get`'s field lookups.
   */
  const holds = (path: ASTPath<Node>): boolean => {
    for (let p: any = path; p !== built.rootPath; p = p.parentPath) {
      const up = p.parentPath;
      if (!up || up.value[p.name] !== p.value || up.__childCache?.[p.name] !== p) return false;
    }
    return true;
  };
  /** A node's path, through ast-types' child cache; undefined when it (or an ancestor) no longer sits under its parent. */
  const locate = (node: Node): ASTPath<Node> | undefined => {
    if (node === top) return built.rootPath;
    const known = located.get(node);
    if (known && known.value === node && holds(known)) return known;
    const parent = b.parents.get(node);
    const parentPath = parent && locate(parent);
    if (!parentPath) return undefined;
    const keys = CHILD_KEYS[parent.type] ?? Object.keys(parent);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = parent[key];
      let path: ASTPath<Node> | undefined;
      if (value === node) path = parentPath.get(key);
      else if (Array.isArray(value) && !SKIP_KEYS.has(key)) {
        const at = value.indexOf(node);
        if (at !== -1) path = parentPath.get(key, at);
      }
      if (path) {
        located.set(node, path);
        return path;
      }
    }
    return undefined;
  };
  const index: FileIndex = {
    top,
    program: b.program,
    nodes: (type) => b.byType.get(type) ?? [],
    named(name) {
      // Made on the first question: many builds (one after each change) are asked none.
      if (!byName) {
        byName = new Map();
        for (const id of b.byType.get('Identifier') ?? []) {
          const list = byName.get(id.name);
          if (list) list.push(id);
          else byName.set(id.name, [id]);
        }
      }
      return byName.get(name) ?? [];
    },
    parentOf: (node) => b.parents.get(node),
    isWithin(node, ancestor) {
      for (let n = b.parents.get(node); n; n = b.parents.get(n)) if (n === ancestor) return true;
      return false;
    },
    pathOf(node) {
      if (!b.parents.has(node) && node !== top) throw new Error(`node ${node?.type} is not in this file's index`);
      const path = locate(node);
      // The tree changed under the index after it was built (a node replaced, and no ctx.change since).
      if (!path) throw new Error(`node ${node?.type} is no longer in the tree this file's index was built from`);
      return path;
    },
    pathsOf(nodes) {
      const out: ASTPath<Node>[] = [];
      for (const node of nodes) {
        const path = locate(node);
        if (path) out.push(path);
      }
      return out;
    },
    find(type, test) {
      return index.pathsOf(test ? (b.byType.get(type) ?? []).filter(test) : (b.byType.get(type) ?? []));
    },
    resolve(id, path) {
      const declared = b.declarations.get(id);
      if (declared) return declared;
      let scope = scopeAt(id);
      // A node added after the walk: the nearest enclosing scope the walk saw, through its path.
      for (let p = path; !scope && p; p = p.parent) scope = b.scopes.get(p.node) ?? scopeAt(p.node);
      return lookup(scope ?? b.program, id.name);
    },
    declarationOf: (id) => b.declarations.get(id),
    usesOf: (declaration) => index.named(declaration.id.name).filter((n) => n !== declaration.id && index.resolve(n) === declaration),
  };
  const built: Built = { index, rootPath };
  return built;
}

function topPath(path: ASTPath<Node>): ASTPath<Node> {
  let p = path;
  while (p.parentPath) p = p.parentPath;
  return p;
}

/** The index of the file a path belongs to (built on first use, rebuilt after `invalidateIndex`). */
export function indexFor(path: ASTPath<Node>): FileIndex {
  const top = topPath(path);
  const cached = cachedIndex(top.node);
  if (cached) {
    cached.rootPath ??= top;
    return cached.index;
  }
  const built = build(top.node, top);
  keepIndex(top.node, built);
  return built.index;
}

/**
 * The index of a parsed file's top node, before any NodePath exists (the project index's summary reads it); the
 * transforms then get the same index through their root path, so a file is walked once for both.
 */
export function indexOfTree(top: Node): FileIndex {
  let built = cachedIndex(top);
  if (!built) keepIndex(top, (built = build(top, undefined)));
  return built.index;
}

/**
 * The nodes and parents of a tree nothing else will read (a module parsed for the project index alone): no scopes or
 * declarations are made (`resolve` finds nothing) and the index is not kept.
 */
export function nodesOfTree(top: Node): FileIndex {
  return cachedIndex(top)?.index ?? build(top, undefined, false).index;
}

/** The index of a parsed file (a jscodeshift root collection). */
export function indexOfRoot(root: Collection): FileIndex {
  return indexFor(root.paths()[0]!);
}

/** The file's top node (recast's `File`), without building its index. */
export function topOfRoot(root: Collection): Node {
  return topPath(root.paths()[0]!).node;
}

/** Forget a file's index after its tree changed: the next question rebuilds it. */
export function invalidateIndex(root: Collection): void {
  const top = topPath(root.paths()[0]!).node;
  if (cachedIndex(top)) keepIndex(top, undefined);
}

/**
 * The variable declarator that destructures a declaring identifier (`const { key: id = x } = init`, nested patterns
 * too), and the key of the property that holds it. Undefined for any other declaration.
 */
export function destructuringOf(index: FileIndex, id: Node): { declarator: Node; key: Node } | undefined {
  let key: Node | undefined;
  for (let child = id, up = index.parentOf(id); up; child = up, up = index.parentOf(up)) {
    if (up.type === 'ObjectProperty' && up.value === child) key ??= up.key;
    else if (up.type === 'VariableDeclarator') return up.id === child && key ? { declarator: up, key } : undefined;
    else if (up.type !== 'ObjectPattern' && !(up.type === 'AssignmentPattern' && up.left === child)) return undefined;
  }
  return undefined;
}

/** The declaration an identifier path resolves to (undefined: global or undeclared). */
export function declarationAt(path: ASTPath<Node>): Declaration | undefined {
  return indexFor(path).resolve(path.node, path);
}
