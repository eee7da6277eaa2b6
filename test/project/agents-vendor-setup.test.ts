/**
 * An app that points the Agents SDK's default client at another vendor in a setup module runs all its agents there:
 * its agent modules get no Azure client (which would override the setup) and keep their model names. A standalone
 * snippet that sets a custom client (no module imports it) sets up nothing for the other modules of its package.
 */
import { describe, expect, it } from 'vitest';
import { buildProjectIndex } from '../../src/project/index.js';
import { fixture, migratedWithIndex, relativeFacts, sourceFiles } from './helpers.js';

const dir = fixture('agents-vendor-setup');

describe('Agents SDK set up for another vendor in another module', () => {
  it('the index tells the agent modules of the package whose setup module others import', async () => {
    const { facts } = await buildProjectIndex({ cwd: dir, candidates: sourceFiles(dir) });
    const rel = relativeFacts(dir, facts);
    expect(rel['app/src/support.ts']?.agentsOnOtherVendor).toBe(true);
    expect(rel['snippets/agent.ts']?.agentsOnOtherVendor).toBeUndefined();
  });

  it('leaves the agents of the vendor app alone and migrates the snippet package', async () => {
    const support = await migratedWithIndex(dir, 'app/src/support.ts');
    expect(support.changed).toBe(false);
    expect(support.outcome.todos).toEqual([]);
    expect((await migratedWithIndex(dir, 'app/src/setup.ts')).changed).toBe(false);
    const snippet = await migratedWithIndex(dir, 'snippets/agent.ts');
    expect(snippet.output).toContain('setDefaultOpenAIClient(new OpenAI({');
    expect(snippet.output).toContain("model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4_1_MINI ?? 'gpt-4.1-mini'");
  });
});
