import { modelRouterIn, ROUTED_MODEL_KEYS, ROUTED_OPENAI_ID, routedModelMessage } from '../src/core/index.js';
import { propertyName } from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import type { Transform } from './lib/types.js';

type Node = any; // Babel AST via recast.

/**
 * Routed OpenAI model ids an agent framework resolves itself (`new Agent({ model: 'openai/gpt-4o-mini' })` with Mastra
 * or VoltAgent, core `MODEL_ROUTERS`): a marker on each, and the key the framework reads stays in the config files.
 * Its Azure form is the framework's own setting, not something the id can say.
 */
export const modelRouters: Transform = {
  name: 'model-routers',
  apply(ctx) {
    const router = modelRouterIn(ctx.source);
    if (!router) return;
    const ids = ctx.index.find('StringLiteral', (n) => ROUTED_OPENAI_ID.test(n.value));
    for (const id of ids) {
      const property = id.parent?.node as Node;
      if (property?.type !== 'ObjectProperty' || property.value !== id.node || !ROUTED_MODEL_KEYS.has(propertyName(property.key) ?? '')) continue;
      ctx.todo(id.parent, routedModelMessage(router, (id.node as Node).value));
      const stale = (ctx.outcome.staleEnv ??= []);
      if (!stale.includes(router.env)) stale.push(router.env);
    }
  },
};

export default asJscodeshift(modelRouters);
