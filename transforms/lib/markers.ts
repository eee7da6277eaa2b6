import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { todoText } from '../../src/core/index.js';
import { leadingComments } from './top-level.js';

type Comment = { type: string; value: string; leading?: boolean };
/** recast's `comments`, or Babel's `leadingComments` on a plain tree (the runner's first pass). */
type Commented = { comments?: Comment[] | null; leadingComments?: Comment[] | null };

/**
 * How many lines below its statement's start an object property must sit to take the marker itself: in a long
 * object literal (a config table) a marker above the whole statement would be far from what it is about.
 */
const PROPERTY_HOST_LINES = 10;

const lineOf = (node: object): number | undefined => (node as { loc?: { start: { line: number } } | null }).loc?.start.line;

/** The statement (or class member, or property of a long object literal) a marker should sit above. */
export function markerHost(path: ASTPath): ASTPath {
  let current: ASTPath | null = path;
  let property: ASTPath | undefined;
  while (current) {
    const parentNode = current.parent?.node;
    if (!parentNode) return current;
    const type = parentNode.type as string;
    const elseIf = type === 'IfStatement' && current.node !== parentNode.alternate ? elseIfBody(current.parent) : undefined;
    if (elseIf) return elseIf;
    if (type === 'Program' || type === 'BlockStatement' || type === 'ClassBody' || type === 'StaticBlock' || type === 'TSModuleBlock' || type === 'SwitchCase') {
      const line = lineOf(current.node);
      // A statement on its block's opening line (`function f() { return x; }`) would get the marker in mid-line:
      // it goes above the statement holding the block.
      if (type !== 'Program' && line !== undefined && line === lineOf(parentNode) && current.parent.parent) {
        current = current.parent;
        continue;
      }
      const below = property && (lineOf(property.node) ?? 0) - (line ?? Infinity);
      return below !== undefined && below > PROPERTY_HOST_LINES ? property! : current;
    }
    // A property on its object's opening line (`value: { url: … }`) does not start a line: the marker would split it.
    if (type === 'ObjectExpression' && current.node.type === 'ObjectProperty' && lineOf(current.node) !== lineOf(parentNode)) property ??= current;
    current = current.parent;
  }
  return path;
}

/**
 * The first statement of an `else if`'s block, on a line below its condition: a marker about its condition (or a
 * statement written on that line) sits there, not above the whole `if` chain, whose first condition is another.
 */
function elseIfBody(ifPath: ASTPath): ASTPath | undefined {
  const node = ifPath.node as { test: object; consequent: { type: string; body?: object[] } };
  if (ifPath.parent?.node.type !== 'IfStatement' || ifPath.parent.node.alternate !== node) return undefined;
  const first = node.consequent.type === 'BlockStatement' ? node.consequent.body?.[0] : undefined;
  const line = lineOf(node.test);
  return first && line !== undefined && (lineOf(first) ?? 0) > line ? ifPath.get('consequent', 'body', 0) : undefined;
}

/**
 * Put `// TODO(openai-to-azure): message` above the statement holding `path`, unless that exact marker is there.
 * Returns the node it now sits on, undefined when it was already there (a re-run).
 */
export function insertMarkerOnce(j: JSCodeshift, path: ASTPath, message: string): object | undefined {
  const host = markerHost(path).node as Commented;
  const text = ` ${todoText(message)}`;
  if (leadingComments(host).some((c: Comment) => c.value.trim() === text.trim())) return undefined;
  host.comments = [...(host.comments ?? []), j.commentLine(text, true, false)];
  return host;
}
