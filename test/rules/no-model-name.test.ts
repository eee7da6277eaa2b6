import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-model-name.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();
const AZURE = "import { AzureOpenAI } from 'openai';\nconst client = new AzureOpenAI({ apiVersion: '2024-10-21' });\n";
const V1 =
  "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: `${process.env.AZURE_OPENAI_ENDPOINT!.replace(/\\/+$/, '')}/openai/v1/` });\n";

const WRAPPED = [
  "import { AzureOpenAI } from 'openai';",
  "import { wrapOpenAI } from 'langsmith/wrappers';",
  "import Instructor from '@instructor-ai/instructor';",
  "const { observeOpenAI: observe } = require('langfuse');",
  "const azure = new AzureOpenAI({ apiVersion: 'v' });",
  'const traced = wrapOpenAI(azure);',
  "const structured = Instructor({ client: azure, mode: 'TOOLS' });",
  "const observed = observe(new AzureOpenAI({ apiVersion: 'v' }));",
  "await traced.chat.completions.create({ model: 'gpt-4o', messages });",
  "await structured.chat.completions.create({ model: 'gpt-4o-mini', messages, response_model });",
  "await observed.embeddings.create({ model: 'text-embedding-3-small', input });",
].join('\n');

/** The suggestion that reads `model`'s deployment from the environment, in `code`. */
function deploymentEnv(code: string, model: string, suffix: string) {
  const env = `AZURE_OPENAI_DEPLOYMENT_${suffix}`;
  return { messageId: 'useDeploymentEnv' as const, data: { env, model }, output: code.replace(`model: '${model}'`, `model: process.env.${env} ?? '${model}'`) };
}

ruleTester.run('no-model-name', testable(rule), {
  valid: [
    // The migrated form: the deployment comes from the environment, the model name is only a fallback.
    `${AZURE}await client.chat.completions.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? "gpt-4o", messages });`,
    `${V1}await client.responses.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4_1 ?? 'gpt-4.1', input });`,
    // Deno's env getter, as the codemod writes it in a Deno file.
    `${AZURE}await client.embeddings.create({ model: Deno.env.get('AZURE_OPENAI_DEPLOYMENT_TEXT_EMBEDDING_3_SMALL') ?? 'text-embedding-3-small', input });`,
    `${AZURE}const MODEL = process.env.CHAT_DEPLOYMENT ?? 'gpt-4o';\nawait client.chat.completions.create({ model: MODEL, messages });`,
    `${AZURE}await client.chat.completions.create({ model: 'chat-prod', messages });`,
    // The deployment is in a hand-made base URL: the body's model routes nothing.
    "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: `https://${resource}.openai.azure.com/openai/deployments/chat` });\nawait client.chat.completions.create({ model: 'gpt-4o', messages });",
    // Model names by design.
    `${AZURE}await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file });`,
    // A direct-OpenAI client takes model names (no-openai-client reports the client itself).
    "import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages });",
    "import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });\nawait groq.chat.completions.create({ model: 'gpt-4o', messages });",
    // LangChain's Azure class keeps `model` as the real model name.
    "import { AzureChatOpenAI } from '@langchain/openai';\nconst llm = new AzureChatOpenAI({ model: 'gpt-4o', azureOpenAIApiDeploymentName: 'chat' });",
    // A wrapper this plugin does not know: what it returns is not taken for the client.
    "import { AzureOpenAI } from 'openai';\nimport { track } from './tracing';\nconst client = track(new AzureOpenAI({ apiVersion: 'v' }));\nawait client.chat.completions.create({ model: 'gpt-4o', messages });",
    // A known wrapper that is handed something else, or a direct-OpenAI client.
    "import OpenAI from 'openai';\nimport { wrapOpenAI } from 'langsmith/wrappers';\nconst client = wrapOpenAI(new OpenAI());\nawait client.chat.completions.create({ model: 'gpt-4o', messages });",
    // An unknown receiver (no types): not assumed to be Azure.
    "await client.chat.completions.create({ model: 'gpt-4o', messages });",
    { code: `${AZURE}await client.chat.completions.create({ model: 'gpt-4o', messages });`, options: [{ allow: ['gpt-4o'] }] },
  ],
  invalid: [
    {
      code: `${AZURE}await client.chat.completions.create({ model: 'gpt-4o', messages });`,
      errors: [
        {
          messageId: 'modelName',
          data: { model: 'gpt-4o', call: 'chat.completions.create' },
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'useDeploymentEnv',
              data: { env: 'AZURE_OPENAI_DEPLOYMENT_GPT_4O', model: 'gpt-4o' },
              output: `${AZURE}await client.chat.completions.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? 'gpt-4o', messages });`,
            },
          ],
        },
      ],
    },
    {
      // A constant holding a model name, reported where it is used as the model.
      code: `${V1}const EMBED = 'text-embedding-3-small';\nawait client.embeddings.create({ model: EMBED, input });`,
      errors: [
        {
          messageId: 'modelName',
          data: { model: 'text-embedding-3-small', call: 'embeddings.create' },
          line: 4,
          suggestions: [
            {
              messageId: 'useDeploymentEnv',
              output: `${V1}const EMBED = 'text-embedding-3-small';\nawait client.embeddings.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_TEXT_EMBEDDING_3_SMALL ?? EMBED, input });`,
            },
          ],
        },
      ],
    },
    {
      // A fallback that is not an environment read still sends a model name as the deployment.
      code: `${AZURE}await client.chat.completions.create({ model: this.model || 'gpt-4.1-nano', messages });`,
      errors: [
        {
          messageId: 'modelName',
          data: { model: 'gpt-4.1-nano', call: 'chat.completions.create' },
          suggestions: [
            {
              messageId: 'useDeploymentEnv',
              output: `${AZURE}await client.chat.completions.create({ model: this.model || (process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4_1_NANO ?? 'gpt-4.1-nano'), messages });`,
            },
          ],
        },
      ],
    },
    {
      // Resource objects handed out, destructuring and request objects built first.
      code: `${AZURE}const completions = client.chat.completions;\nconst params = { model: 'gpt-4o-mini', messages };\nawait completions.create(params);`,
      errors: [{ messageId: 'modelName', line: 4, column: 25, suggestions: [{ messageId: 'useDeploymentEnv', output: `${AZURE}const completions = client.chat.completions;\nconst params = { model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O_MINI ?? 'gpt-4o-mini', messages };\nawait completions.create(params);` }] }],
    },
    {
      code: `${AZURE}const { images } = client;\nawait images.generate({ model: 'dall-e-3', prompt });`,
      errors: [{ messageId: 'modelName', data: { model: 'dall-e-3', call: 'images.generate' }, line: 4, suggestions: [{ messageId: 'useDeploymentEnv', output: `${AZURE}const { images } = client;\nawait images.generate({ model: process.env.AZURE_OPENAI_DEPLOYMENT_DALL_E_3 ?? 'dall-e-3', prompt });` }] }],
    },
    {
      // A client kept on `this`, required inside the constructor, called through a split chain.
      code: "class Bot {\n  constructor() {\n    const { AzureOpenAI } = require('openai');\n    this.client = new AzureOpenAI({ apiVersion: '2024-10-21' });\n  }\n  ask() {\n    return this.client.chat\n      .completions.create({ model: 'o3-mini', messages: [] });\n  }\n}",
      filename: 'bot.js',
      errors: [{ messageId: 'modelName', line: 8, suggestions: [{ messageId: 'useDeploymentEnv', output: "class Bot {\n  constructor() {\n    const { AzureOpenAI } = require('openai');\n    this.client = new AzureOpenAI({ apiVersion: '2024-10-21' });\n  }\n  ask() {\n    return this.client.chat\n      .completions.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_O3_MINI ?? 'o3-mini', messages: [] });\n  }\n}" }] }],
    },
    {
      code: "import * as oai from 'openai';\nconst client = new oai.AzureOpenAI();\nconst clone = client.withOptions({ timeout: 5 });\nawait clone.audio.transcriptions.create({ file, model: 'whisper-1' });",
      errors: [{ messageId: 'modelName', line: 4, suggestions: [{ messageId: 'useDeploymentEnv', output: "import * as oai from 'openai';\nconst client = new oai.AzureOpenAI();\nconst clone = client.withOptions({ timeout: 5 });\nawait clone.audio.transcriptions.create({ file, model: process.env.AZURE_OPENAI_DEPLOYMENT_WHISPER_1 ?? 'whisper-1' });" }] }],
    },
    {
      code: "import { AzureOpenAI } from 'openai';\nexport function Chat() {\n  const client = new AzureOpenAI({ apiVersion: 'v' });\n  const run = () => client.chat.completions.create({ model: cheap ? 'gpt-4o-mini' : 'gpt-4o', messages });\n  return <button onClick={run}>go</button>;\n}",
      filename: 'chat.tsx',
      errors: [
        { messageId: 'modelName', data: { model: 'gpt-4o-mini', call: 'chat.completions.create' }, suggestions: [{ messageId: 'useDeploymentEnv', output: "import { AzureOpenAI } from 'openai';\nexport function Chat() {\n  const client = new AzureOpenAI({ apiVersion: 'v' });\n  const run = () => client.chat.completions.create({ model: cheap ? (process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O_MINI ?? 'gpt-4o-mini') : 'gpt-4o', messages });\n  return <button onClick={run}>go</button>;\n}" }] },
        { messageId: 'modelName', data: { model: 'gpt-4o', call: 'chat.completions.create' }, suggestions: [{ messageId: 'useDeploymentEnv', output: "import { AzureOpenAI } from 'openai';\nexport function Chat() {\n  const client = new AzureOpenAI({ apiVersion: 'v' });\n  const run = () => client.chat.completions.create({ model: cheap ? 'gpt-4o-mini' : (process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? 'gpt-4o'), messages });\n  return <button onClick={run}>go</button>;\n}" }] },
      ],
    },
    {
      // Client wrappers (tracing, structured output) hand back the Azure client they are given.
      code: WRAPPED,
      errors: [
        { messageId: 'modelName', line: 9, data: { model: 'gpt-4o', call: 'chat.completions.create' }, suggestions: [deploymentEnv(WRAPPED, 'gpt-4o', 'GPT_4O')] },
        { messageId: 'modelName', line: 10, data: { model: 'gpt-4o-mini', call: 'chat.completions.create' }, suggestions: [deploymentEnv(WRAPPED, 'gpt-4o-mini', 'GPT_4O_MINI')] },
        { messageId: 'modelName', line: 11, data: { model: 'text-embedding-3-small', call: 'embeddings.create' }, suggestions: [deploymentEnv(WRAPPED, 'text-embedding-3-small', 'TEXT_EMBEDDING_3_SMALL')] },
      ],
    },
  ],
});
