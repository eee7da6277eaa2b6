type Node = any; // Babel AST: shapes are checked by `type` at run time.

/**
 * The changed regions of a file: after the transforms ran on Babel's plain tree, the outermost nodes whose own
 * fields differ from a snapshot taken before. Only those are printed again; the rest of the file keeps its bytes.
 * This is what recast's printer does for a whole-file parse (compare each node with its original, reprint what
 * differs), done on the part of the tree that changed instead of the whole file.
 */

/** Keys recast's comparison skips (`loc`) or that are recast's own. */
const IGNORED = new Set(['loc', 'original']);
/** Keys holding comments: compared (a marker added is a change) but not walked into. */
const COMMENT_KEYS = new Set(['leadingComments', 'trailingComments', 'innerComments', 'comments']);

export type Snapshot = Map<Node, Record<string, any>>;

export const isNode = (value: unknown): value is Node => !!value && typeof value === 'object' && typeof (value as Node).type === 'string';

/**
 * A shallow copy of every node (arrays and `extra` copied one level), to compare with after the transforms ran. The
 * copy is a spread, which V8 clones by the node's shape (about 10% cheaper than building it key by key); its `loc` is
 * copied too and never compared.
 */
export function snapshot(top: Node): Snapshot {
  const snaps: Snapshot = new Map();
  const visit = (node: Node): void => {
    const snap: Record<string, any> = { ...node };
    snaps.set(node, snap);
    for (const key in snap) {
      const value = snap[key];
      if (typeof value !== 'object' || value === null || IGNORED.has(key)) continue;
      if (Array.isArray(value)) {
        snap[key] = value.slice();
        if (!COMMENT_KEYS.has(key)) for (const item of value) if (isNode(item)) visit(item);
      } else if (key === 'extra') {
        snap[key] = { ...value };
      } else if (!COMMENT_KEYS.has(key) && typeof value.type === 'string') {
        visit(value);
      }
    }
  };
  visit(top);
  return snaps;
}

export interface Region {
  /** What now sits in the slot: an original node with changed fields, or a node a transform built. */
  node: Node;
  /** The node the slot held in the file (its text range is what gets replaced). */
  old: Node;
  /** Keys (and array indices) from the top node to the slot: the same slot in a fresh parse of the same text. */
  path: (string | number)[];
  /** recast's `loc.indent` for the old node in a whole-file parse (its tail lines are indented by it). */
  indent: number;
}

/** Blanks (`\s`, as in recast's leading-space regex) up to the end of a line. */
const LEADING_BLANKS = /[^\S\n]*/y;

/** `[start, end]` offsets of text that is not code: block comments and template literal text. */
export type Prose = (readonly [number, number])[];

/** The prose of a plain tree: its comments (Babel's `File.comments`) and the text of these `TemplateElement`s. */
export function proseOf(file: Node, nodes: Iterable<Node>): Prose {
  const prose: Prose = [];
  for (const c of file.comments ?? []) if (c.type === 'CommentBlock') prose.push([c.start, c.end]);
  for (const n of nodes) if (n.type === 'TemplateElement') prose.push([n.start, n.end]);
  return prose;
}

/** The prose of a tree parsed with tokens (recast's): comment and template tokens. */
export function proseOfTokens(tokens: readonly Node[]): Prose {
  const prose: Prose = [];
  for (const t of tokens) if (t.type === 'CommentBlock' || t.type?.label === 'template') prose.push([t.start, t.end]);
  return prose;
}

/**
 * In one pass over a file split at `\n` (no tab, `\r`, U+2028 or U+2029 in it: the regions way only): the column of
 * each line's first non-blank character (Infinity for a blank line) by 1-based line number, and the tab width to
 * print with. That is recast's guess (lines.js `guessTabWidth`: the most frequent indent change between two
 * non-blank lines, the smallest on a tie, 2 without one; `\v`, `\f`, BOM count no column, as in its
 * `countSpaces`) over the lines of code only: a line that starts inside `prose` does not count, so a JSDoc block's
 * ` * ` lines or a prompt's indented lines in a template literal do not make the file look indented by one column.
 */
export function lineLayout(source: string, prose: Prose = []): { firstColumns: number[]; tabWidth: number } {
  const firstColumns = [0];
  const counts: number[] = [];
  const ranges = prose.length > 1 ? [...prose].sort((a, b) => a[0] - b[0]) : prose;
  let next = 0;
  let lastIndent = 0;
  for (let start = 0; ; ) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    LEADING_BLANKS.lastIndex = start;
    LEADING_BLANKS.test(source);
    const first = LEADING_BLANKS.lastIndex;
    while (next < ranges.length && ranges[next]![1] < start) next++;
    if (first === end) firstColumns.push(Infinity);
    else firstColumns.push(first - start);
    // A line of code (not one that starts in prose) counts in the tab-width guess.
    if (first !== end && !(next < ranges.length && ranges[next]![0] < start)) {
      let indent = first - start;
      for (let i = start; i < first; i++) {
        const c = source.charCodeAt(i);
        if (c === 11 || c === 12 || c === 0xfeff) indent--;
      }
      const diff = Math.abs(indent - lastIndent);
      counts[diff] = (counts[diff] ?? 0) + 1;
      lastIndent = indent;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  let tabWidth = 2;
  let most = -1;
  for (let width = 1; width < counts.length; width++) {
    const count = counts[width];
    if (count !== undefined && count > most) {
      most = count;
      tabWidth = width;
    }
  }
  return { firstColumns, tabWidth };
}

/**
 * recast's indent rule (TreeCopier): a node that starts its line sets the indent to its column, others inherit; but
 * never less than the indent of the line they start on, so that what a node prints anew on a continuation line
 * (`  ? createAzure({` of a multi-line ternary) is indented from that line, not from its statement's.
 * `lineDelta`: add it to the node's line for the file's (a node parsed in a fragment counts the fragment's lines).
 */
export function indentOf(node: Node, inherited: number, firstColumns: readonly number[], lineDelta = 0): number {
  const start = node.loc?.start;
  if (!start) return inherited;
  const first = firstColumns[start.line + lineDelta] ?? Infinity;
  return start.column <= first ? start.column : Math.max(inherited, first);
}

/**
 * Give a whole-file recast tree (its File node) the indents `indentOf` gives, as the regions way prints with: recast
 * itself never looks at the line a node starts on. Comments keep theirs.
 */
export function lineIndents(file: Node): void {
  const lines = file.loc.lines;
  const firstColumns = [0, ...Array.from({ length: lines.length }, (_, i) => lines.getIndentAt(i + 1) as number)];
  const walk = (node: Node, inherited: number): void => {
    const indent = indentOf(node, inherited, firstColumns);
    if (node.loc) node.loc.indent = indent;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'original' || key === 'tokens' || key === 'comments' || key.endsWith('Comments')) continue;
      const value = node[key];
      for (const item of Array.isArray(value) ? value : [value]) if (isNode(item)) walk(item, indent);
    }
  };
  walk(file, 0);
}

const EXPRESSION = /(?:Expression|Literal)$|^(?:Identifier|JSXElement|JSXFragment|Super|ThisExpression)$/;

/**
 * The slots recast's printer would reprint, found its way (patcher.js `findChildReprints`): the new tree is compared
 * with the old one key by key, structurally (a node a transform built that equals the old one is no change); a node
 * of the same type whose fields differ is reprinted in its slot, as is an expression replaced by another; anything
 * else makes its parent reprint; a return statement with a change inside is reprinted whole. The old tree is the
 * snapshot. When statements were added at the top level or removed there, `topLevel` lists them. Undefined when
 * the top would be reprinted otherwise: the caller prints the whole file.
 */
export function changedRegions(top: Node, snaps: Snapshot, firstColumns: readonly number[]): Changes | undefined {
  const regions: Region[] = [];
  const markers: Insertion[] = [];
  // The keys from the top to the value being compared; copied only into a region.
  const path: (string | number)[] = [];
  const region = (now: Node, before: Node, indent: number): void => {
    regions.push({ node: now, old: before, path: path.slice(), indent });
  };

  const anyReprints = (now: unknown, before: unknown, indent: number): boolean => {
    if (now === before) {
      // The same value is no change, unless it is a node the file had: its fields are compared with its snapshot,
      // handed down so the snapshot is looked up once.
      const old = now && typeof now === 'object' ? snaps.get(now) : undefined;
      return old === undefined || objectReprints(now as Node, now as Node, indent, old);
    }
    if (Array.isArray(now)) return arrayReprints(now, before, indent);
    if (now && typeof now === 'object') return objectReprints(now as Node, before as Node, indent);
    return false;
  };
  const arrayReprints = (now: unknown[], before: unknown, indent: number): boolean => {
    if (!Array.isArray(before) || before.length !== now.length) return false;
    for (let i = 0; i < now.length; i++) {
      path.push(i);
      const ok = anyReprints(now[i], before[i], indent);
      path.pop();
      if (!ok) return false;
    }
    return true;
  };
  const objectReprints = (now: Node, before: Node, inherited: number, old?: Record<string, unknown>): boolean => {
    if (!before || typeof before !== 'object') return false;
    if (typeof now.type !== 'string') return childReprints(now, before, inherited);
    if (typeof before.type !== 'string') return false;
    const indent = indentOf(before, inherited, firstColumns);
    if (now.type === before.type) {
      const mark = regions.length;
      const markerMark = markers.length;
      if (childReprints(now, before, indent, old)) return true;
      regions.length = mark;
      markers.length = markerMark;
      // A node without a location (see `recastLocations`) is reprinted with its parent.
      if (!before.loc) return false;
      region(now, before, indent);
      return true;
    }
    if (EXPRESSION.test(now.type) && EXPRESSION.test(before.type) && before.loc) {
      region(now, before, indent);
      return true;
    }
    return false;
  };
  const compareKey = (now: Node, old: Record<string, unknown>, key: string, indent: number): boolean => {
    if (key === 'loc' || key === 'original' || key.charCodeAt(0) === 95 /* _ */ || (key === 'tokens' && now.type === 'File')) return true;
    path.push(key);
    const ok = anyReprints(now[key], old[key], indent);
    path.pop();
    return ok;
  };
  const childReprints = (now: Node, before: Node, indent: number, old: Record<string, unknown> = snaps.get(before) ?? before): boolean => {
    const mark = regions.length;
    // Own keys: `for…in` would add the prototype's (Babel's `__clone`, which compareKey skips as it does any `_` key),
    // and an enumerable key on a prototype sends `for…in` down V8's slow path (twice the time, garbage per node).
    for (const key of Object.keys(now)) {
      if (key === 'comments' && addedMarkers(now, old, before)) continue;
      if (!compareKey(now, old, key, indent)) return false;
    }
    for (const key in old) if (!(key in now) && !compareKey(now, old, key, indent)) return false;
    // recast reprints a return statement with any change inside (ASI).
    return !(now.type === 'ReturnStatement' && regions.length > mark);
  };

  /**
   * Markers a transform put on a statement that starts its line: inserted above it at its column (below the comments
   * it had), and the statement compared as usual (else the whole statement is a region parsed again). The whole-file
   * way writes them into the text the same way (run.ts `runOnWholeFile`).
   */
  const addedMarkers = (now: Node, old: Record<string, unknown>, before: Node): boolean => {
    const start = before.loc?.start;
    const comments: unknown = now.comments;
    if (old.comments !== undefined || !start || !Array.isArray(comments)) return false;
    if (comments.length === 0 || firstColumns[start.line] !== start.column || !comments.every(isNewLineComment)) return false;
    const pad = ' '.repeat(start.column);
    markers.push({ at: before.start, text: comments.map((c) => `//${c.value}\n${pad}`).join('') });
    return true;
  };

  if (childReprints(top, top, 0) && !regions.some((r) => r.path.length <= 1)) return { regions, markers };
  // The top level changed. Statements added or removed there are handled (see `TopLevel`); anything else there
  // takes the whole-file way.
  const program = top.type === 'File' ? top.program : undefined;
  const before = program && snaps.get(program);
  if (!program || !before || before.directives?.length || !Array.isArray(before.body)) return undefined;
  regions.length = 0;
  markers.length = 0;
  for (const key of Object.keys(program)) if (key !== 'body' && !compareKey(program, before, key, 0)) return undefined;
  for (const key of Object.keys(top)) if (key !== 'program' && !compareKey(top, snaps.get(top) ?? top, key, 0)) return undefined;
  const oldIndex = new Map<Node, number>(before.body.map((node: Node, i: number) => [node, i]));
  const items: TopLevelItem[] = [];
  let last = -1;
  path.push('program', 'body');
  for (let i = 0; i < program.body.length; i++) {
    const node = program.body[i];
    const index = oldIndex.get(node);
    if (index === undefined) {
      // A statement the file had elsewhere (moved up from inside another) would need its own text: not handled.
      if (snaps.has(node)) return undefined;
      items.push({ node, index: i });
      continue;
    }
    if (index <= last) return undefined;
    last = index;
    path.push(i);
    const ok = objectReprints(node, node, 0);
    path.pop();
    if (!ok) return undefined;
    items.push({ node, index: i, old: index });
  }
  path.length = 0;
  if (regions.some((r) => r.path.length <= 1)) return undefined;
  return { regions, markers, topLevel: { items, old: before.body } };
}

/** A statement of the changed top level: one the file had (`old`: its index there) or one a transform added. */
export interface TopLevelItem {
  node: Node;
  /** Its index in the program's body now. */
  index: number;
  old?: number;
}

/** The top level when statements were added there or removed: the statements now, and those the file had. */
export interface TopLevel {
  items: TopLevelItem[];
  old: readonly Node[];
}

/** Text to put at an offset of the file (a marker comment line above a statement). */
export interface Insertion {
  at: number;
  text: string;
}

/** A line comment a transform added in front of a node (no location: recast prints it anew). */
function isNewLineComment(comment: Node): boolean {
  return comment?.type === 'CommentLine' && comment.leading === true && !comment.trailing && !comment.loc;
}

export interface Changes {
  regions: Region[];
  markers: Insertion[];
  topLevel?: TopLevel;
}

/** Whether any node below `node` is one the file had (not built by a transform): its text must then be kept. */
export function holdsOriginals(node: Node, snaps: Snapshot): boolean {
  for (const key of Object.keys(node)) {
    if (IGNORED.has(key) || COMMENT_KEYS.has(key)) continue;
    const value = node[key];
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) if (isNode(item) && (snaps.has(item) || holdsOriginals(item, snaps))) return true;
  }
  return false;
}

/** The node at a key path. */
export function nodeAt(top: Node, path: readonly (string | number)[]): Node {
  let node = top;
  for (const key of path) node = node?.[key];
  return node;
}

/** Put `node` in the slot at `path`. */
export function replaceAt(top: Node, path: readonly (string | number)[], node: Node): void {
  const parent = nodeAt(top, path.slice(0, -1));
  parent[path[path.length - 1]!] = node;
}

const EXPORTS = new Set(['ExportNamedDeclaration', 'ExportDefaultDeclaration']);

/**
 * What recast's parse does to locations that matters here (util.js `fixFaultyLocations`): an export's declaration
 * loses its location, so it is never reprinted without the export. Done on a plain tree so the regions, and the
 * change lines read from locations, are a whole-file recast parse's. Exports sit at the top level or in namespaces.
 */
export function recastLocations(top: Node): void {
  const statements = (body: Node[]): void => {
    for (const statement of body) {
      if (EXPORTS.has(statement.type) && statement.declaration) {
        statement.declaration.loc = null;
        if (statement.declaration.type === 'TSModuleDeclaration') namespace(statement.declaration);
      } else if (statement.type === 'TSModuleDeclaration') namespace(statement);
    }
  };
  const namespace = (node: Node): void => {
    if (node.body?.type === 'TSModuleBlock') statements(node.body.body);
    else if (node.body?.type === 'TSModuleDeclaration') namespace(node.body);
  };
  statements((top.type === 'File' ? top.program : top).body);
}

/** Whether recast would widen the node's location to its decorators: its text range is then not Babel's. */
export function hasDecorators(node: Node): boolean {
  return Array.isArray(node?.decorators) && node.decorators.length > 0;
}

/**
 * The node the file had at `path` (keys of the tree as it is now), read through the snapshot. `topIndex` maps an
 * index of the program's body now to the one the file had (statements added or removed there).
 */
export function originalAt(top: Node, snaps: Snapshot, path: readonly (string | number)[], topIndex?: (index: number) => number | undefined): Node {
  let node = top;
  for (let i = 0; i < path.length; i++) {
    let key = path[i]!;
    if (topIndex && i === 2 && path[0] === 'program' && path[1] === 'body') {
      const index = topIndex(key as number);
      if (index === undefined) return undefined;
      key = index;
    }
    node = (snaps.get(node) ?? node)?.[key];
    if (node === undefined || node === null) return undefined;
  }
  return node;
}
