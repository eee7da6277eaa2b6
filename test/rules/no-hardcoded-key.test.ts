import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-hardcoded-key.js';
import { testable } from './testable.js';

// Built at run time so this file never holds a key-shaped literal itself.
const LEGACY = `sk-${'A1b2C3d4E5'.repeat(2)}T3BlbkFJ${'x'.repeat(16)}Ab12`;
const PROJECT = `sk-proj-${'Q9w8E7r6T5'.repeat(5)}abcdefgh${'T3BlbkFJ'}${'Z'.repeat(54)}Wx9z`;
const LOOSE = `sk-svcacct-${'k'.repeat(30)}Zz99`;

const ruleTester = new RuleTester();

ruleTester.run('no-hardcoded-key', testable(rule), {
  valid: [
    'const key = process.env.AZURE_OPENAI_API_KEY;',
    "const short = 'sk-test';",
    "const cls = 'task-list';",
    { code: `// example: ${LEGACY}\nconst k = process.env.AZURE_OPENAI_API_KEY;`, options: [{ comments: false }] },
  ],
  invalid: [
    {
      code: `const openai = new OpenAI({ apiKey: '${LEGACY}' });`,
      errors: [{ messageId: 'hardcodedKey', data: { masked: 'sk-…Ab12' }, line: 1, column: 38, endColumn: 38 + LEGACY.length }],
    },
    {
      code: `const headers = { Authorization: \`Bearer ${PROJECT}\` };`,
      errors: [{ messageId: 'hardcodedKey', data: { masked: 'sk-proj-…Wx9z' } }],
    },
    {
      code: `const a = 1;\n// old key: ${LOOSE}\n`,
      errors: [{ messageId: 'hardcodedKey', data: { masked: 'sk-svcacct-…Zz99' }, line: 2, column: 13 }],
    },
    {
      code: `export const Docs = () => <code>OPENAI_API_KEY=${LEGACY}</code>;`,
      filename: 'docs.tsx',
      errors: [{ messageId: 'hardcodedKey', data: { masked: 'sk-…Ab12' } }],
    },
    {
      code: `const a = '${LEGACY}';\nconst b = '${PROJECT}';`,
      errors: [
        { messageId: 'hardcodedKey', line: 1 },
        { messageId: 'hardcodedKey', line: 2 },
      ],
    },
  ],
});
