import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-openai-env.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();

ruleTester.run('no-openai-env', testable(rule), {
  valid: [
    'const v = process.env.OPENAI_API_VERSION;',
    "const v = process.env['OPENAI_API_VERSION'];",
    'const { OPENAI_API_VERSION } = process.env;',
    'const k = process.env.AZURE_OPENAI_API_KEY;',
    // Another service's setting: the base URL variable falls back to its URL (migrate leaves these too).
    "const local = process.env.OPENAI_BASE_URL ?? 'http://localhost:11434/v1';",
    "const router = (process.env.OPENAI_API_BASE as string) || 'https://openrouter.ai/api/v1';",
    // ... and the OpenAI variables read beside it in that function (its key, destructured too, in a callback too).
    "export function settings() {\n  const base = process.env.OPENAI_BASE_URL ?? 'https://api.groq.com/openai/v1';\n  const key = process.env.OPENAI_API_KEY ?? '';\n  const { OPENAI_MODEL } = process.env;\n  return { base, key, OPENAI_MODEL, check: () => !!process.env.OPENAI_API_KEY };\n}",
    'const d = process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? "gpt-4o";',
    // Writes are setup, not reads.
    "process.env.OPENAI_API_KEY = 'test';",
    'delete process.env.OPENAI_API_KEY;',
    // Not the environment.
    'const k = config.OPENAI_API_KEY;',
    'const process = { env: { OPENAI_API_KEY: 1 } };\nconst k = process.env.OPENAI_API_KEY;',
    "const name = 'OPENAI_API_KEY';",
    // Settings of an arbitrary OpenAI-compatible provider (Ollama, vLLM), not OpenAI's.
    'const url = process.env.OPENAI_COMPATIBLE_BASE_URL;',
    'const { OPENAI_COMPATIBLE_API_KEY, OPENAI_LIKE_MODEL } = process.env;',
    // The Agents SDK's own switches keep their meaning on Azure.
    "const quiet = process.env.OPENAI_AGENTS_DONT_LOG_MODEL_DATA === '1' || !!process.env.OPENAI_AGENTS_DISABLE_TRACING;",
    { code: 'const f = process.env.OPENAI_FEATURE_FLAG;', options: [{ allow: ['OPENAI_FEATURE_FLAG'] }] },
    // Deno's and Bun's environments: Azure names are fine; locals named like the globals are not the environment.
    "const k = Deno.env.get('AZURE_OPENAI_API_KEY');",
    'const d = Bun.env.AZURE_OPENAI_DEPLOYMENT;',
    "function f(Deno: { env: { get(n: string): string } }) { return Deno.env.get('OPENAI_API_KEY'); }",
    'const Bun = { env: { OPENAI_MODEL: 1 } };\nconst m = Bun.env.OPENAI_MODEL;',
    // An `env` from a module other than Node's process module is not the environment.
    "import { env } from './settings';\nconst k = env.OPENAI_API_KEY;",
    "import type { env } from 'node:process';\ntype K = typeof env.OPENAI_API_KEY;",
    // The options of a client that serves another vendor (a local server's base URL, another vendor's key): migrate
    // leaves that client and its settings, so the rule does too.
    "import OpenAI from 'openai';\nconst local = new OpenAI({ baseURL: 'http://localhost:1234/v1', apiKey: process.env.OPENAI_API_KEY ?? 'lm-studio' });",
    "import OpenAI from 'openai';\nconst groq = new OpenAI({ apiKey: process.env.GROQ_API_KEY, baseURL: process.env.OPENAI_BASE_URL });",
    "import OpenAI from 'openai';\nexport const router = (config: Record<string, string>) => new OpenAI({ apiKey: config.HF_TOKEN, baseURL: process.env.OPENAI_BASE_URL });",
    "import OpenAI from 'openai';\nexport const groq = (groqApiKey: string) => new OpenAI({ apiKey: groqApiKey, baseURL: process.env.OPENAI_BASE_URL });",
    "import { createOpenAI } from '@ai-sdk/openai';\nconst ollama = createOpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: process.env.OPENAI_API_KEY });",
  ],
  invalid: [
    {
      // A client on OpenAI's own URL is OpenAI's: its key read is reported.
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY });",
      errors: [
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_API_KEY', replacement: 'AZURE_OPENAI_API_KEY' },
          suggestions: [
            {
              messageId: 'useAzureEnv',
              data: { replacement: 'AZURE_OPENAI_API_KEY' },
              output: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.AZURE_OPENAI_API_KEY });",
            },
          ],
        },
      ],
    },
    {
      code: "const key = Deno.env.get('OPENAI_API_KEY');",
      errors: [
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_API_KEY', replacement: 'AZURE_OPENAI_API_KEY' },
          suggestions: [{ messageId: 'useAzureEnv', data: { replacement: 'AZURE_OPENAI_API_KEY' }, output: "const key = Deno.env.get('AZURE_OPENAI_API_KEY');" }],
        },
      ],
    },
    {
      code: 'const model = Bun.env.OPENAI_MODEL;',
      errors: [
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_MODEL', replacement: 'AZURE_OPENAI_DEPLOYMENT' },
          suggestions: [{ messageId: 'useAzureEnv', data: { replacement: 'AZURE_OPENAI_DEPLOYMENT' }, output: 'const model = Bun.env.AZURE_OPENAI_DEPLOYMENT;' }],
        },
      ],
    },
    {
      code: 'const key = process.env.OPENAI_API_KEY;',
      errors: [
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_API_KEY', replacement: 'AZURE_OPENAI_API_KEY' },
          line: 1,
          column: 13,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useAzureEnv',
              data: { replacement: 'AZURE_OPENAI_API_KEY' },
              output: 'const key = process.env.AZURE_OPENAI_API_KEY;',
            },
          ],
        },
      ],
    },
    {
      code: "const key = process.env['OPENAI_BASE_URL'];",
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: "const key = process.env['AZURE_OPENAI_ENDPOINT'];" }],
        },
      ],
    },
    {
      // Deno's whole environment at once.
      code: 'const { OPENAI_API_KEY } = Deno.env.toObject();',
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: 'const { AZURE_OPENAI_API_KEY: OPENAI_API_KEY } = Deno.env.toObject();' }],
        },
      ],
    },
    {
      // A key read in another function than the base URL that falls back elsewhere is OpenAI's.
      code: "export function local() {\n  return process.env.OPENAI_BASE_URL ?? 'http://localhost:11434/v1';\n}\nexport const key = () => process.env.OPENAI_API_KEY;",
      errors: [{ messageId: 'replaceable', data: { name: 'OPENAI_API_KEY', replacement: 'AZURE_OPENAI_API_KEY' }, line: 4, suggestions: [{ messageId: 'useAzureEnv', output: "export function local() {\n  return process.env.OPENAI_BASE_URL ?? 'http://localhost:11434/v1';\n}\nexport const key = () => process.env.AZURE_OPENAI_API_KEY;" }] }],
    },
    {
      // Its fallback is OpenAI's own URL: still OpenAI's setting.
      code: "const base = process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';",
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: "const base = process.env.AZURE_OPENAI_ENDPOINT ?? 'https://api.openai.com/v1';" }],
        },
      ],
    },
    {
      code: 'const org = process.env.OPENAI_ORG_ID;',
      errors: [{ messageId: 'obsolete', data: { name: 'OPENAI_ORG_ID' } }],
    },
    {
      code: 'const x = process.env.OPENAI_WEBHOOK_SECRET;',
      errors: [{ messageId: 'openaiEnv', data: { name: 'OPENAI_WEBHOOK_SECRET' } }],
    },
    {
      // The process taken apart down to its env: the same read.
      code: 'const { env: { OPENAI_MODEL } } = process;',
      errors: [
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_MODEL', replacement: 'AZURE_OPENAI_DEPLOYMENT' },
          suggestions: [{ messageId: 'useAzureEnv', output: 'const { env: { AZURE_OPENAI_DEPLOYMENT: OPENAI_MODEL } } = process;' }],
        },
      ],
    },
    {
      // One report per destructured read.
      code: 'const { OPENAI_API_KEY, OPENAI_MODEL: model, AZURE_OPENAI_ENDPOINT } = process.env;',
      errors: [
        {
          messageId: 'replaceable',
          column: 9,
          suggestions: [
            {
              messageId: 'useAzureEnv',
              output: 'const { AZURE_OPENAI_API_KEY: OPENAI_API_KEY, OPENAI_MODEL: model, AZURE_OPENAI_ENDPOINT } = process.env;',
            },
          ],
        },
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_MODEL', replacement: 'AZURE_OPENAI_DEPLOYMENT' },
          column: 25,
          suggestions: [
            {
              messageId: 'useAzureEnv',
              output: 'const { OPENAI_API_KEY, AZURE_OPENAI_DEPLOYMENT: model, AZURE_OPENAI_ENDPOINT } = process.env;',
            },
          ],
        },
      ],
    },
    {
      code: "const { OPENAI_API_KEY = 'dev' } = process.env;",
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: "const { AZURE_OPENAI_API_KEY: OPENAI_API_KEY = 'dev' } = process.env;" }],
        },
      ],
    },
    {
      code: 'const env = process.env;\nconst key = env.OPENAI_API_KEY;',
      errors: [
        {
          messageId: 'replaceable',
          line: 2,
          suggestions: [{ messageId: 'useAzureEnv', output: 'const env = process.env;\nconst key = env.AZURE_OPENAI_API_KEY;' }],
        },
      ],
    },
    {
      code: 'const { env } = process;\nconst org = env.OPENAI_ORGANIZATION;',
      errors: [{ messageId: 'obsolete', line: 2 }],
    },
    // Node's process module imported instead of the global: the same environment.
    {
      code: "import process from 'node:process';\nconst key = process.env.OPENAI_API_KEY;",
      errors: [
        {
          messageId: 'replaceable',
          line: 2,
          suggestions: [{ messageId: 'useAzureEnv', output: "import process from 'node:process';\nconst key = process.env.AZURE_OPENAI_API_KEY;" }],
        },
      ],
    },
    {
      code: "import { env } from 'process';\nconst model = env.OPENAI_MODEL;",
      errors: [
        {
          messageId: 'replaceable',
          line: 2,
          suggestions: [{ messageId: 'useAzureEnv', output: "import { env } from 'process';\nconst model = env.AZURE_OPENAI_DEPLOYMENT;" }],
        },
      ],
    },
    {
      code: "const { env } = require('node:process');\nconst org = env.OPENAI_ORGANIZATION;",
      filename: 'config.cjs',
      errors: [{ messageId: 'obsolete', line: 2 }],
    },
    {
      code: "import * as proc from 'node:process';\nconst { env } = proc;\nconst org = env.OPENAI_ORGANIZATION;",
      errors: [{ messageId: 'obsolete', line: 3 }],
    },
    {
      code: 'const key = import.meta.env.OPENAI_API_KEY;',
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: 'const key = import.meta.env.AZURE_OPENAI_API_KEY;' }],
        },
      ],
    },
    {
      code: "const NAME = 'OPENAI_API_KEY';\nconst key = process.env[NAME];",
      errors: [{ messageId: 'replaceable', line: 2, suggestions: [] }],
    },
    {
      code: 'const h = { Authorization: `Bearer ${process.env.OPENAI_API_KEY!}` };',
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: 'const h = { Authorization: `Bearer ${process.env.AZURE_OPENAI_API_KEY!}` };' }],
        },
      ],
    },
    {
      code: 'module.exports = { key: process.env.OPENAI_KEY };',
      filename: 'config.cjs',
      errors: [{ messageId: 'replaceable', suggestions: [{ messageId: 'useAzureEnv', output: 'module.exports = { key: process.env.AZURE_OPENAI_API_KEY };' }] }],
    },
    // Handed to a library the codemod does not migrate: it still talks to OpenAI, so no rename is suggested, and the
    // same name is that library's in the whole file (the guard checks what it reads).
    {
      code: [
        "import { OpenAI } from 'llamaindex';",
        'if (!process.env.OPENAI_API_KEY) throw new Error();',
        'export const llm = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
      ].join('\n'),
      errors: [
        { messageId: 'unmigratedConsumer', data: { name: 'OPENAI_API_KEY', package: 'llamaindex' }, line: 2, suggestions: [] },
        { messageId: 'unmigratedConsumer', line: 3, suggestions: [] },
      ],
    },
    {
      code: [
        "const { createOpenAICompatible } = require('@ai-sdk/openai-compatible');",
        'const { OPENAI_API_KEY } = process.env;',
        "exports.p = createOpenAICompatible({ name: 'x', apiKey: OPENAI_API_KEY });",
      ].join('\n'),
      filename: 'provider.cjs',
      errors: [{ messageId: 'unmigratedConsumer', data: { name: 'OPENAI_API_KEY', package: '@ai-sdk/openai-compatible' }, suggestions: [] }],
    },
    // Set in the environment of a process a library starts (Playwright's dev server, execa): that process reads it,
    // not the library, so it is an ordinary read with its rename suggested.
    {
      code: "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ webServer: { env: { OPENAI_API_KEY: process.env.OPENAI_API_KEY ?? '' } } });",
      errors: [
        {
          messageId: 'replaceable',
          suggestions: [{ messageId: 'useAzureEnv', output: "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ webServer: { env: { OPENAI_API_KEY: process.env.AZURE_OPENAI_API_KEY ?? '' } } });" }],
        },
      ],
    },
    {
      code: "import { execa } from 'execa';\nawait execa('node', ['a.js'], { env: { ...process.env, OPENAI_BASE_URL: process.env.OPENAI_BASE_URL } });",
      errors: [
        {
          messageId: 'replaceable',
          data: { name: 'OPENAI_BASE_URL', replacement: 'AZURE_OPENAI_ENDPOINT' },
          suggestions: [{ messageId: 'useAzureEnv', output: "import { execa } from 'execa';\nawait execa('node', ['a.js'], { env: { ...process.env, OPENAI_BASE_URL: process.env.AZURE_OPENAI_ENDPOINT } });" }],
        },
      ],
    },
    // A value handed bare to a library call is data, not a client setting; a relative module may be the app's own client.
    {
      code: "import { expect } from 'vitest';\nimport { make } from './client';\nexpect(process.env.OPENAI_API_KEY).toBeTruthy();\nmake({ key: process.env.OPENAI_API_KEY });",
      errors: [
        { messageId: 'replaceable', line: 3, suggestions: [{ messageId: 'useAzureEnv', output: "import { expect } from 'vitest';\nimport { make } from './client';\nexpect(process.env.AZURE_OPENAI_API_KEY).toBeTruthy();\nmake({ key: process.env.OPENAI_API_KEY });" }] },
        { messageId: 'replaceable', line: 4, suggestions: [{ messageId: 'useAzureEnv', output: "import { expect } from 'vitest';\nimport { make } from './client';\nexpect(process.env.OPENAI_API_KEY).toBeTruthy();\nmake({ key: process.env.AZURE_OPENAI_API_KEY });" }] },
      ],
    },
  ],
});
