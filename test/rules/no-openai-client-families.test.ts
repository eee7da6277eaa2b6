/** no-openai-client on the LangChain and Agents SDK family entries (the same ones their transforms read). */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-openai-client.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();
const setDefault = 'setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/ })) in this module';
const AI_SDK_AZURE = "an Azure model (createAzure from @ai-sdk/azure, model: azure('<deployment>'))";
const LANGCHAIN_AZURE = "'azure_openai:<deployment>' (an AzureChatOpenAI reading the AZURE_OPENAI_API_* settings)";

ruleTester.run('no-openai-client (LangChain, Agents SDK)', testable(rule), {
  valid: [
    // LangChain pointed at other vendors, or set up from options the linter cannot see.
    "import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI({ model: 'llama3', configuration: { baseURL: 'http://localhost:11434/v1' } });",
    "import { ChatOpenAI } from '@langchain/openai';\nexport const make = (configuration: object) => new ChatOpenAI({ configuration });",
    // Its base URL written after the options were made, below `configuration` (as the migrate transform reads it).
    "import { ChatOpenAI } from '@langchain/openai';\nexport function make(url: string) {\n  const fields = { model: 'local', configuration: {} as { baseURL?: string } };\n  fields.configuration!.baseURL = url;\n  return new ChatOpenAI(fields);\n}",
    // The re-exported openai SDK client given another vendor's base URL (its options are the SDK's, not `configuration`).
    "import { OpenAIClient } from '@langchain/openai';\nconst groq = new OpenAIClient({ baseURL: 'https://api.groq.com/openai/v1' });",
    // The LangChain Azure LLM, not openai's AzureOpenAI client.
    "import { AzureOpenAI } from '@langchain/openai';\nconst llm = new AzureOpenAI({ azureOpenAIApiCompletionsDeploymentName: 'instruct' });",
    // A legacy-entrypoint class already given its Azure fields.
    "import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst llm = new ChatOpenAI({ azureOpenAIApiKey: key, azureOpenAIApiInstanceName: 'res', azureOpenAIApiDeploymentName: 'chat', azureOpenAIApiVersion: '2024-10-21' });",
    // A module that hands the SDK its client (or a provider) runs its agents there.
    "import OpenAI from 'openai';\nimport { Agent, setDefaultOpenAIClient } from '@openai/agents';\nsetDefaultOpenAIClient(new OpenAI({ baseURL: `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/` }));\nconst a = new Agent({ name: 'a' });",
    "import { Agent, Runner, setDefaultModelProvider } from '@openai/agents';\nsetDefaultModelProvider(provider);\nconst a = new Agent({ name: 'a' });\nconst r = new Runner();",
    // OpenAIProvider without its own client options uses the default client; with openAIClient, the one given.
    "import { OpenAIProvider, setDefaultOpenAIClient } from '@openai/agents';\nsetDefaultOpenAIClient(client);\nconst p = new OpenAIProvider();",
    "import { OpenAIProvider } from '@openai/agents';\nconst p = new OpenAIProvider({ openAIClient: azureClient });",
    "import { OpenAIProvider } from '@openai/agents';\nconst p = new OpenAIProvider({ apiKey: key, baseURL: 'https://api.groq.com/openai/v1' });",
    // Agents given model objects (a local server's client, a variable holding a constructed model) do not use the default client.
    "import OpenAI from 'openai';\nimport { Agent, OpenAIChatCompletionsModel } from '@openai/agents';\nconst local = new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });\nconst a = new Agent({ name: 'a', model: new OpenAIChatCompletionsModel(local, 'llama3.2') });",
    "import { Agent, OpenAIChatCompletionsModel } from '@openai/agents';\nconst model = new OpenAIChatCompletionsModel(local, 'llama3.2');\nconst a = new Agent({ name: 'a', model });",
    // A realtime session the module connects to Azure by hand.
    "import { RealtimeSession } from '@openai/agents/realtime';\nconst s = new RealtimeSession(agent);\nawait s.connect({ apiKey, url: `wss://${host}.openai.azure.com/openai/v1/realtime?model=voice` });",
    // Types only.
    "import type { Agent } from '@openai/agents';\nexport const name = (a: Agent) => a.name;",
    // OpenRouter's ids look like routed ones, without an agent framework to resolve them; another provider's routed id.
    "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nconst settings = { model: 'openai/gpt-4o-mini' };",
    "import { Agent } from '@mastra/core/agent';\nexport const a = new Agent({ name: 'a', model: 'anthropic/claude-sonnet-4' });",
    // Routed ids are wrappers: off with them.
    {
      code: "import { Agent } from '@voltagent/core';\nexport const a = new Agent({ name: 'a', model: 'openai/gpt-4o-mini' });",
      options: [{ wrappers: false }],
    },
  ],
  invalid: [
    {
      // An agent framework's routed OpenAI ids (core MODEL_ROUTERS): the framework builds the OpenAI client itself.
      code: "import { Agent } from '@mastra/core/agent';\nimport { Memory } from '@mastra/memory';\nexport const m = new Memory({ embedder: 'openai/text-embedding-3-small' });\nexport const a = new Agent({ name: 'a', model: \"openai/gpt-4.1\" });",
      errors: [
        { messageId: 'routedModel', data: { framework: 'Mastra', id: 'openai/text-embedding-3-small', azure: AI_SDK_AZURE }, line: 3 },
        { messageId: 'routedModel', data: { framework: 'Mastra', id: 'openai/gpt-4.1', azure: AI_SDK_AZURE }, line: 4 },
      ],
    },
    {
      code: "import { Agent } from '@voltagent/core';\nexport const a = new Agent({ name: 'a', 'model': 'openai/gpt-4o-mini' });",
      errors: [{ messageId: 'routedModel', data: { framework: 'VoltAgent', id: 'openai/gpt-4o-mini', azure: AI_SDK_AZURE }, line: 2 }],
    },
    {
      // LangChain's provider ids: initChatModel's argument and an agent's model.
      code: "import { createAgent, initChatModel } from 'langchain';\nconst m = await initChatModel('openai:gpt-4o');\nexport const a = createAgent({ model: 'openai:gpt-4o-mini', tools: [] });\nexport const b = await initChatModel('anthropic:claude-sonnet-4');",
      errors: [
        { messageId: 'routedModel', data: { framework: 'LangChain', id: 'openai:gpt-4o', azure: LANGCHAIN_AZURE }, line: 2 },
        { messageId: 'routedModel', data: { framework: 'LangChain', id: 'openai:gpt-4o-mini', azure: LANGCHAIN_AZURE }, line: 3 },
      ],
    },
    {
      // The provider in initChatModel's option beside a bare model name; one picked at run time is not reported.
      code: "import { initChatModel } from 'langchain/chat_models/universal';\nconst m = await initChatModel('gpt-4o', { modelProvider: 'openai' });\nexport const b = await initChatModel('claude-sonnet-4', { modelProvider: 'anthropic' });\nexport const c = (p: string) => initChatModel('x', { modelProvider: p });",
      errors: [{ messageId: 'routedModel', data: { framework: 'LangChain', id: 'openai:gpt-4o', azure: LANGCHAIN_AZURE }, line: 2 }],
    },
    {
      // The openai SDK's client as @langchain/openai re-exports it, on OpenAI's endpoint.
      code: "import { OpenAIClient } from '@langchain/openai';\nconst client = new OpenAIClient({ apiKey: process.env.OPENAI_API_KEY });",
      errors: [{ messageId: 'wrapperClient', data: { name: 'OpenAIClient', module: '@langchain/openai', replacement: "openai's AzureOpenAI" }, line: 2 }],
    },
    {
      code: "import { Agent, run } from '@openai/agents';\nconst agent = new Agent({ name: 'a', model: 'gpt-4o' });\nawait run(agent, 'hi');",
      errors: [{ messageId: 'wrapperClient', data: { name: 'Agent', module: '@openai/agents', replacement: setDefault }, line: 2 }],
    },
    {
      code: "import { RealtimeSession } from '@openai/agents/realtime';\nconst session = new RealtimeSession(agent, { model: 'gpt-realtime' });\nawait session.connect({ apiKey });",
      errors: [{ messageId: 'wrapperClient', data: { name: 'RealtimeSession', module: '@openai/agents/realtime', replacement: "session.connect({ url: 'wss://<resource>.openai.azure.com/openai/v1/realtime?model=<deployment>', apiKey: <Azure key> })" }, line: 2 }],
    },
    {
      // A sandbox agent is an agent; a model a call fills is a model name.
      code: "import { SandboxAgent } from '@openai/agents/sandbox';\nconst model = getArg('--model');\nconst agent = new SandboxAgent({ name: 'box', model });",
      errors: [{ messageId: 'wrapperClient', data: { name: 'SandboxAgent', module: '@openai/agents/sandbox', replacement: setDefault }, line: 3 }],
    },
    {
      code: "const { Runner } = require('@openai/agents');\nconst runner = new Runner({ model: 'gpt-4.1' });",
      filename: 'runner.cjs',
      errors: [{ messageId: 'wrapperClient', data: { name: 'Runner', module: '@openai/agents', replacement: setDefault }, line: 2 }],
    },
    {
      code: "import * as agents from '@openai/agents';\nagents.setDefaultOpenAIKey(process.env.KEY!);\nconst p = new agents.OpenAIProvider({ apiKey: process.env.KEY });",
      errors: [
        { messageId: 'wrapperClient', data: { name: 'setDefaultOpenAIKey', module: '@openai/agents', replacement: 'setDefaultOpenAIClient(new OpenAI({ baseURL: <endpoint>/openai/v1/, apiKey }))' }, line: 2 },
        { messageId: 'wrapperClient', data: { name: 'OpenAIProvider', module: '@openai/agents', replacement: 'OpenAIProvider({ openAIClient }) with an OpenAI client on <endpoint>/openai/v1/' }, line: 3 },
      ],
    },
    {
      // LangChain's legacy entrypoints (langchain before 0.2) construct the same OpenAI-bound classes.
      code: "import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst llm = new ChatOpenAI({ modelName: 'gpt-4' });",
      errors: [{ messageId: 'wrapperClient', data: { name: 'ChatOpenAI', module: 'langchain/chat_models/openai', replacement: 'AzureChatOpenAI' }, line: 2 }],
    },
    {
      code: "const { OpenAIEmbeddings } = require('langchain/embeddings/openai');\nconst embeddings = new OpenAIEmbeddings();",
      errors: [{ messageId: 'wrapperClient', data: { name: 'OpenAIEmbeddings', module: 'langchain/embeddings/openai', replacement: 'AzureOpenAIEmbeddings' }, line: 2 }],
    },
    {
      code: "import { ChatOpenAI as Chat } from '@langchain/openai';\nconst llm = new Chat({ model: 'gpt-4o', configuration: { baseURL: 'https://api.openai.com/v1', organization: 'org' } });",
      errors: [{ messageId: 'wrapperClient', data: { name: 'ChatOpenAI', module: '@langchain/openai', replacement: 'AzureChatOpenAI' }, line: 2 }],
    },
  ],
});
