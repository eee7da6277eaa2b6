/**
 * Strings the linter can see through: literals, templates, `+` concatenations and constants, evaluated with
 * `getStaticValue`, or sketched with the unknown parts kept as their source text.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { constantInit, unwrap } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The string value of an expression when it is fully static (scope-aware: follows constants). */
export function staticString(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  const result = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  return typeof result?.value === 'string' ? result.value : undefined;
}

export interface SketchOptions {
  /** Stands in for a part that cannot be evaluated; defaults to the part's source text. */
  unknown?: (node: TSESTree.Node) => string;
  /** Stands in for a constant's value (e.g. to hide a constant that is reported where it is declared). */
  constant?: (value: string, node: TSESTree.Identifier) => string;
}

/**
 * The string an expression builds, known parts evaluated and unknown parts replaced: enough to ask
 * "is this an Azure /openai/v1 URL" of `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/`.
 */
export function sketchString(node: TSESTree.Node, sourceCode: SourceCode, options: SketchOptions = {}, depth = 0): string {
  const n = unwrap(node);
  const unknown = options.unknown ?? ((u: TSESTree.Node) => sourceCode.getText(u));
  if (depth > 8) return unknown(n);
  if (n.type === 'Literal') return typeof n.value === 'string' ? n.value : String(n.value);
  if (n.type === 'TemplateLiteral') {
    return n.quasis
      .map((q, i) => (q.value.cooked ?? q.value.raw) + (i < n.expressions.length ? sketchString(n.expressions[i]!, sourceCode, options, depth + 1) : ''))
      .join('');
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    return sketchString(n.left, sourceCode, options, depth + 1) + sketchString(n.right, sourceCode, options, depth + 1);
  }
  if (n.type === 'Identifier') {
    const init = constantInit(sourceCode, n);
    if (init) {
      const value = sketchString(init, sourceCode, options, depth + 1);
      return options.constant ? options.constant(value, n) : value;
    }
  }
  return staticString(n, sourceCode) ?? unknown(n);
}

/** A node that is one piece of a larger string expression (checked as part of that expression instead). */
export function isStringPiece(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'BinaryExpression' && parent.operator === '+') return true;
  return parent.type === 'TemplateLiteral';
}
