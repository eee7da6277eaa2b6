import { isRoutedOpenAIId, modelRouterIn, ROUTED_MODEL_KEYS, routedModelMessage, routedProviderMessage } from '../src/core/index.js';
import { calleeName, propertyName } from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import { stillReads, type Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/**
 * Routed OpenAI model ids a framework resolves itself (`new Agent({ model: 'openai/gpt-4o-mini' })` with Mastra or
 * VoltAgent, `initChatModel('openai:gpt-4o')` with LangChain, or `initChatModel('gpt-4o', { modelProvider: 'openai' })`
 * and a provider picked at run time; core `MODEL_ROUTERS`): a marker on each, and the key
 * the framework reads stays in the config files. Its Azure form is the framework's own setting, not something the id
 * can say.
 */
export const modelRouters: Transform = {
  name: 'model-routers',
  apply(ctx) {
    const router = modelRouterIn(ctx.source);
    if (!router) return;
    for (const id of ctx.index.find('StringLiteral', (n) => isRoutedOpenAIId(router, n.value))) {
      const parent = id.parent?.node as Node;
      const asOption = parent?.type === 'ObjectProperty' && parent.value === id.node && ROUTED_MODEL_KEYS.has(propertyName(parent.key) ?? '');
      const asArgument = parent?.type === 'CallExpression' && parent.arguments[0] === id.node && router.calls.includes(calleeName(parent.callee) ?? '');
      if (!asOption && !asArgument) continue;
      ctx.todo(id.parent, routedModelMessage(router, (id.node as Node).value));
      stillReads(ctx.outcome, router.env);
    }
    // `initChatModel('gpt-4o', { modelProvider: 'openai' })`, or a provider known only at run time.
    const { provider } = router;
    if (!provider) return;
    const named = (n: Node): boolean => router.calls.includes(calleeName(n.callee) ?? '') && n.arguments[1]?.type === 'ObjectExpression';
    for (const call of ctx.index.find('CallExpression', named)) {
      const option = ((call.node as Node).arguments[1].properties as Node[]).find((p) => p.type === 'ObjectProperty' && propertyName(p.key) === provider.key);
      const value = option?.value;
      if (!value || (value.type === 'StringLiteral' && value.value !== provider.openai)) continue;
      const literal = value.type === 'StringLiteral';
      ctx.todo(call, routedProviderMessage(router, ctx.source.slice(value.start, value.end), !literal));
      stillReads(ctx.outcome, router.env);
    }
  },
};

export default asJscodeshift(modelRouters);
