// What a file's outcome tells the config files beyond its env list: the reads it keeps, the api-versions it needs.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/core/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';

const outcome = (source: string) => runTransforms(TRANSFORMS, { source, path: 'file.ts', options: DEFAULT_OPTIONS }).outcome;

describe('outcome facts for the config files', () => {
  it('lists the OpenAI variables still read after the run, not those renamed or dropped with a client option', () => {
    const source = `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, organization: process.env.OPENAI_ORG_ID });
export const org = process.env.OPENAI_ORG_ID;
const { OPENAI_PROJECT_ID } = process.env;
export const model = process.env.OPENAI_MODEL;
export { client, OPENAI_PROJECT_ID };
`;
    const result = outcome(source);
    expect(result.staleEnv).toEqual(['OPENAI_ORG_ID', 'OPENAI_PROJECT_ID']);
    expect(result.env).not.toContain('OPENAI_ORG_ID');
  });

  it('lists the OpenAI variables read through a getter, which no transform renames, not members of another object', () => {
    // `env` may be a validated env module (t3-env) whose own reads of process.env are renamed: its keys stay.
    const source = `import { env, getEnv } from './config';
export const token = () => env.OPENAI_API_KEY;
export const org = getEnv('OPENAI_ORG_ID');
`;
    expect(outcome(source).staleEnv).toEqual(['OPENAI_ORG_ID']);
    // Reads of the environment itself are renamed: none stays.
    expect(outcome('export const key = process.env.OPENAI_API_KEY;\n').staleEnv).toBeUndefined();
  });

  it('records the api-version each variable falls back to: the preview where a call needs it, per variable', () => {
    const responses = `import OpenAI from 'openai';
const client = new OpenAI();
export const r = client.responses.create({ model: 'gpt-4o', input: 'hi' });
`;
    expect(outcome(responses).apiVersions).toEqual({ OPENAI_API_VERSION: '2025-04-01-preview' });
    const chain = `import { ChatOpenAI } from '@langchain/openai';
export const llm = new ChatOpenAI({ model: 'gpt-4o' });
`;
    expect(outcome(chain).apiVersions).toEqual({ AZURE_OPENAI_API_VERSION: '2024-10-21' });
    const v1 = runTransforms(TRANSFORMS, { source: responses, path: 'file.ts', options: { ...DEFAULT_OPTIONS, target: 'v1' } });
    expect(v1.outcome.apiVersions).toBeUndefined();
  });
});
