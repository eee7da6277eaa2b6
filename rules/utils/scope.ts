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

/** Where a local comes from: the module, the export it names (`default`, a name, `*` for the module itself), type-only. */
export interface ImportedBinding {
  spec: string;
  name: string | undefined;
  typeOnly: boolean;
}

/** A string literal's value. */
export function stringValue(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * The module an identifier is imported or required from, and which of its exports: ESM imports, TS `import x =
 * require()`, `const x = require('m')`, `const x = require('m').y`, `const { y: x } = require('m')`. `name` is undefined
 * where the declaration does not tell (a nested pattern).
 */
export function importedBinding(id: TSESTree.Identifier, sourceCode: SourceCode): ImportedBinding | undefined {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (def?.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type === 'TSImportEqualsDeclaration') {
      const ref = declaration.moduleReference;
      const spec = ref.type === 'TSExternalModuleReference' ? stringValue(ref.expression) : undefined;
      return spec === undefined ? undefined : { spec, name: '*', typeOnly: false };
    }
    const node = def.node;
    const typeOnly = declaration.importKind === 'type' || (node.type === 'ImportSpecifier' && node.importKind === 'type');
    const name =
      node.type === 'ImportDefaultSpecifier'
        ? 'default'
        : node.type === 'ImportSpecifier'
          ? node.imported.type === 'Identifier'
            ? node.imported.name
            : node.imported.value
          : '*';
    return { spec: declaration.source.value, name, typeOnly };
  }
  if (def?.node.type !== 'VariableDeclarator' || !def.node.init) return undefined;
  let init = unwrap(def.node.init);
  let member: string | null | undefined;
  if (init.type === 'MemberExpression') {
    member = staticKey(init, sourceCode);
    init = unwrap(init.object);
  }
  if (init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const spec = isGlobalName(sourceCode, init.callee) && init.arguments.length === 1 ? stringValue(init.arguments[0]) : undefined;
  if (spec === undefined) return undefined;
  const pattern = def.node.id;
  let name: string | undefined;
  if (pattern.type === 'Identifier') name = member === undefined ? '*' : (member ?? undefined);
  else if (pattern.type === 'ObjectPattern' && member === undefined) {
    const property = pattern.properties.find((p) => p.type === 'Property' && p.value === def.name);
    name = property?.type === 'Property' ? (staticKey(property, sourceCode) ?? undefined) : undefined;
  }
  return { spec, name, typeOnly: false };
}
