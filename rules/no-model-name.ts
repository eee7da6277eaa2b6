import type { TSESTree } from '@typescript-eslint/utils';
import { deploymentEnvName, isDeploymentCall, isModelName } from '../src/core/index.js';
import { JS_LANGUAGES, createRule } from './create-rule.js';
import { azureClientUses } from './utils/azure-clients.js';
import { envReadName } from './utils/env-reads.js';
import { lookupOption } from './utils/options-object.js';
import { unwrap } from './utils/scope.js';
import { staticString } from './utils/static-string.js';
import { mayHaveFindings } from './utils/relevance.js';
import { allowListSchema } from './utils/schema.js';

type Options = [{ allow: string[] }];

export default createRule<Options, 'modelName' | 'useDeploymentEnv'>({
  name: 'no-model-name',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow raw OpenAI model names where an Azure OpenAI client expects a deployment name',
      recommended: true,
      typeAware: true,
    },
    languages: JS_LANGUAGES,
    messages: {
      modelName:
        '"{{model}}" is an OpenAI model name, but {{call}} on an Azure OpenAI client takes a deployment name.',
      useDeploymentEnv: 'Read the deployment from {{env}}, falling back to "{{model}}".',
    },
    schema: allowListSchema(
      'Deployment names that are spelled like model names on purpose (e.g. a deployment called "gpt-4o").',
    ),
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }]) {
    if (!mayHaveFindings(context)) return {};
    const sourceCode = context.sourceCode;

    function checkModel(node: TSESTree.Node, call: string): void {
      const n = unwrap(node);
      if (n.type === 'LogicalExpression') {
        // `process.env.AZURE_OPENAI_DEPLOYMENT_X ?? "gpt-4o"` (Deno: `Deno.env.get(…) ?? "gpt-4o"`): the deployment
        // comes from the environment.
        if (envReadName(n.left, sourceCode) !== undefined) return;
        checkModel(n.left, call);
        checkModel(n.right, call);
        return;
      }
      if (n.type === 'ConditionalExpression') {
        checkModel(n.consequent, call);
        checkModel(n.alternate, call);
        return;
      }
      const model = staticString(n, sourceCode);
      if (model === undefined || !isModelName(model) || allow.includes(model)) return;
      const env = deploymentEnvName(model);
      const bare = n.parent?.type === 'Property' && n.parent.value === n;
      const replacement = `process.env.${env} ?? ${sourceCode.getText(n)}`;
      context.report({
        node: n,
        messageId: 'modelName',
        data: { model, call },
        suggest: [
          {
            messageId: 'useDeploymentEnv',
            data: { env, model },
            fix: (f) => f.replaceText(n, bare ? replacement : `(${replacement})`),
          },
        ],
      });
    }

    // A client whose base URL already names the deployment (`…/openai/deployments/chat`) ignores `model`.
    return azureClientUses(
      context,
      {
        call(path, node) {
          const call = path.join('.');
          if (!isDeploymentCall(call)) return;
          for (const arg of node.arguments) {
            const model = lookupOption(arg, 'model', sourceCode);
            if (model.kind === 'found') checkModel(model.value, call);
          }
        },
      },
      ['classic', 'v1'],
    );
  },
});
