import { describe, expect, it } from 'vitest';
import { isMigrationCandidate, mayInvolveOpenAI, MIGRATED_PACKAGES, setsOpenAIEnv } from '../../src/core/index.js';

describe('pre-filter', () => {
  it.each([
    'import OpenAI from "openai";',
    "const { AzureOpenAI } = require('openai')",
    'process.env.OPENAI_API_KEY',
    'fetch("https://api.openai.com/v1/chat/completions")',
    'const key = "sk-proj-abc123";',
    'await ai.chat.completions.create({})',
    'await ai.embeddings.create({ input })',
    'client.responses.create({ input })',
    'client.moderations.create({ input })',
    'const MODEL = "gpt-4o-mini";',
    'const m = "text-embedding-3-small";',
    "const m = 'dall-e-3';",
    "const m = 'whisper-1';",
    "const m = 'tts-1-hd';",
    "model: 'o3-mini'",
    'model: `o1`',
    "client.images.generate({ prompt })",
  ])('keeps %s', (text) => expect(mayInvolveOpenAI(text)).toBe(true));

  it.each([
    'export const add = (a: number, b: number) => a + b;',
    'const task-runner = 1; const disk-usage = 2;',
    'const o1 = 1; const o3 = o1 + 1;',
    'import React from "react";',
    'export default function Page() { return <div className="mask-image" />; }',
  ])('skips %s', (text) => expect(mayInvolveOpenAI(text)).toBe(false));
});

describe('migrate candidates', () => {
  it.each([
    'import OpenAI from "openai";',
    "import type { ChatCompletion } from 'openai/resources';",
    "const { AzureOpenAI } = require('openai')",
    'const { OpenAI } = await import("openai");',
    "import { createOpenAI } from '@ai-sdk/openai';",
    "import { ChatOpenAI } from '@langchain/openai';",
    "import { Agent } from '@openai/agents';",
    "import { OpenAIClient } from '@azure/openai';",
    "import { Configuration, OpenAIApi } from 'openai-edge';",
    "vi.mock('openai');",
    'const key = process.env.OPENAI_API_KEY;',
    'fetch("https://api.openai.com/v1/chat/completions")',
    // Deno and CDN specifiers of the same packages.
    "import OpenAI from 'npm:openai@^4.52.0';",
    "import OpenAI from 'jsr:@openai/openai';",
    "import OpenAI from 'https://deno.land/x/openai@v4.24.0/mod.ts';",
    "import { openai } from 'npm:@ai-sdk/openai@1';",
    // Frameworks' own OpenAI classes (OPENAI_WRAPPERS): marked, not rewritten.
    "import { OpenAI } from '@llamaindex/openai';",
    "const { OpenAI } = require('llamaindex');",
    "import { openAI } from '@genkit-ai/compat-oai/openai';",
    "import openAI from 'genkitx-openai';",
    // AI Gateway ids of OpenAI's models handed to the AI SDK, which no provider package is needed for.
    "import { generateText } from 'ai';\nawait generateText({ model: 'openai/gpt-4o', prompt });",
    'import { gateway } from "@ai-sdk/gateway"\nconst model = gateway.languageModel("openai/gpt-4.1-mini")',
  ])('parses %s', (text) => expect(isMigrationCandidate(text)).toBe(true));

  it.each([
    // Prose only: a provider id, a comment, a docs link, a model name without any client.
    "export const providers = ['openai', 'anthropic'];",
    '// works with OpenAI-compatible servers',
    'const docs = "https://platform.openai.com/docs/models";',
    'const MODEL = "gpt-4o-mini";',
    'const v = process.env.OPENAI_API_VERSION;',
    'const url = process.env.OPENAI_COMPATIBLE_BASE_URL;',
    "import { createOpenAICompatible } from '@ai-sdk/openai-compatible';",
    "import { AzureOpenAI } from 'some-openai-wrapper';",
    "import { AzureOpenAI } from 'npm:some-openai-wrapper@1';",
    // A framework's package named in a list, not imported.
    "export const packages = { openai: ['@llamaindex/openai', 'llamaindex'] };",
    // A Gateway id without the AI SDK, or the AI SDK with another vendor's ids only.
    "export const MODELS = ['openai/gpt-4o', 'anthropic/claude-sonnet-4'];",
    "import { generateText } from 'ai';\nawait generateText({ model: 'anthropic/claude-sonnet-4', prompt: 'openai' });",
  ])('only scans %s', (text) => expect(isMigrationCandidate(text)).toBe(false));

  it('reads the package list from the family tables', () => {
    expect(MIGRATED_PACKAGES).toEqual(expect.arrayContaining(['openai', 'openai-edge', '@azure/openai', '@ai-sdk/openai', '@langchain/openai', '@openai/agents']));
  });
});

describe('setsOpenAIEnv (config files)', () => {
  it.each([
    'OPENAI_API_KEY=',
    '  - OPENAI_BASE_URL=${OPENAI_BASE_URL}',
    'key: ${{ secrets.OPENAI_ORG_ID }}',
    'AZURE_OPENAI_ENDPOINT: https://x.openai.azure.com',
    'export OPENAI_API_VERSION=2024-10-21',
    'OPENAI_SOME_NEW_SETTING: x',
  ])('parses %s', (text) => expect(setsOpenAIEnv(text)).toBe(true));

  it.each([
    'description: Calls the OPENAI API',
    'title: OPENAI-Beta header',
    'OPENAI_COMPATIBLE_API_KEY: x',
    'MY_OPENAI_KEY=1',
    'openai_api_key: lower-case is no env name',
  ])('only scans %s', (text) => expect(setsOpenAIEnv(text)).toBe(false));
});
