import { RuleTester } from '@typescript-eslint/rule-tester';
import { SURFACE_GAPS } from '../../src/core/index.js';
import rule from '../../rules/no-unsupported-api.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();
const AZURE = "import { AzureOpenAI } from 'openai';\nconst client = new AzureOpenAI({ apiVersion: '2024-10-21' });\n";
const reason = (key: string) => SURFACE_GAPS[key]!.message;

ruleTester.run('no-unsupported-api', testable(rule), {
  valid: [
    `${AZURE}await client.chat.completions.create({ model, messages });`,
    `${AZURE}await client.images.generate({ model, prompt });`,
    // Differs, but only reported with reportDiffers.
    `${AZURE}await client.fineTuning.jobs.create({ model, training_file });`,
    // A direct-OpenAI client (not Azure-bound) may call anything OpenAI offers.
    "import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.moderations.create({ input });",
    "import OpenAI from 'openai';\nconst other = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait other.moderations.create({ input });",
    // Unknown receivers are not assumed to be Azure without type information.
    'await client.moderations.create({ input });',
  ],
  invalid: [
    {
      code: `${AZURE}await client.moderations.create({ input });`,
      errors: [{ messageId: 'unsupported', data: { api: 'moderations', reason: reason('moderations.*') }, line: 3, column: 7, endColumn: 25 }],
    },
    {
      code: `${AZURE}const { moderations } = client;\nawait moderations.create({ input });`,
      errors: [{ messageId: 'unsupported', data: { api: 'moderations', reason: reason('moderations.*') }, line: 3, column: 9 }],
    },
    {
      code: `${AZURE}await client.images.createVariation({ image });`,
      errors: [{ messageId: 'unsupported', data: { api: 'images.createVariation', reason: reason('images.createVariation') } }],
    },
    {
      code: `${AZURE}const a = await client.beta.assistants.create({ model, instructions });\nconst t = await client.beta.threads.create();`,
      errors: [
        { messageId: 'unsupported', data: { api: 'beta.assistants', reason: reason('beta.assistants.*') }, line: 3 },
        { messageId: 'unsupported', data: { api: 'beta.threads', reason: reason('beta.threads.*') }, line: 4 },
      ],
    },
    {
      // The v1 path: OpenAI on an Azure base URL is Azure-bound too.
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/` });\nawait client.videos.create({ prompt });\nawait client.admin.organization.users.list();",
      errors: [
        { messageId: 'unsupported', data: { api: 'videos', reason: reason('videos.*') }, line: 3 },
        { messageId: 'unsupported', data: { api: 'admin', reason: reason('admin.*') }, line: 4 },
      ],
    },
    {
      code: "const { AzureOpenAI: Azure } = require('openai');\nlet client;\nclient = new Azure({ apiVersion: 'v' });\nconst mod = client?.moderations;",
      filename: 'x.cjs',
      errors: [{ messageId: 'unsupported', line: 4 }],
    },
    {
      code: `${AZURE}await client.fineTuning.jobs.create({ model, training_file });\nawait client.batches.create({ input_file_id });`,
      options: [{ reportDiffers: true }],
      errors: [
        { messageId: 'differs', data: { api: 'fineTuning', reason: reason('fineTuning.*') }, line: 3 },
        { messageId: 'differs', data: { api: 'batches.create', reason: reason('batches.create') }, line: 4 },
      ],
    },
  ],
});
