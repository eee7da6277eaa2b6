import type { ASTPath } from 'jscodeshift';
import { openAIWrapperMessage, openAIWrappersIn } from '../src/core/index.js';
import { moduleBindings, propertyName, referencesTo } from './lib/imports.js';
import { asJscodeshift } from './lib/run.js';
import { optionsObject } from './lib/clients.js';
import { laterWrites } from './lib/later-writes.js';
import { stillReads, type Transform, type TransformContext } from './lib/types.js';

type Node = any; // Babel AST via recast.

/**
 * A framework's own OpenAI classes (LlamaIndex's `new OpenAI(…)`, `openai(…)`, Genkit's `openAI()` plugin; core
 * `OPENAI_WRAPPERS`): each construction or call gets a marker naming the framework's Azure OpenAI class or setting, and
 * the key the framework reads stays in the config files. The framework's Azure class takes other options (a
 * deployment, its own variables), so the call is not rewritten. A use given the option that puts it on Azure already
 * (legacy LlamaIndex's `azure: {…}`) is left alone.
 */
export const openAIWrappers: Transform = {
  name: 'openai-wrappers',
  apply(ctx) {
    for (const wrapper of openAIWrappersIn(ctx.source)) {
      const bindings = moduleBindings(ctx.j, ctx.root, wrapper.pkg).filter((b) => !b.typeOnly && Object.hasOwn(wrapper.exports, b.imported));
      for (const binding of bindings) {
        for (const ref of referencesTo(ctx.j, ctx.root, binding) as ASTPath<Node>[]) {
          const parent = ref.parent?.node as Node;
          const used = (parent?.type === 'NewExpression' || parent?.type === 'CallExpression') && parent.callee === ref.node;
          if (!used || (wrapper.azureOption && setsOption(ctx, ref.parent.get('arguments', 0), wrapper.azureOption))) continue;
          ctx.todo(ref.parent, openAIWrapperMessage(wrapper, binding.imported));
          stillReads(ctx.outcome, wrapper.env);
          ctx.outcome.leavesOpenAI = true;
        }
      }
    }
  },
};

/** Whether the options at `argPath` (inline, or a same-file object) set `key`, in the literal or written later. */
function setsOption(ctx: TransformContext, argPath: ASTPath<Node>, key: string): boolean {
  const object = argPath.node ? optionsObject(argPath) : undefined;
  if (!object) return false;
  const written = ((object.node as Node).properties as Node[]).some((p) => p.type !== 'SpreadElement' && !p.computed && propertyName(p.key) === key);
  return written || laterWrites(ctx, object).some((write) => write.key === key);
}

export default asJscodeshift(openAIWrappers);
