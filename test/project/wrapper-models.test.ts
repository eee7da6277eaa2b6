/**
 * Across files for the wrapper families: a LangChain model module and an agent module take their model names from a
 * shared config module. The index hands each the model name (`modelValues`), and their transforms derive the
 * deployment reference from it; the config constant keeps the model name (LangChain still needs it as `model`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MigrationOptions } from '../../src/core/index.js';
import { buildProjectIndex } from '../../src/project/index.js';
import { TRANSFORMS } from '../../transforms/index.js';
import { runTransforms } from '../../transforms/lib/run.js';
import { fixture, migratedWithIndex, relativeFacts, sourceFiles } from './helpers.js';

const dir = fixture('wrapper-models');

const migrated = (file: string, options: Partial<MigrationOptions> = {}) => migratedWithIndex(dir, file, options);

describe('wrapper model constants across files', () => {
  it('hands each wrapper module the model name of the constant it imports, and rewrites no constant', async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir) });
    const rel = relativeFacts(dir, facts);
    expect(rel['lib/llm.ts']?.modelValues).toEqual({ CHAT_MODEL: 'gpt-4o' });
    expect(rel['agents/triage.ts']?.modelValues).toEqual({ AGENT_MODEL: 'gpt-4.1-mini' });
    expect(rel['config.ts']?.rewriteConstants ?? []).toEqual([]);
  });

  it('LangChain (classic): the deployment field reads the deployment of the imported model; model stays', async () => {
    const result = await migrated('lib/llm.ts');
    expect(result.output).toContain("model: CHAT_MODEL,\n  azureOpenAIApiDeploymentName: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? 'gpt-4o',");
    expect(result.output.match(/AZURE_OPENAI_DEPLOYMENT_GPT_4O/g)).toHaveLength(2);
    expect(result.outcome.todos).toEqual([]);
  });

  it('LangChain (v1) and the Agents SDK: the model use becomes the deployment reference', async () => {
    const llm = await migrated('lib/llm.ts', { target: 'v1' });
    expect(llm.output).toContain("model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? 'gpt-4o'");
    const agent = await migrated('agents/triage.ts');
    expect(agent.output).toContain("model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4_1_MINI ?? 'gpt-4.1-mini'");
    expect(agent.output).toContain('setDefaultOpenAIClient(new OpenAI(');
    expect(agent.outcome.todos.some((t) => t.message.includes('deployment name'))).toBe(false);
  });

  it('without the index the imported model gets a marker instead of a guess', async () => {
    const abs = path.join(dir, 'agents/triage.ts');
    const result = runTransforms(TRANSFORMS, { source: readFileSync(abs, 'utf8'), path: abs });
    expect(result.output).toContain('model: AGENT_MODEL');
    expect(result.outcome.todos.some((t) => t.message.includes('must be an Azure deployment name'))).toBe(true);
  });
});
