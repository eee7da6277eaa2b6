/** Reading client options (`new X({ ... })`) without type information: literal objects and local constants. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { constantInit, staticKey, unwrap, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type OptionLookup =
  /** The property is there: its value. */
  | { kind: 'found'; value: TSESTree.Node }
  /** The options are visible and do not set it. */
  | { kind: 'absent' }
  /** A spread, an unresolvable variable or a later `opts.x = …` may set it: the linter cannot tell. */
  | { kind: 'unknown' };

/** Looks up option `name` in the options argument of a call or `new` (`undefined` argument: no options at all). */
export function lookupOption(arg: TSESTree.Node | undefined, name: string, sourceCode: SourceCode, depth = 0): OptionLookup {
  if (!arg) return { kind: 'absent' };
  const node = unwrap(arg);
  if (node.type === 'Identifier') {
    const init = constantInit(sourceCode, node);
    if (!init || depth > 4 || assignsMember(sourceCode, node, name)) return { kind: 'unknown' };
    return lookupOption(init, name, sourceCode, depth + 1);
  }
  if (node.type !== 'ObjectExpression') return { kind: 'unknown' };
  let result: OptionLookup = { kind: 'absent' };
  for (const prop of node.properties) {
    // Later entries win, as at runtime: `{ ...base, baseURL }` is known, `{ baseURL, ...base }` is not.
    if (prop.type === 'SpreadElement') {
      const spread = lookupOption(prop.argument, name, sourceCode, depth + 1);
      if (spread.kind !== 'absent') result = spread;
    } else if (staticKey(prop, sourceCode) === name) {
      result = { kind: 'found', value: prop.value };
    } else if (prop.computed && staticKey(prop, sourceCode) === null) {
      result = { kind: 'unknown' };
    }
  }
  return result;
}

/** Whether options held in a variable get `name` written into them after they were made (`options.azure = {…}`). */
export function assignedLater(arg: TSESTree.Node | undefined, name: string, sourceCode: SourceCode): boolean {
  const node = arg && unwrap(arg);
  return node?.type === 'Identifier' && assignsMember(sourceCode, node, name);
}

/** Whether `id`'s variable gets `id.name = …` (or `id.name.x = …`) or `Object.assign(id, …)` later (options built up after the declaration). */
function assignsMember(sourceCode: SourceCode, id: TSESTree.Identifier, name: string): boolean {
  const variable = variableOf(sourceCode, id);
  return (variable?.references ?? []).some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === 'CallExpression') {
      return parent.arguments[0] === ref.identifier && sourceCode.getText(parent.callee) === 'Object.assign';
    }
    if (parent?.type !== 'MemberExpression' || parent.object !== ref.identifier) return false;
    // `id.name = …`, or a write below it (`id.configuration!.baseURL = …`): the option is not the literal's.
    let written: TSESTree.Node = parent;
    while (written.parent?.type === 'TSNonNullExpression') written = written.parent;
    if (written.parent?.type === 'MemberExpression' && written.parent.object === written) written = written.parent;
    const assign = written.parent;
    if (assign?.type !== 'AssignmentExpression' || assign.left !== written) return false;
    const key = staticKey(parent, sourceCode);
    return key === name || key === null;
  });
}

/** Whether an options object has any property whose name matches (e.g. LangChain's `azure*` fields). */
export function hasOptionMatching(arg: TSESTree.Node | undefined, test: (key: string) => boolean, sourceCode: SourceCode): boolean {
  if (!arg) return false;
  const node = unwrap(arg);
  const object = node.type === 'Identifier' ? constantInit(sourceCode, node) : node;
  if (object?.type !== 'ObjectExpression') return false;
  return object.properties.some((p) => {
    if (p.type === 'SpreadElement') return false;
    const key = staticKey(p, sourceCode);
    return key !== null && test(key);
  });
}
