import { lineAround } from '../src/core/index.js';
import { TEXT_LANGUAGES, createRule } from './create-rule.js';
import { maskedSecrets } from './utils/masked.js';
import { locOf } from './utils/text-report.js';

type Options = [{ comments: boolean }];

/** The innermost statement-like node: the context a low-confidence `sk-` token is judged by in code. */
const STATEMENT = /Statement$|^VariableDeclaration$|^PropertyDefinition$/;

export default createRule<Options, 'hardcodedKey'>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow OpenAI secret keys (sk-…) in source, config and docs',
      recommended: true,
      text: true,
    },
    languages: TEXT_LANGUAGES,
    messages: {
      hardcodedKey:
        'OpenAI secret key {{masked}} is committed here: revoke and rotate it, then read AZURE_OPENAI_API_KEY (or use Entra ID) instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          comments: {
            type: 'boolean',
            description: 'Also report keys inside comments (a key in a comment is leaked all the same).',
          },
        },
      },
    ],
    defaultOptions: [{ comments: true }],
  },
  create(context, [{ comments }]) {
    const sourceCode = context.sourceCode;

    /** The line, plus in code the statement holding the token (`new OpenAI({\n apiKey: '…' })` spans lines). */
    function contextOf(index: number): string {
      let node = sourceCode.getNodeByRangeIndex?.(index) ?? null;
      while (node && (!STATEMENT.test(node.type) || node.type === 'BlockStatement')) node = node.parent ?? null;
      const line = lineAround(sourceCode.text, index);
      return node ? `${line}\n${sourceCode.getText(node)}` : line;
    }

    /** The whole file at once: strings, templates, JSX text and comments alike, one report per key. */
    function scan(text: string, skip: (offset: number) => boolean = () => false): void {
      for (const { masked, start, end } of maskedSecrets(text, contextOf)) {
        if (!skip(start)) context.report({ loc: locOf(sourceCode, start, end), messageId: 'hardcodedKey', data: { masked } });
      }
    }

    return {
      Program() {
        const inComment = (offset: number) =>
          sourceCode.getAllComments().some(({ range: [from, to] }) => offset >= from && offset < to);
        scan(sourceCode.text, comments ? undefined : inComment);
      },
      Document() {
        scan(sourceCode.text);
      },
    };
  },
});
