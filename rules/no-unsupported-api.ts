import { surfaceGap } from '../src/core/index.js';
import { JS_LANGUAGES, createRule } from './create-rule.js';
import { azureClientUses } from './utils/azure-clients.js';
import { mayHaveFindings } from './utils/relevance.js';

type Options = [{ reportDiffers: boolean }];

export default createRule<Options, 'unsupported' | 'differs'>({
  name: 'no-unsupported-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow OpenAI APIs that Azure OpenAI does not offer, called on an Azure OpenAI client',
      recommended: true,
      typeAware: true,
    },
    languages: JS_LANGUAGES,
    messages: {
      unsupported: '{{api}} is not available on Azure OpenAI: {{reason}}.',
      differs: '{{api}} works differently on Azure OpenAI: {{reason}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportDiffers: {
            type: 'boolean',
            description: 'Also report APIs that exist on Azure OpenAI but behave differently (fine-tuning, batches, models).',
          },
        },
      },
    ],
    defaultOptions: [{ reportDiffers: false }],
  },
  create(context, [{ reportDiffers }]) {
    if (!mayHaveFindings(context)) return {};
    return azureClientUses(context, {
      // Reported where the API is first reached (`client.moderations`, `const { moderations } = client`), once.
      member(path, node) {
        const api = path.join('.');
        const gap = surfaceGap(api);
        if (!gap || (gap.level === 'differs' && !reportDiffers)) return true;
        context.report({ node, messageId: gap.level, data: { api, reason: gap.message } });
        return false;
      },
    });
  },
});
