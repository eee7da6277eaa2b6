import type { ASTPath } from 'jscodeshift';
import { MODEL_CHECK_METHODS, MODEL_NAME_FUNCTIONS, isModelName } from '../../src/core/index.js';
import { constInit, enclosingClass, innermostClassBody, unwrap } from './clients.js';
import { calleeName, memberName, propertyName, referencesOf } from './imports.js';
import { literalValue } from './literals.js';
import { declarationAt } from './file-index.js';
import type { TransformContext } from './types.js';

type Node = any; // Babel AST via recast.

const EQUALITY = new Set(['===', '!==', '==', '!=']);

const isModelLiteral = (node: Node): boolean => isModelName(literalValue(unwrap(node)) ?? '');

/** Whether the reference at `ref` is a model-name check: `m.startsWith('o1')`, `m === 'gpt-4o'`, `PRICES[m]`, … */
function isModelCheck(ref: ASTPath<Node>): boolean {
  let path = ref;
  while (unwrap(path.parent.node) !== path.parent.node) path = path.parent; // `model as Model`
  const node = path.node as Node;
  const parentPath = path.parent as ASTPath<Node>;
  const parent = parentPath.node as Node;
  const grand = parentPath.parent?.node as Node;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      if (parent.object === node) {
        const called = (grand?.type === 'CallExpression' || grand?.type === 'OptionalCallExpression') && grand.callee === parent;
        const literalArg = literalValue(grand?.arguments?.[0]) !== undefined || grand?.arguments?.[0]?.type === 'RegExpLiteral';
        return called && MODEL_CHECK_METHODS.includes(memberName(parent) ?? '') && literalArg;
      }
      // A lookup table keyed by model names (prices, context windows): `PRICES[model]`.
      if (!parent.computed || parent.property !== node || unwrap(parent.object)?.type !== 'Identifier') return false;
      const table = unwrap(constInit(parentPath.get('object')));
      return table?.type === 'ObjectExpression' && table.properties.some((p: Node) => isModelName(propertyName(p.key) ?? ''));
    }
    case 'BinaryExpression':
      return EQUALITY.has(parent.operator) && isModelLiteral(parent.left === node ? parent.right : parent.left);
    case 'SwitchStatement':
      return parent.discriminant === node && parent.cases.some((c: Node) => c.test && isModelLiteral(c.test));
    case 'CallExpression': {
      if (!parent.arguments.includes(node)) return false;
      const callee = unwrap(parent.callee);
      const name = calleeName(callee);
      // `/^o1/.test(model)`, or a tokenizer (`encoding_for_model(model)`).
      return (name === 'test' && unwrap(callee.object)?.type === 'RegExpLiteral') || MODEL_NAME_FUNCTIONS.includes(name ?? '');
    }
    default:
      return false;
  }
}

/** A value's root (a variable or `this`) and the member names read from it: `this.cfg.model` → this, [cfg, model]. */
function memberChain(node: Node): { root: Node; names: string[] } {
  const names: string[] = [];
  let n = node;
  for (let name = memberName(n); name !== undefined; name = memberName(n)) {
    names.unshift(name);
    n = unwrap(n.object);
  }
  return { root: n, names };
}

/** The reads of a chain's root: the references of its variable, or `this.<first name>` in the value's own class. */
function rootReads(ctx: TransformContext, value: ASTPath<Node>, root: Node, names: string[]): { reads: ASTPath<Node>[]; rest: string[] } {
  if (root.type === 'Identifier') {
    const declared = declarationAt(ctx.index.pathOf(root));
    return { reads: declared ? referencesOf(ctx.j, ctx.root, declared.id) : [], rest: names };
  }
  const body = enclosingClass(value);
  if (root.type !== 'ThisExpression' || !body || names.length === 0) return { reads: [], rest: [] };
  const reads = ctx.index.named(names[0]!).map((id) => ctx.index.parentOf(id)).filter(
    (m) => m?.type === 'MemberExpression' && !m.computed && m.object.type === 'ThisExpression' && innermostClassBody(ctx.index, m) === body,
  );
  return { reads: ctx.index.pathsOf(reads), rest: names.slice(1) };
}

/**
 * Reads of the value a model position is given (a variable, or a member of one or of `this`: `settings.model`,
 * `this.config.model`) that check it as a model name.
 */
export function modelChecks(ctx: TransformContext, value: ASTPath<Node>): ASTPath<Node>[] {
  const { root, names } = memberChain(value.node as Node);
  const { reads, rest } = rootReads(ctx, value, root, names);
  return reads.flatMap((read) => {
    let path = read;
    for (const name of rest) {
      const parent = path.parent?.node as Node;
      if (parent?.object !== path.node || memberName(parent) !== name) return [];
      path = path.parent;
    }
    return isModelCheck(path) ? [path] : [];
  });
}
