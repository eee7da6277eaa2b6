import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `x!`, `x as T`, `x satisfies T`, `<T>x`, `(x)?.y` wrappers that do not change the value. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (
    n.type === 'TSNonNullExpression' ||
    n.type === 'TSAsExpression' ||
    n.type === 'TSSatisfiesExpression' ||
    n.type === 'TSTypeAssertion' ||
    n.type === 'ChainExpression'
  ) {
    n = n.expression;
  }
  return n;
}

/** The variable an identifier refers to, if declared in the file. */
export function variableOf(sourceCode: SourceCode, id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(id), id);
}

/**
 * The initializer of a `const` (or never reassigned `let`/`var`) an identifier refers to: how constants and
 * option objects declared elsewhere in the file are followed without type information.
 */
export function constantInit(sourceCode: SourceCode, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = variableOf(sourceCode, id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const decl = variable.defs[0]!.node;
  if (decl.type !== 'VariableDeclarator' || decl.id.type !== 'Identifier' || !decl.init) return undefined;
  const writes = variable.references.filter((r) => r.isWrite() && r.identifier !== decl.id);
  return writes.length === 0 ? decl.init : undefined;
}

/** A property key as a string, when it is static (`a`, `'a'`, `['a']`). */
export function staticKey(
  node: TSESTree.Property | TSESTree.MemberExpression | TSESTree.PropertyDefinition,
  sourceCode: SourceCode,
): string | null {
  return ASTUtils.getPropertyName(node, sourceCode.getScope(node));
}

/** `require` / `import` references that are the module system's, not a local function of that name. */
export function isGlobalName(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, id);
  return !variable || variable.defs.length === 0;
}
