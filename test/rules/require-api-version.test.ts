import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-api-version.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();
const ADD = "apiVersion: process.env.OPENAI_API_VERSION ?? '2024-10-21'";

ruleTester.run('require-api-version', testable(rule), {
  valid: [
    "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ endpoint, apiVersion: '2024-10-21' });",
    "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ apiVersion: process.env.OPENAI_API_VERSION ?? '2024-10-21' });",
    // A spread may supply it.
    "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ ...azureOptions, endpoint });",
    // Options the rule cannot see.
    "import { AzureOpenAI } from 'openai';\nexport const make = (o: object) => new AzureOpenAI(o);",
    "import { AzureOpenAI } from 'openai';\nconst o = { endpoint, apiVersion: '2024-10-21' };\nconst c = new AzureOpenAI(o);",
    "import { AzureOpenAI } from 'openai';\nconst o: Record<string, string> = { endpoint };\no.apiVersion = v;\nconst c = new AzureOpenAI(o);",
    // Not the openai AzureOpenAI.
    "import { AzureOpenAI } from '@langchain/openai';\nconst llm = new AzureOpenAI({});",
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/` });",
    { code: "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI();", options: [{ allowEnv: true }] },
  ],
  invalid: [
    {
      code: "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT });",
      errors: [
        {
          messageId: 'missingApiVersion',
          line: 2,
          column: 11,
          suggestions: [
            {
              messageId: 'addApiVersion',
              output: `import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ ${ADD}, endpoint: process.env.AZURE_OPENAI_ENDPOINT });`,
            },
          ],
        },
      ],
    },
    {
      // The environment may set OPENAI_API_VERSION, but nothing in the code says so.
      code: "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI();",
      errors: [
        {
          messageId: 'missingApiVersion',
          suggestions: [{ messageId: 'addApiVersion', output: `import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ ${ADD} });` }],
        },
      ],
    },
    {
      code: "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI;",
      errors: [
        {
          messageId: 'missingApiVersion',
          suggestions: [{ messageId: 'addApiVersion', output: `import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ ${ADD} });` }],
        },
      ],
    },
    {
      code: "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({});",
      errors: [
        {
          messageId: 'missingApiVersion',
          suggestions: [{ messageId: 'addApiVersion', output: `import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ ${ADD} });` }],
        },
      ],
    },
    {
      code: "import { AzureOpenAI as AOAI } from 'openai';\nconst o = { endpoint };\nconst c = new AOAI(o);",
      errors: [{ messageId: 'missingApiVersion', line: 3, suggestions: [] }],
    },
    {
      code: "const { AzureOpenAI } = require('openai');\nconst c = new AzureOpenAI({ azureADTokenProvider });",
      filename: 'client.cjs',
      errors: [
        {
          messageId: 'missingApiVersion',
          suggestions: [
            { messageId: 'addApiVersion', output: `const { AzureOpenAI } = require('openai');\nconst c = new AzureOpenAI({ ${ADD}, azureADTokenProvider });` },
          ],
        },
      ],
    },
    {
      code: "const openai = await import('openai');\nconst c = new openai.AzureOpenAI({ endpoint });",
      filename: 'client.mts',
      errors: [
        {
          messageId: 'missingApiVersion',
          suggestions: [
            { messageId: 'addApiVersion', output: `const openai = await import('openai');\nconst c = new openai.AzureOpenAI({ ${ADD}, endpoint });` },
          ],
        },
      ],
    },
  ],
});
