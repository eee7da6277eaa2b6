// Vendor names in the code's own identifiers (core namesOtherVendor): whole words however the code splits them, so
// the codemod's client kinds and the linter's rules agree on whose key or class it is.
import { describe, expect, it } from 'vitest';
import { namesOtherVendor } from '../../src/core/index.js';

describe('namesOtherVendor', () => {
  it('finds a vendor in camelCase, PascalCase, snake_case and SCREAMING_CASE names, acronyms and split names included', () => {
    for (const name of ['groqApiKey', 'GROQ_KEY', 'openRouterKey', 'ChatOpenRouter', 'sambanovaApiKey', 'localAIApiKey', 'nvidiaNIMApiKey', 'xAIApiKey', 'hfToken', 'HF_TOKEN', 'huggingFaceKey', 'deep_seek_key', 'LMStudioClient']) {
      expect(namesOtherVendor(name), name).toBe(true);
    }
  });

  it('finds none in names of no vendor, nor inside other words', () => {
    for (const name of ['apiKey', 'openaiApiKey', 'openAIApiKey', 'OPENAI_API_KEY', 'ChatOpenAI', 'shelfKey', 'hfxModel', 'maxAIKey', 'groqish', 'togetherness', 'localKey']) {
      expect(namesOtherVendor(name), name).toBe(false);
    }
  });
});
