import { TODO_PATTERN } from '../src/core/index.js';
import { JS_LANGUAGES, createRule } from './create-rule.js';
import { maskSecretsIn } from './utils/masked.js';

export default createRule<[], 'leftoverTodo'>({
  name: 'no-migration-todo',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow leftover TODO(openai-to-azure) markers from the migration',
      recommended: true,
    },
    languages: JS_LANGUAGES,
    messages: {
      leftoverTodo: 'Unresolved migration marker: {{text}}',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const match = TODO_PATTERN.exec(comment.value);
          if (!match) continue;
          // The marker and its reason, on one line, without comment decoration (and never an unmasked key).
          const text = comment.value
            .slice(match.index)
            .split(/\r?\n/)[0]!
            .replace(/\s*\*+\/?\s*$/, '')
            .trim();
          context.report({ loc: comment.loc, messageId: 'leftoverTodo', data: { text: maskSecretsIn(text) } });
        }
      },
    };
  },
});
