import type * as Recast from 'recast';
import type { ASTPath, Parser } from 'jscodeshift';
import type { Printer } from 'recast/lib/printer.js';
import { lines, recast } from './cjs-deps.cjs';
import { hasDecorators, indentOf, isNode, nodeAt, type Snapshot } from './regions.js';

type Node = any; // Babel AST via recast.

/**
 * How a region's text is made to parse on its own: text put before and after it (in the blanked rest of the file,
 * so every offset, line and column stays the file's). A node of another kind is parsed as part of its parent.
 */
const WRAPPERS: readonly { test: RegExp; before: string; after: string }[] = [
  { test: /(?:Statement|Declaration)$/, before: '', after: '' },
  { test: /^(?:Object(?:Property|Method)|SpreadElement)$/, before: '_={', after: '}' },
  { test: /^VariableDeclarator$/, before: 'let ', after: '' },
  { test: /(?:Expression|Literal)$|^(?:Identifier|JSXElement|JSXFragment)$/, before: '_=', after: '' },
];

const wrapperOf = (type: string) => WRAPPERS.find((w) => w.test.test(type));

/**
 * A node's text alone, parsable: its first line's indentation kept as blanks (so columns are the file's) with the
 * wrapper's text in it, or on a line of its own when the blanks are too few; the wrapper's closing text after.
 * `base` is the file offset of the fragment's first character.
 */
function fragmentOf(source: string, start: number, end: number, before: string, after: string): { text: string; base: number } {
  const column = start - (source.lastIndexOf('\n', start - 1) + 1);
  const head = column >= before.length ? ' '.repeat(column - before.length) + before : `${before}\n${' '.repeat(column)}`;
  return { text: head + source.slice(start, end) + after, base: start - head.length };
}

function findNode(top: Node, type: string, start: number, end: number): Node | undefined {
  const stack = [top];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === type && node.start === start && node.end === end) return node;
    if (typeof node.start === 'number' && (node.start > start || node.end < end)) continue;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'original' || key === 'tokens' || key === 'comments') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const item of value) item && typeof item.type === 'string' && stack.push(item);
      else if (value && typeof value.type === 'string') stack.push(value);
    }
  }
  return undefined;
}

/** Give a region's recast copy the indents a whole-file parse gives (its wrapper sits on the region's lines). */
function fixIndents(node: Node, indent: number, firstColumns: readonly number[], lineDelta: number): void {
  if (node.loc) node.loc.indent = indent;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'original' || key === 'tokens' || key === 'comments' || key.endsWith('Comments')) continue;
    const value = node[key];
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) if (item && typeof item.type === 'string') fixIndents(item, indentOf(item, indent, firstColumns, lineDelta), firstColumns, lineDelta);
  }
}

export interface Twin {
  /** Where the node sits in the tree. */
  path: (string | number)[];
  /** The node there: one the file had (its own fields may have changed), maybe from another place. */
  node: Node;
  /** The node the file had in that place: its text is what the printed node replaces. */
  slot: Node;
  /** The same node from a recast parse of its text alone, untouched, its locations as recast gives them. */
  pristine: Node;
  /**
   * The indent to give the printed text's tail lines: recast prints a node whose own fields changed anew (relative
   * to its first line); a node it patches keeps the file's columns (0 here).
   */
  indent: number;
}

/** Types recast will not patch at the root of a print (they cannot start a statement): their parent is parsed instead. */
const NOT_FIRST = new Set(['ObjectExpression', 'FunctionExpression', 'ClassExpression']);

/**
 * Parse the text of the node at `path` (or of the nearest ancestor that can be) through recast on its own (its
 * nodes keep the file's offsets). The node must be one the file had, be patchable at the root of a print, and
 * parse alone. Undefined when only the file's top would do.
 */
export function parseRegion(
  source: string,
  top: Node,
  snaps: Snapshot,
  from: readonly (string | number)[],
  fragmentParser: (startIndex: number) => Parser,
  firstColumns: readonly number[],
  changedItself: boolean,
  slotAt: (path: readonly (string | number)[]) => Node,
): Twin | undefined {
  for (let path = [...from]; path.length > 1; path = path.slice(0, -1)) {
    const node = nodeAt(top, path);
    const slot = slotAt(path);
    if (!isNode(slot) || !slot.loc) continue;
    // Only a node the file had has text to parse. A node recast gives no location (an export's declaration)
    // cannot be reprinted alone.
    if (!isNode(node) || !snaps.has(node) || NOT_FIRST.has(node.type) || !node.loc) continue;
    if (hasDecorators(node)) return undefined;
    const wrapper = wrapperOf(node.type);
    if (!wrapper) continue;
    const { text, base } = fragmentOf(source, node.start, node.end, wrapper.before, wrapper.after);
    let file: Node;
    try {
      file = recast.parse(text, { parser: fragmentParser(base) });
    } catch {
      continue;
    }
    const pristine = findNode(file.original, node.type, node.start, node.end);
    if (!pristine) continue;
    const indent = indentAt(top, path, firstColumns);
    fixIndents(pristine, indent, firstColumns, node.loc.start.line - pristine.loc.start.line);
    // A node recast patches is given back with its tail lines moved left by its indent (patcher.js), which would
    // lose columns left of it (a template literal's lines): at 0 its text keeps the file's columns.
    const patched = !changedItself || path.length < from.length;
    if (patched) pristine.loc.indent = 0;
    return { path, node, slot, pristine, indent: patched ? 0 : indent };
  }
  return undefined;
}

const BABEL_COMMENTS = ['leadingComments', 'trailingComments', 'innerComments'] as const;

/**
 * Make the twin's node printable by recast as if the whole file had been parsed through it: each node the file had
 * below it gets its untouched recast twin as `original` and that twin's location (lines, tokens, indent). The twin
 * takes the file's context the fragment lacked (parentheses outside the node, Babel's comment lists); recast's
 * `comments` come from the twin, followed by any marker a transform added. False when the node now holds a node
 * the file had outside it (moved there): recast would reuse its text, which the fragment does not have.
 */
export function transplant(twin: Twin, snaps: Snapshot): boolean {
  const paired = new Set<Node>();
  const pair = (node: Node, pristine: Node): boolean => {
    if (!pristine || pristine.type !== node.type) return false;
    paired.add(node);
    const snap = snaps.get(node)!;
    Object.defineProperty(node, 'original', { value: pristine, writable: true, configurable: true, enumerable: false });
    node.loc = pristine.loc;
    pristine.extra = snap.extra;
    for (const key of BABEL_COMMENTS) pristine[key] = snap[key];
    const added = node.comments !== snap.comments ? (node.comments ?? []) : [];
    if (pristine.comments || added.length > 0) node.comments = [...(pristine.comments ?? []), ...added];
    for (const key of Object.keys(snap)) {
      if (key === 'extra' || key === 'comments' || key.endsWith('Comments')) continue;
      const value = snap[key];
      if (Array.isArray(value)) {
        const other = pristine[key];
        if (!Array.isArray(other) || other.length !== value.length) return false;
        for (let i = 0; i < value.length; i++) if (isNode(value[i]) && !pair(value[i], other[i])) return false;
      } else if (isNode(value) && !pair(value, pristine[key])) return false;
    }
    return true;
  };
  if (!pair(twin.node, twin.pristine)) return false;
  const movedIn = (node: Node): boolean => {
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key.endsWith('Comments')) continue;
      const value = node[key];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (!isNode(item)) continue;
        if (snaps.has(item) && !paired.has(item)) return true;
        if (movedIn(item)) return true;
      }
    }
    return false;
  };
  return !movedIn(twin.node);
}

/** The indent of the node at `path`, walking down from the top (a node a transform built inherits its parent's). */
function indentAt(top: Node, path: readonly (string | number)[], firstColumns: readonly number[]): number {
  let indent = 0;
  let node = top;
  for (const key of path) {
    node = node[key];
    if (isNode(node)) indent = indentOf(node, indent, firstColumns);
  }
  return indent;
}

/**
 * Print the node at `path` below `top` as recast's whole-file print would: from a path through its real ancestors
 * (recast decides parentheses and what it may patch from them), its tail lines indented as the old node was.
 * `bare`: without the ancestors, for a node that replaced one of its type already in parentheses (recast then adds
 * none).
 */
export function printRegion(top: ASTPath, path: readonly (string | number)[], indent: number, printer: InstanceType<typeof Printer>, options: Recast.Options, bare = false): string {
  const at = bare ? nodeAt(top.node, path) : top.get(...path);
  const code = printer.print(at).code;
  if (!code.includes('\n') || indent === 0) return code;
  return lines.fromString(code, options).indentTail(indent).toString(options);
}
