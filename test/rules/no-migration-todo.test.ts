import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-migration-todo.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();

ruleTester.run('no-migration-todo', testable(rule), {
  valid: ['// TODO: refactor later\nconst a = 1;', "const s = 'TODO(openai-to-azure): in a string, not a marker';", '/* todo(openai-to-azure) lower case is not the marker */'],
  invalid: [
    {
      code: '// TODO(openai-to-azure): Azure OpenAI has no moderations endpoint\nawait client.moderations.create({ input });',
      errors: [
        {
          messageId: 'leftoverTodo',
          data: { text: 'TODO(openai-to-azure): Azure OpenAI has no moderations endpoint' },
          line: 1,
          column: 1,
          endColumn: 67,
        },
      ],
    },
    {
      code: 'const x = {\n  /* TODO(openai-to-azure): must be an Azure deployment name */\n  model,\n};',
      errors: [{ messageId: 'leftoverTodo', data: { text: 'TODO(openai-to-azure): must be an Azure deployment name' }, line: 2, column: 3 }],
    },
    {
      code: '/**\n * TODO(openai-to-azure): review the fine-tuning base model\n */\nfunction f() {}',
      errors: [{ messageId: 'leftoverTodo', data: { text: 'TODO(openai-to-azure): review the fine-tuning base model' }, line: 1 }],
    },
    {
      code: `// TODO(openai-to-azure): rotate sk-proj-${'k'.repeat(40)}Zz99\nconst a = 1;`,
      errors: [{ messageId: 'leftoverTodo', data: { text: 'TODO(openai-to-azure): rotate sk-proj-…Zz99' } }],
    },
    {
      code: 'export const A = () => (\n  <div>\n    {/* TODO(openai-to-azure): realtime over WebRTC */}\n  </div>\n);',
      filename: 'a.tsx',
      errors: [{ messageId: 'leftoverTodo', line: 3, column: 6 }],
    },
  ],
});
