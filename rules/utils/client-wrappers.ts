/**
 * Calls of the client wrappers core lists (`wrapOpenAI(client)`, `observeOpenAI(client)`, `Instructor({ client })`):
 * what they return is the client they were handed, so a client's uses are followed through them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { clientWrapper, type ClientWrapper } from '../../src/core/index.js';
import { isGlobalName, staticKey, variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The module and export an identifier is bound to: an ESM import, or a name destructured from `require('…')`. */
function importOf(sourceCode: SourceCode, id: TSESTree.Identifier): { spec: string; name: string } | undefined {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (!def) return undefined;
  const node = def.node;
  if (node.type === 'ImportDefaultSpecifier' || node.type === 'ImportSpecifier') {
    if (node.parent.type !== 'ImportDeclaration') return undefined;
    const spec = node.parent.source.value;
    if (node.type === 'ImportDefaultSpecifier') return { spec, name: 'default' };
    return { spec, name: node.imported.type === 'Identifier' ? node.imported.name : node.imported.value };
  }
  if (node.type !== 'VariableDeclarator' || node.id.type !== 'ObjectPattern' || node.init?.type !== 'CallExpression') return undefined;
  const { callee, arguments: [arg] } = node.init;
  if (callee.type !== 'Identifier' || callee.name !== 'require' || !isGlobalName(sourceCode, callee)) return undefined;
  if (arg?.type !== 'Literal' || typeof arg.value !== 'string') return undefined;
  const property = node.id.properties.find((p) => p.type === 'Property' && p.value === def.name);
  const name = property?.type === 'Property' ? staticKey(property, sourceCode) : null;
  return name === null ? undefined : { spec: arg.value, name };
}

/** The wrapper a call's callee names, if any. */
function wrapperOf(call: TSESTree.CallExpression, sourceCode: SourceCode): ClientWrapper | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const bound = importOf(sourceCode, call.callee);
  return bound && clientWrapper(bound.spec, bound.name);
}

/**
 * The wrapper call that returns the client `node` is handed to: `wrapOpenAI(node)`, or `Instructor({ client: node })`
 * (`node` a first argument, or the value of a first-argument property). Undefined elsewhere.
 */
export function wrappingCall(node: TSESTree.Node, sourceCode: SourceCode): TSESTree.CallExpression | undefined {
  const parent = node.parent;
  if (parent?.type === 'CallExpression') {
    const wrapper = parent.arguments[0] === node ? wrapperOf(parent, sourceCode) : undefined;
    return wrapper && wrapper.property === undefined ? parent : undefined;
  }
  if (parent?.type !== 'Property' || parent.value !== node || parent.parent.type !== 'ObjectExpression') return undefined;
  const call = parent.parent.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== parent.parent) return undefined;
  const property = wrapperOf(call, sourceCode)?.property;
  return property !== undefined && staticKey(parent, sourceCode) === property ? call : undefined;
}
