/** The rule suite runs on each supported ESLint major (vitest.eslint9.config.ts): this proves which one it got. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('the ESLint the rule suite runs on', () => {
  it(`is ESLint ${process.env.OPENAI_TO_AZURE_ESLINT_MAJOR ?? '10'}`, () => {
    expect(Linter.version.split('.')[0]).toBe(process.env.OPENAI_TO_AZURE_ESLINT_MAJOR ?? '10');
  });
});
