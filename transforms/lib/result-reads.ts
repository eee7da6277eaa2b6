import type { ASTPath } from 'jscodeshift';
import { unwrap } from './clients.js';
import { memberName, propertyName, referencesOf } from './imports.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

const MEMBER = new Set(['MemberExpression', 'OptionalMemberExpression']);
/** Array methods whose callback's first parameter is an element of the array they are called on. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'some', 'every', 'flatMap', 'findLast']);

/** What the walk found: renamed reads, and whether the value escaped where it cannot be followed. */
export interface ResultReads {
  renamed: string[];
  escaped: ASTPath<Node>[];
  /** Reads of fields the caller asked to flag (e.g. `created`), at their member paths. */
  flagged: ASTPath<Node>[];
}

function outer(path: ASTPath<Node>): ASTPath<Node> {
  let current = path;
  while (current.parent && unwrap(current.parent.node) !== current.parent.node) current = current.parent;
  return current;
}

/** The result's fields: those renamed, those to flag where read, and its leaves (see `followResult`). */
export interface ResultFields {
  renames: Readonly<Record<string, string>>;
  flag?: readonly string[];
  leaves?: ReadonlySet<string>;
}

/**
 * Follow a result value (a call's result, through `await`) into the reads of its fields: member chains on it,
 * variables and destructuring it initialises, `for…of` / `for await` loops over it and element callbacks
 * (`.map(choice => …)`). Each read field named in `renames` is renamed; destructured keys too (`{ finishReason }` →
 * `{ finish_reason: finishReason }`). A value passed elsewhere (returned, an argument) is reported as escaped (its
 * reads there cannot be followed) unless it was read through a leaf field (`message.content`): nothing in it changed.
 */
export function followResult(ctx: TransformContext, start: ASTPath<Node>, { renames, flag = [], leaves }: ResultFields): ResultReads {
  const { j } = ctx;
  const out: ResultReads = { renamed: [], escaped: [], flagged: [] };
  const seen = new Set<Node>();
  const queue: ASTPath<Node>[] = [start];
  const visitPattern = (pattern: Node): void => {
    if (pattern?.type === 'Identifier') {
      if (!seen.has(pattern)) {
        seen.add(pattern);
        queue.push(...referencesOf(j, ctx.root, pattern));
      }
      return;
    }
    if (pattern?.type !== 'ObjectPattern') return;
    for (const p of pattern.properties as Node[]) {
      if (p.type === 'RestElement') continue;
      const key = propertyName(p.key);
      if (key && !p.computed && renames[key]) {
        p.key = j.identifier(renames[key]);
        p.shorthand = false;
        out.renamed.push(renames[key]);
        ctx.change(p, 'rename');
      }
      if (!p.computed && key && leaves?.has(key)) continue;
      visitPattern(p.value?.type === 'AssignmentPattern' ? p.value.left : p.value);
    }
  };
  while (queue.length > 0) {
    let path = outer(queue.shift()!);
    if ((path.parent?.node as Node)?.type === 'AwaitExpression') path = outer(path.parent);
    let depth = 0;
    let leaf = false;
    // Member chain on the value: rename read fields, note flagged ones.
    for (;;) {
      const parent = path.parent?.node as Node;
      if (!parent || !MEMBER.has(parent.type) || parent.object !== path.node) break;
      const name = memberName(parent);
      if (name && !parent.computed && renames[name]) {
        parent.property = j.identifier(renames[name]);
        out.renamed.push(renames[name]);
        ctx.change(parent, 'rename');
      }
      if (name && flag.includes(name)) out.flagged.push(path.parent);
      leaf = !parent.computed && !!name && !!leaves?.has(name);
      path = outer(path.parent);
      depth++;
    }
    const parent = path.parent?.node as Node;
    if (!parent || leaf) continue;
    if (parent.type === 'VariableDeclarator' && parent.init === path.node) visitPattern(parent.id);
    else if (parent.type === 'ForOfStatement' && parent.right === path.node && parent.left.type === 'VariableDeclaration') {
      visitPattern(parent.left.declarations[0].id);
    } else if (parent.type === 'CallExpression' && parent.callee === path.node && depth > 0) {
      const method = memberName(path.node);
      const callback = parent.arguments[0];
      if (method && ELEMENT_CALLBACKS.has(method) && callback && /Function/.test(callback.type)) visitPattern(callback.params[0]);
    } else if (depth === 0 && (parent.type === 'ReturnStatement' || parent.type === 'CallExpression' || parent.type === 'ArrowFunctionExpression')) {
      out.escaped.push(path);
    }
  }
  return out;
}
