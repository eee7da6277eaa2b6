// What counts as a secret decides what the codemod masks and reports and what no-hardcoded-key flags: one core.
import { describe, expect, it } from 'vitest';
import { findOpenAIKeys, findSecret, findSecrets, maskSecret } from '../../src/core/index.js';

const PROJECT_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123';
const LEGACY_KEY = 'sk-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';

describe('secrets', () => {
  it('finds keys of random characters, in order, and masks them', () => {
    expect(findSecret(`const key = '${PROJECT_KEY}';`)).toBe(PROJECT_KEY);
    expect(findSecrets(`a=${LEGACY_KEY} b=${PROJECT_KEY}`).map((s) => s.secret)).toEqual([LEGACY_KEY, PROJECT_KEY]);
    expect(maskSecret(PROJECT_KEY)).toBe('sk-proj-…0123');
  });

  it('leaves a bare sk- token without letters of both cases and digits: a test value, not a key', () => {
    expect(findSecret("process.env.OPENAI_API_KEY = 'sk-1234567890abcdef1234567890abcdef';")).toBeUndefined();
    expect(findSecret(`process.env.OPENAI_API_KEY = '${LEGACY_KEY}';`)).toBe(LEGACY_KEY);
  });

  it('leaves a kind prefix followed by a body shorter than a key of that kind (a test value)', () => {
    expect(findSecrets('const OPENAI_KEY = "sk-proj-abcdef0123456789";')).toEqual([]);
    expect(findOpenAIKeys('OPENAI_API_KEY=sk-svcacct-Ab3dEf6hIj9kLm2')).toEqual([]);
    expect(findSecret(`const key = '${PROJECT_KEY}';`)).toBe(PROJECT_KEY);
  });

  it('leaves placeholders: a body of one kind of character is no key', () => {
    for (const placeholder of ['sk-local-no-key-required', 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'sk-XXXXXXXXXXXXXXXXXXXXXXXX', 'sk-proj-your-key-goes-here-now']) {
      expect(findSecret(`apiKey: '${placeholder}'`)).toBeUndefined();
      expect(findOpenAIKeys(`OPENAI_API_KEY=${placeholder}`)).toEqual([]);
    }
  });
});
