import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-openai-client.js';
import { OPENAI_WRAPPERS } from '../../src/core/index.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();
const err = (extra: Record<string, unknown> = {}) => ({ messageId: 'openaiClient' as const, ...extra });
/** What the core says to use on Azure instead of a framework's OpenAI export. */
const wrapperUse = (pkg: string, name: string): string => OPENAI_WRAPPERS.find((w) => w.pkg === pkg)!.exports[name]!;

ruleTester.run('no-openai-client', testable(rule), {
  valid: [
    "import { Anthropic } from '@llamaindex/anthropic';\nimport { ALL_OPENAI_EMBEDDING_MODELS } from '@llamaindex/openai';\nconst llm = new Anthropic({ model: 'claude-3-5-sonnet' });\nconst names = Object.keys(ALL_OPENAI_EMBEDDING_MODELS);",
    // Legacy LlamaIndex classes given their `azure` option (in the literal, a constant, or written into it later).
    "import { OpenAI, OpenAIEmbedding } from 'llamaindex';\nconst llm = new OpenAI({ model: 'gpt-4o', azure: { deploymentName: 'chat' } });\nconst options = { model: 'text-embedding-3-small', azure: azureSettings };\nconst embed = new OpenAIEmbedding(options);",
    "import { OpenAI } from 'llamaindex';\nconst options = { model: 'gpt-4o' };\nif (useAzure) options.azure = azureSettings;\nconst llm = new OpenAI(options);",
    // Set up for Azure by hand (an api-version query), whatever its base URL falls back to: the codemod leaves it too.
    "import OpenAI from 'openai';\nexport const make = (base?: string) => new OpenAI({ baseURL: base ?? 'https://api.openai.com/v1', defaultQuery: { 'api-version': '2024-05-01-preview' } });",
    // Migrated: the classic client, and OpenAI on an Azure v1 base URL.
    "import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ apiVersion: '2024-10-21' });",
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: `${process.env.AZURE_OPENAI_ENDPOINT!.replace(/\\/+$/, '')}/openai/v1/`, apiKey: process.env.AZURE_OPENAI_API_KEY });",
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://res.openai.azure.com/openai/v1/' });",
    "import OpenAI from 'openai';\nconst endpoint = process.env.AZURE_OPENAI_ENDPOINT;\nconst c = new OpenAI({ baseURL: `${endpoint}/openai/v1` });",
    // Already Azure by hand (deployment path).
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: `https://res.openai.azure.com/openai/deployments/${id}` });",
    // Other vendors behind the openai SDK are not OpenAI.
    "import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });",
    "import OpenAI from 'openai';\nconst local = new OpenAI({ baseURL: 'http://localhost:11434/v1' });",
    "import OpenAI from 'openai';\nconst local = new OpenAI({ baseURL: dev ? 'http://localhost:11434/v1' : 'https://api.groq.com/openai/v1' });",
    // A base URL the linter cannot evaluate is assumed to be deliberate.
    "import OpenAI from 'openai';\nexport function make(cfg: { baseURL: string }) { return new OpenAI({ baseURL: cfg.baseURL }); }",
    // Options that may carry baseURL.
    "import OpenAI from 'openai';\nconst c = new OpenAI({ ...shared });",
    "import OpenAI from 'openai';\nconst opts: Record<string, string> = { apiKey: 'k' };\nif (cfg.baseURL) opts.baseURL = cfg.baseURL;\nconst c = new OpenAI(opts);",
    // Type-only uses, look-alikes and unrelated classes.
    "import OpenAI from 'openai';\nexport type Msg = OpenAI.Chat.Completions.ChatCompletionMessageParam;",
    "class OpenAI {}\nconst c = new OpenAI();",
    "import { OpenAI } from './my-openai';\nconst c = new OpenAI();",
    "import { OpenAIClient, AzureKeyCredential } from '@azure/openai';\nconst c = new OpenAIClient(endpoint, new AzureKeyCredential(key));",
    // Wrappers with Azure options.
    "import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI({ model: 'gpt-4o', configuration: { baseURL: 'https://res.openai.azure.com/openai/v1/' } });",
    "import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI({ azureOpenAIApiKey: key, azureOpenAIApiDeploymentName: 'chat' });",
    "import { AzureChatOpenAI } from '@langchain/openai';\nconst llm = new AzureChatOpenAI({ model: 'gpt-4o' });",
    "import { createOpenAI } from '@ai-sdk/openai';\nconst p = createOpenAI({ baseURL: 'https://api.together.xyz/v1' });",
    "import { azure } from '@ai-sdk/azure';\nconst m = azure('chat');",
    { code: "import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI();", options: [{ wrappers: false }] },
    // Deno and CDN specifiers of the SDK, migrated.
    "import { AzureOpenAI } from 'npm:openai@^4.52.0';\nconst c = new AzureOpenAI({ apiVersion: '2024-10-21' });",
    // Another vendor's key: that vendor's client, wherever the base URL comes from.
    "import OpenAI from 'openai';\nconst groq = new OpenAI({ apiKey: process.env.GROQ_API_KEY });",
    // Read off a settings object rather than the environment, another vendor's name says the same.
    "import OpenAI from 'openai';\nexport const router = (config: Record<string, string>) => new OpenAI({ apiKey: config.OPENAI_API_KEY || config.HF_TOKEN || 'sk-' });",
    "import OpenAI from 'openai';\nexport const groq = (env: Record<string, string>) => new OpenAI({ apiKey: env['GROQ_API_KEY'] });",
    // A key the code named after another vendor (its variable, a constant holding it, a member): the same, as migrate has it.
    "import OpenAI from 'openai';\nexport const groq = (groqApiKey: string) => new OpenAI({ apiKey: groqApiKey });",
    "import OpenAI from 'openai';\nexport function router(keys: { openRouterKey?: string }) {\n  const key = keys.openRouterKey;\n  return new OpenAI({ apiKey: key ?? '' });\n}",
    "import { ChatOpenAI } from '@langchain/openai';\nexport const chat = (sambanovaApiKey: string) => new ChatOpenAI({ model: 'Meta-Llama-3.1-8B-Instruct', openAIApiKey: sambanovaApiKey });",
    "import { createOpenAI } from '@ai-sdk/openai';\nexport const provider = (settings: { xAIApiKey: string }) => createOpenAI({ apiKey: settings.xAIApiKey });",
    // Handed to another cloud's API (openai/providers/*).
    "import OpenAI from 'openai';\nimport { bedrock } from 'openai/providers/bedrock/aws';\nconst client = new OpenAI({ provider: bedrock({ region: 'eu-west-1' }) });",
    "import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI({ model: 'llama', apiKey: process.env.TOGETHER_API_KEY });",
    "import { createOpenAI } from '@ai-sdk/openai';\nconst p = createOpenAI({ apiKey: process.env.DEEPSEEK_API_KEY });",
    // A package that only ends like one is not it.
    "import OpenAI from 'npm:my-openai@1';\nconst c = new OpenAI();",
    // A test file that replaces the SDK with a factory's stand-in constructs the mock (migrate leaves it too).
    "import OpenAI from 'openai';\nimport { vi } from 'vitest';\nconst create = vi.fn();\nvi.mock('openai', () => ({ default: vi.fn(() => ({ chat: { completions: { create } } })) }));\nconst client = new OpenAI();",
    "import OpenAI from 'openai';\nconst client = new OpenAI();\njest.mock('openai', () => jest.fn());",
  ],
  invalid: [
    {
      // A key named for no vendor, or with a vendor's name inside another word (`hf` in `shelfKey`): OpenAI's client.
      code: "import OpenAI from 'openai';\nexport const make = (openaiApiKey: string, shelfKey: string) => [new OpenAI({ apiKey: openaiApiKey }), new OpenAI({ apiKey: shelfKey })];",
      errors: [
        err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nexport const make = (openaiApiKey: string, shelfKey: string) => [new AzureOpenAI({ apiKey: openaiApiKey }), new OpenAI({ apiKey: shelfKey })];" }] }),
        err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nexport const make = (openaiApiKey: string, shelfKey: string) => [new OpenAI({ apiKey: openaiApiKey }), new AzureOpenAI({ apiKey: shelfKey })];" }] }),
      ],
    },
    {
      // A choice between another server and none: OpenAI on that branch, as the codemod's marker says.
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: dev ? 'http://localhost:11434/v1' : undefined });",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ baseURL: dev ? 'http://localhost:11434/v1' : undefined });" }] })],
    },
    {
      // Options handed in (a parameter): none seen to set `azure`, so the class talks to OpenAI, as the codemod's marker says.
      code: "import { OpenAI } from 'llamaindex';\nexport const make = (settings: { model: string }) => new OpenAI(settings);",
      errors: [{ messageId: 'wrapperClient' }],
    },
    {
      // A call on an object named like an Object.prototype member is not a module mock (nor a crash).
      code: "import OpenAI from 'openai';\nconstructor.mock('openai', () => ({}));\nconst client = new OpenAI();",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nconstructor.mock('openai', () => ({}));\nconst client = new AzureOpenAI();" }] })],
    },
    {
      // Without a factory, Jest mocks every export automatically: the construction is the SDK's class, mocked.
      code: "import OpenAI from 'openai';\njest.mock('openai');\nconst client = new OpenAI();",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\njest.mock('openai');\nconst client = new AzureOpenAI();" }] })],
    },
    {
      // Deno (`npm:`), Deno's registry and CDN specifiers name the same SDK.
      code: "import OpenAI from 'npm:openai@^4.52.0';\nconst client = new OpenAI({ apiKey: Deno.env.get('OPENAI_API_KEY') });",
      errors: [
        err({
          suggestions: [
            {
              messageId: 'useAzureOpenAI',
              output: "import OpenAI, { AzureOpenAI } from 'npm:openai@^4.52.0';\nconst client = new AzureOpenAI({ apiKey: Deno.env.get('OPENAI_API_KEY') });",
            },
          ],
        }),
      ],
    },
    {
      // The package's index module named as a subpath is the SDK too.
      code: "import { OpenAI } from 'openai/index';\nconst client = new OpenAI();",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import { OpenAI, AzureOpenAI } from 'openai/index';\nconst client = new AzureOpenAI();" }] })],
    },
    {
      code: "import OpenAI from 'https://deno.land/x/openai@v4.69.0/mod.ts';\nconst client = new OpenAI();",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'https://deno.land/x/openai@v4.69.0/mod.ts';\nconst client = new AzureOpenAI();" }] })],
    },
    {
      code: "const { OpenAI } = require('https://esm.sh/openai@4.52.0');\nconst client = new OpenAI();",
      errors: [err()],
    },
    {
      code: "import OpenAI from 'openai';\nconst client = new OpenAI();",
      errors: [
        err({
          line: 2,
          column: 16,
          endColumn: 28,
          suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nconst client = new AzureOpenAI();" }],
        }),
      ],
    },
    {
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      errors: [
        err({
          suggestions: [
            {
              messageId: 'useAzureOpenAI',
              output:
                "import OpenAI, { AzureOpenAI } from 'openai';\nconst client = new AzureOpenAI({ apiKey: process.env.OPENAI_API_KEY });",
            },
          ],
        }),
      ],
    },
    {
      code: "import { OpenAI as OpenAIClient } from 'openai';\nconst c = new OpenAIClient();",
      errors: [
        err({
          suggestions: [
            { messageId: 'useAzureOpenAI', output: "import { OpenAI as OpenAIClient, AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI();" },
          ],
        }),
      ],
    },
    {
      code: "import * as oai from 'openai';\nconst c = new oai.OpenAI();",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import * as oai from 'openai';\nconst c = new oai.AzureOpenAI();" }] })],
    },
    {
      // Aliases that lie: v3 name kept for the v4 class.
      code: "const { OpenAI: OpenAIApi } = require('openai');\nconst c = new OpenAIApi({ apiKey });",
      errors: [err({ line: 2, suggestions: [] })],
    },
    {
      code: "class Bot {\n  constructor() {\n    const OpenAI = require('openai');\n    this.openai = new OpenAI();\n  }\n}",
      filename: 'bot.js',
      errors: [err({ line: 4, column: 19 })],
    },
    {
      code: "const c = new (require('openai').OpenAI)();",
      filename: 'x.cjs',
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "const c = new (require('openai').AzureOpenAI)();" }] })],
    },
    {
      code: "async function f() {\n  const { OpenAI } = await import('openai');\n  return new OpenAI();\n}",
      errors: [err({ line: 3 })],
    },
    {
      code: "async function f() {\n  const OpenAI = (await import('openai')).default;\n  return new OpenAI();\n}",
      errors: [err({ line: 3 })],
    },
    {
      code: "import('openai').then(({ OpenAI }) => new OpenAI());",
      errors: [err({ column: 39 })],
    },
    { code: "import OpenAI = require('openai');\nconst c = new OpenAI();", errors: [err({ line: 2 })] },
    {
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.openai.com/v1' });",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ baseURL: 'https://api.openai.com/v1' });" }] })],
    },
    {
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ baseURL: process.env.OPENAI_BASE_URL });" }] })],
    },
    {
      code: "import OpenAI from 'openai';\nconst opts = { apiKey: 'k', organization: 'org' };\nconst c = new OpenAI(opts);",
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nconst opts = { apiKey: 'k', organization: 'org' };\nconst c = new AzureOpenAI(opts);" }] })],
    },
    {
      code: "import OpenAI from 'openai';\nexport const App = () => { const c = new OpenAI({ dangerouslyAllowBrowser: true }); return <div>{String(c)}</div>; };",
      filename: 'app.tsx',
      errors: [err({ suggestions: [{ messageId: 'useAzureOpenAI', output: "import OpenAI, { AzureOpenAI } from 'openai';\nexport const App = () => { const c = new AzureOpenAI({ dangerouslyAllowBrowser: true }); return <div>{String(c)}</div>; };" }] })],
    },
    {
      code: "import { Configuration, OpenAIApi } from 'openai';\nconst api = new OpenAIApi(new Configuration({ apiKey }));",
      errors: [{ messageId: 'legacyClient', line: 2, column: 13 }],
    },
    {
      code: "import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';\nconst llm = new ChatOpenAI({ model: 'gpt-4o' });\nconst emb = new OpenAIEmbeddings();",
      errors: [
        { messageId: 'wrapperClient', data: { name: 'ChatOpenAI', module: '@langchain/openai', replacement: 'AzureChatOpenAI' }, line: 2 },
        { messageId: 'wrapperClient', data: { name: 'OpenAIEmbeddings', module: '@langchain/openai', replacement: 'AzureOpenAIEmbeddings' }, line: 3 },
      ],
    },
    {
      code: "import { openai, createOpenAI } from '@ai-sdk/openai';\nconst a = openai('gpt-4o');\nconst b = openai.embedding('text-embedding-3-small');\nconst p = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      errors: [
        { messageId: 'wrapperClient', data: { name: 'openai', module: '@ai-sdk/openai', replacement: 'azure (from @ai-sdk/azure)' }, line: 2 },
        { messageId: 'wrapperClient', data: { name: 'openai.embedding', module: '@ai-sdk/openai', replacement: 'azure (from @ai-sdk/azure)' }, line: 3 },
        { messageId: 'wrapperClient', data: { name: 'createOpenAI', module: '@ai-sdk/openai', replacement: 'createAzure (from @ai-sdk/azure)' }, line: 4 },
      ],
    },
    {
      // A framework's own OpenAI classes (core OPENAI_WRAPPERS), constructed or called; the migration marks them.
      code: "import { OpenAI, openai } from '@llamaindex/openai';\nimport openAIPlugin from 'genkitx-openai';\nconst llm = new OpenAI({ model: 'gpt-4o' });\nconst fast = openai({ model: 'gpt-4o-mini' });\nconst plugins = [openAIPlugin()];",
      errors: [
        { messageId: 'wrapperClient', data: { name: 'OpenAI', module: '@llamaindex/openai', replacement: wrapperUse('@llamaindex/openai', 'OpenAI') }, line: 3 },
        { messageId: 'wrapperClient', data: { name: 'openai', module: '@llamaindex/openai', replacement: wrapperUse('@llamaindex/openai', 'openai') }, line: 4 },
        { messageId: 'wrapperClient', data: { name: 'default', module: 'genkitx-openai', replacement: wrapperUse('genkitx-openai', 'default') }, line: 5 },
      ],
    },
    {
      // Inngest AgentKit's model helper, and a legacy LlamaIndex class given no `azure` option.
      code: "import { createAgent, openai } from '@inngest/agent-kit';\nimport { OpenAI } from 'llamaindex';\nconst agent = createAgent({ name: 'a', system: 's', model: openai({ model: 'gpt-4o' }) });\nconst llm = new OpenAI({ model: 'gpt-4o' });",
      errors: [
        { messageId: 'wrapperClient', data: { name: 'openai', module: '@inngest/agent-kit', replacement: wrapperUse('@inngest/agent-kit', 'openai') }, line: 3 },
        { messageId: 'wrapperClient', data: { name: 'OpenAI', module: 'llamaindex', replacement: wrapperUse('llamaindex', 'OpenAI') }, line: 4 },
      ],
    },
    {
      code: "const { OpenAIApi } = require('openai-edge');\nconst api = new OpenAIApi(config);",
      filename: 'edge.js',
      errors: [{ messageId: 'legacyClient', data: { name: 'OpenAIApi', module: 'openai-edge' }, line: 2 }],
    },
    {
      // @azure/openai beta's non-Azure mode talks to api.openai.com.
      code: "import { OpenAIClient, OpenAIKeyCredential } from '@azure/openai';\nconst c = new OpenAIClient(new OpenAIKeyCredential(key));",
      errors: [{ messageId: 'legacyClient', data: { name: 'OpenAIClient', module: '@azure/openai' }, line: 2 }],
    },
  ],
});
