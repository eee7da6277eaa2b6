import { describe, expect, it } from 'vitest';
import { mayInvolveOpenAI } from '../../src/core/index.js';

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
