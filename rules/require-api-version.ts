import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AZURE_ENV, DEFAULT_API_VERSION, OPENAI_SDK } from '../src/core/index.js';
import { JS_LANGUAGES, createRule } from './create-rule.js';
import { clientTracker } from './utils/clients.js';
import { mergeListeners } from './utils/listeners.js';
import { lookupOption } from './utils/options-object.js';
import { unwrap } from './utils/scope.js';
import { mayHaveFindings } from './utils/relevance.js';

type Options = [{ allowEnv: boolean }];

const API_VERSION = `apiVersion: process.env.${AZURE_ENV.apiVersion} ?? '${DEFAULT_API_VERSION}'`;

export default createRule<Options, 'missingApiVersion' | 'addApiVersion'>({
  name: 'require-api-version',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Require an explicit apiVersion when constructing AzureOpenAI',
      recommended: true,
    },
    languages: JS_LANGUAGES,
    messages: {
      missingApiVersion:
        'AzureOpenAI needs an apiVersion; without one it depends on OPENAI_API_VERSION being set and throws when it is not.',
      addApiVersion: `Add \`${API_VERSION}\`.`,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowEnv: {
            type: 'boolean',
            description:
              'Trust the OPENAI_API_VERSION environment variable: only report options that are visible and lack apiVersion, not `new AzureOpenAI()` with no options.',
          },
        },
      },
    ],
    defaultOptions: [{ allowEnv: false }],
  },
  create(context, [{ allowEnv }]) {
    if (!mayHaveFindings(context)) return {};
    const sourceCode = context.sourceCode;
    const tracker = clientTracker(context, [OPENAI_SDK]);

    function suggestion(node: TSESTree.NewExpression): TSESLint.ReportFixFunction | undefined {
      const arg = node.arguments[0] && unwrap(node.arguments[0]);
      if (!arg) {
        const text = sourceCode.getText(node);
        return text.trimEnd().endsWith(')')
          ? (f) => f.insertTextBefore(sourceCode.getLastToken(node)!, `{ ${API_VERSION} }`)
          : (f) => f.insertTextAfter(node, `({ ${API_VERSION} })`);
      }
      if (arg.type !== 'ObjectExpression') return undefined;
      const first = arg.properties[0];
      return first
        ? (f) => f.insertTextBefore(first, `${API_VERSION}, `)
        : (f) => f.replaceText(arg, `{ ${API_VERSION} }`);
    }

    return mergeListeners(tracker.listeners, {
      'Program:exit'() {
        for (const { node, info } of tracker.sites()) {
          if (info.kind !== 'azure' || node.type !== 'NewExpression') continue;
          const options = node.arguments[0];
          if (!options && allowEnv) continue;
          // Only what the rule can see: a spread or options built elsewhere may well carry apiVersion.
          if (lookupOption(options, 'apiVersion', sourceCode).kind !== 'absent') continue;
          const fix = suggestion(node);
          context.report({
            node,
            messageId: 'missingApiVersion',
            suggest: fix ? [{ messageId: 'addApiVersion', fix }] : [],
          });
        }
      },
    });
  },
});
