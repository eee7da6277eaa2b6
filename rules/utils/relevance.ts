import type { TSESLint } from '@typescript-eslint/utils';
import { mayInvolveOpenAI } from '../../src/core/index.js';

const verdicts = new WeakMap<object, boolean>();

/**
 * Whether a file can hold anything these rules report: the migration's text pre-filter (`openai`, `sk-`, model
 * names, OpenAI resource calls), decided once per file. A typed run always looks, since the client a file calls may
 * be declared in another file under any name. Rules that walk the AST return no listeners for the rest, so a
 * project pays for them only on files that mention OpenAI.
 */
export function mayHaveFindings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const sourceCode = context.sourceCode;
  if (sourceCode.parserServices?.program) return true;
  let verdict = verdicts.get(sourceCode);
  if (verdict === undefined) verdicts.set(sourceCode, (verdict = mayInvolveOpenAI(sourceCode.text)));
  return verdict;
}
