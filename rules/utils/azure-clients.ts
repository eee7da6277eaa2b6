/**
 * Uses of Azure-bound clients (`AzureOpenAI`, or `OpenAI` on an Azure base URL): those constructed in the file,
 * and, with type information, any value typed `AzureOpenAI` (a parameter, a field, an import from another file).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DEPLOYMENT_CALLS, OPENAI_SDK, SURFACE_GAPS } from '../../src/core/index.js';
import { azureBinding, clientTracker, type AzureBinding } from './clients.js';
import { mergeListeners } from './listeners.js';
import { ChainWalker, type ChainVisitor } from './member-chains.js';
import { staticKey } from './scope.js';
import { typeInfo } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** First members of every path the rules care about: typed receivers are only looked up before one of these. */
const FIRST_MEMBERS = new Set([...DEPLOYMENT_CALLS, ...Object.keys(SURFACE_GAPS)].map((p) => p.split('.')[0]!));

/** `bindings`: which kinds of Azure-bound client to follow (typed receivers are `AzureOpenAI`, i.e. classic). */
export function azureClientUses(
  context: Context,
  visitor: ChainVisitor,
  bindings: readonly AzureBinding[] = ['classic', 'v1', 'by-hand'],
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const tracker = clientTracker(context, [OPENAI_SDK]);
  const types = typeInfo(context);
  const typedRoots: TSESTree.Node[] = [];

  return mergeListeners(tracker.listeners, {
    MemberExpression(node) {
      if (!types) return;
      const key = staticKey(node, sourceCode);
      if (key !== null && FIRST_MEMBERS.has(key) && types.instanceClass(node.object) === 'AzureOpenAI') typedRoots.push(node.object);
    },
    // const { moderations } = client
    VariableDeclarator(node) {
      if (types && node.id.type === 'ObjectPattern' && node.init && types.instanceClass(node.init) === 'AzureOpenAI') {
        typedRoots.push(node.init);
      }
    },
    'Program:exit'() {
      const walker = new ChainWalker(sourceCode, visitor);
      for (const site of tracker.sites()) {
        const binding = azureBinding(site, sourceCode);
        if (binding && bindings.includes(binding)) walker.from(site.node);
      }
      for (const root of typedRoots) walker.from(root);
    },
  });
}
