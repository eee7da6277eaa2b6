import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noModelName from '../../rules/no-model-name.js';
import noOpenAIClient from '../../rules/no-openai-client.js';
import noUnsupportedApi from '../../rules/no-unsupported-api.js';
import { testable } from './testable.js';

// recommended-type-checked: the same rules, sharper with a TypeScript program.
const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      project: './tsconfig.json',
      tsconfigRootDir: join(dirname(fileURLToPath(import.meta.url)), 'fixtures/typed'),
    },
  },
});

ruleTester.run('no-unsupported-api (typed)', testable(noUnsupportedApi), {
  valid: [
    "import OpenAI from 'openai';\nexport async function f(c: OpenAI) { await c.moderations.create({ input: 'x' }); }",
    "export async function f(c: { moderations: { create(x: object): void } }) { c.moderations.create({}); }",
  ],
  invalid: [
    {
      // A client imported from another module.
      code: "import { client } from './azure-client.js';\nexport const m = await client.moderations.create({ input: 'x' });",
      errors: [{ messageId: 'unsupported', line: 2, column: 24 }],
    },
    {
      // A parameter typed AzureOpenAI.
      code: "import type { AzureOpenAI } from 'openai';\nexport async function f(c: AzureOpenAI) {\n  const { images } = c;\n  return images.createVariation({ image: null! });\n}",
      errors: [{ messageId: 'unsupported', line: 4, column: 10 }],
    },
    {
      code: "import { AzureOpenAI } from 'openai';\nclass Svc {\n  constructor(private readonly ai: AzureOpenAI) {}\n  run() { return this.ai.beta.assistants.list(); }\n}\nexport { Svc };",
      errors: [{ messageId: 'unsupported', line: 4, column: 18 }],
    },
  ],
});

ruleTester.run('no-model-name (typed)', testable(noModelName), {
  valid: ["import { client } from './azure-client.js';\nexport const r = client.chat.completions.create({ model: 'chat-prod', messages: [] });"],
  invalid: [
    {
      code: "import { client } from './azure-client.js';\nexport const r = client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
      errors: [
        {
          messageId: 'modelName',
          line: 2,
          suggestions: [
            {
              messageId: 'useDeploymentEnv',
              output:
                "import { client } from './azure-client.js';\nexport const r = client.chat.completions.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? 'gpt-4o', messages: [] });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-openai-client (typed)', testable(noOpenAIClient), {
  valid: ["import { OpenAI } from './sdk.js';\nexport const c = new OpenAI({ baseURL: 'https://res.openai.azure.com/openai/v1/' });"],
  invalid: [
    {
      // The SDK class re-exported by a local module.
      code: "import { OpenAI as Client } from './sdk.js';\nexport const c = new Client();",
      errors: [{ messageId: 'openaiClient', line: 2, suggestions: [] }],
    },
  ],
});
