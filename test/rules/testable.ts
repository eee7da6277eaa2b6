import type { RuleTester } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

declare const tester: RuleTester;
type TesterRule<M extends string, O extends readonly unknown[]> = Parameters<typeof tester.run<M, O>>[1];

/**
 * The rule as RuleTester types it. @typescript-eslint/rule-tester 8.72 brings its own copy of
 * @typescript-eslint/utils (the rules use 8.73): same shapes, distinct declarations.
 */
export function testable<M extends string, O extends readonly unknown[]>(rule: TSESLint.RuleModule<M, O, unknown>): TesterRule<M, O> {
  return rule as unknown as TesterRule<M, O>;
}
