/**
 * Calls of the client wrappers core lists (`wrapOpenAI(client)`, `observeOpenAI(client)`, `Instructor({ client })`):
 * what they return is the client they were handed, so a client's uses are followed through them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { clientWrapper, type ClientWrapper } from '../../src/core/index.js';
import { importedBinding, staticKey } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The wrapper a call's callee names, if any. */
function wrapperOf(call: TSESTree.CallExpression, sourceCode: SourceCode): ClientWrapper | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const bound = importedBinding(call.callee, sourceCode);
  return bound?.name === undefined || bound.typeOnly ? undefined : clientWrapper(bound.spec, bound.name);
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
