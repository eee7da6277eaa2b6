/** Environment reads: `process.env.X`, `process.env['X']`, `import.meta.env.X`, and aliases of those objects. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { constantInit, isGlobalName, staticKey, unwrap, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `process.env`, `import.meta.env`, or a local bound to one (`const env = process.env`, `const { env } = process`). */
export function isEnvObject(node: TSESTree.Node, sourceCode: SourceCode, depth = 0): boolean {
  const n = unwrap(node);
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'env') {
    const object = unwrap(n.object);
    if (object.type === 'MetaProperty') return object.meta.name === 'import' && object.property.name === 'meta';
    return object.type === 'Identifier' && object.name === 'process' && isGlobalName(sourceCode, object);
  }
  if (n.type !== 'Identifier' || depth > 3) return false;
  const init = constantInit(sourceCode, n);
  if (init) return isEnvObject(init, sourceCode, depth + 1);
  // const { env } = process
  const def = variableOf(sourceCode, n)?.defs[0];
  if (def?.node.type !== 'VariableDeclarator' || def.node.id.type !== 'ObjectPattern' || !def.node.init) return false;
  const init2 = unwrap(def.node.init);
  const prop = def.node.id.properties.find(
    (p) => p.type === 'Property' && p.value.type === 'Identifier' && p.value.name === n.name,
  ) as TSESTree.Property | undefined;
  return (
    prop !== undefined &&
    staticKey(prop, sourceCode) === 'env' &&
    init2.type === 'Identifier' &&
    init2.name === 'process' &&
    isGlobalName(sourceCode, init2)
  );
}

/** The variable name `env.X` or `env['X']` reads, when the object is an env object and the key is static. */
export function envMemberName(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression' || !isEnvObject(n.object, sourceCode)) return undefined;
  return staticKey(n, sourceCode) ?? undefined;
}
