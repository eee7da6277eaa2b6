import type { ASTPath, JSCodeshift } from 'jscodeshift';

type Node = any; // Babel AST via recast.

const OBJECT = Object.prototype.toString.call({});
const ARRAY = Object.prototype.toString.call([]);

/** Keys of a recast node that hold no node (`loc.tokens` is the whole file's token list). */
const NO_NODES = new Set(['loc', 'tokens']);

/** Whether a node of one of `types` under `value` (itself included) passes `acts`: a scan of every own key. */
function someUnder(value: Node, types: readonly string[], acts: (node: Node) => boolean): boolean {
  if (Array.isArray(value)) return value.some((item) => someUnder(item, types, acts));
  if (!value || typeof value !== 'object') return false;
  if (types.includes(value.type) && acts(value)) return true;
  for (const key of Object.keys(value)) if (!NO_NODES.has(key) && someUnder(value[key], types, acts)) return true;
  return false;
}

/**
 * The one change to the tree `j(path).find(type)` makes by walking it: ast-types' PathVisitor gives every object it
 * passes each field its definition declares and the object lacks, set to the field's default (`optional: false`,
 * `typeAnnotation: null`, …). recast then prints those nodes afresh instead of reusing their text, so a walk that is
 * skipped must still leave them. Same order, same objects as PathVisitor's `visitChildren`.
 */
function fillDefaults(types: JSCodeshift['types'], value: Node): void {
  const kind = Object.prototype.toString.call(value);
  if (kind === ARRAY) {
    for (let i = 0, n = value.length; i < n; i++) if (Object.hasOwn(value, i)) fillDefaults(types, value[i]);
    return;
  }
  if (kind !== OBJECT) return;
  const names = types.getFieldNames(value);
  for (const name of names) if (!Object.hasOwn(value, name)) value[name] = types.getFieldValue(value, name);
  for (const name of names) fillDefaults(types, value[name]);
}

/**
 * `j(path).find(j[type]).forEach(visit)` for each of `types` in turn, for a `visit` that changes nothing unless
 * `acts` holds for its node. When no node under `path` can act, only the finds' own effect on the tree is replayed
 * (without their NodePaths and visitor tables, which cost far more): the tree ends up the same either way.
 */
export function findEach(j: JSCodeshift, path: ASTPath<Node>, types: readonly string[], acts: (node: Node) => boolean, visit: (path: ASTPath<Node>) => void): void {
  if (someUnder(path.value, types, acts)) {
    for (const type of types) j(path).find((j as Node)[type]).forEach(visit);
  } else {
    fillDefaults(j.types, path.value);
  }
}
