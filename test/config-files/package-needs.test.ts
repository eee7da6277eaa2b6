import { describe, expect, it } from 'vitest';
import { packageNeeds } from '../../src/config-files/package-needs.js';

describe('package needs of a rewrite', () => {
  const after = "import { AzureOpenAI } from 'openai';\nconst client = new AzureOpenAI({ apiVersion: '2024-10-21' });\n";

  it('asks for the current openai major when openai v3 leaves a file', () => {
    const before = "import { Configuration, OpenAIApi } from 'openai';\nconst client = new OpenAIApi(new Configuration({}));\n";
    expect(packageNeeds(before, after, undefined)?.add).toEqual(['openai']);
  });

  it('does not take a local alias of the current client named OpenAIApi for v3', () => {
    for (const before of [
      "const { OpenAI: OpenAIApi } = require('openai');\nconst client = new OpenAIApi({ apiKey: process.env.KEY });\n",
      "import { OpenAI as OpenAIApi } from 'openai';\nconst client = new OpenAIApi();\n",
    ]) {
      expect(packageNeeds(before, after, undefined)?.add ?? [], before).toEqual([]);
    }
  });

  it('asks for a release with AzureOpenAI when the rewrite starts constructing one', () => {
    const before = "import OpenAI from 'openai';\nconst client = new OpenAI();\n";
    expect(packageNeeds(before, after, undefined)).toEqual({ add: [], remove: [], atLeast: ['azureClient'] });
    // Already there before: the range in package.json has served it.
    expect(packageNeeds(after, `${after}// more\n`, undefined)).toBeUndefined();
  });

  it("does not take a package named in a marker's prose for an import", () => {
    const before = "import { openai } from '@ai-sdk/openai';\nexport const m = openai.image('gpt-image-1');\n";
    const migrated =
      "import { azure } from '@ai-sdk/azure';\nexport const m = azure.image('gpt-image-1');\n" +
      '// TODO(openai-to-azure): providerMetadata of Azure Responses models is keyed `azure` (chat, completion and image models keep `openai`)\n';
    expect(packageNeeds(before, migrated, undefined)).toEqual({ add: ['@ai-sdk/azure'], remove: ['@ai-sdk/openai'] });
  });

  it('keeps the newer releases the transforms report, beside the one the text shows', () => {
    const before = "import OpenAI from 'openai';\nconst client = new OpenAI();\n";
    const needs = packageNeeds(before, after, { add: [], remove: [], atLeast: ['chatHelpers'] });
    expect(needs?.atLeast).toEqual(['chatHelpers', 'azureClient']);
    expect(packageNeeds(after, after, { add: [], remove: [], atLeast: ['langchainEndpoint'] })?.atLeast).toEqual(['langchainEndpoint']);
  });

  it('adds a versioned package the rewrite imports', () => {
    const before = "import { openai } from '@ai-sdk/openai';\n";
    const needs = packageNeeds(before, "import { azure } from '@ai-sdk/azure';\n", undefined);
    expect(needs?.add).toEqual(['@ai-sdk/azure']);
    expect(needs?.remove).toEqual(['@ai-sdk/openai']);
  });
});
