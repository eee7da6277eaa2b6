import { describe, expect, it } from 'vitest';
import { mayHaveFindings } from '../../rules/utils/relevance.js';

type Context = Parameters<typeof mayHaveFindings>[0];
const contextFor = (text: string, program?: object): Context =>
  ({ sourceCode: { text, parserServices: program ? { program } : {} } }) as unknown as Context;

describe('mayHaveFindings', () => {
  it('skips files that mention nothing OpenAI-related when linting without types', () => {
    expect(mayHaveFindings(contextFor('export const add = (a: number, b: number) => a + b;'))).toBe(false);
  });

  it('looks at files that mention OpenAI, keys, model names or resource calls', () => {
    for (const text of ["import OpenAI from 'openai';", 'const k = "sk-abc123";', "model: 'gpt-4o'", 'client.moderations.create()']) {
      expect(mayHaveFindings(contextFor(text))).toBe(true);
    }
  });

  it('always looks in a typed run, where a client may come from another file under any name', () => {
    expect(mayHaveFindings(contextFor('export const add = 1;', {}))).toBe(true);
  });
});
