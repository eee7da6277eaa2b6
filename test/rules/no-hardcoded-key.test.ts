import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-hardcoded-key.js';
import { testable } from './testable.js';

// Built at run time so this file never holds a key-shaped literal itself.
const LEGACY = `sk-${'A1b2C3d4E5'.repeat(2)}T3BlbkFJ${'x'.repeat(16)}Ab12`;
const PROJECT = `sk-proj-${'Q9w8E7r6T5'.repeat(5)}abcdefgh${'T3BlbkFJ'}${'Z'.repeat(54)}Wx9z`;
const LOOSE = `sk-svcacct-${'k'.repeat(30)}Zz99`;
// Low confidence: an `sk-` token with neither the T3BlbkFJ marker nor an OpenAI prefix (DeepSeek, LiteLLM, … use these).
const GENERIC = `sk-${'0f3a9c'.repeat(5)}Gh12`;
// Other vendors' keys that share the `sk-` prefix.
const ANTHROPIC = `sk-ant-api03-${'Ab3'.repeat(31)}AA`;
const LANGFUSE = `sk-lf-${'1a2b3c4d'}-${'5e6f'.repeat(3)}-${'7a8b9c0d1e2f'}`;
const MIXPANEL = `sk-mp-${'m1x'.repeat(10)}`;
const OPENROUTER = `sk-or-v1-${'0a1b2c3d'.repeat(8)}`;

const ruleTester = new RuleTester();

ruleTester.run('no-hardcoded-key', testable(rule), {
  valid: [
    'const key = process.env.AZURE_OPENAI_API_KEY;',
    "const short = 'sk-test';",
    "const cls = 'task-list';",
    // Placeholders beside an OpenAI client: no key.
    "const local = new OpenAI({ apiKey: 'sk-local-no-key-required' });",
    "const demo = new OpenAI({ apiKey: 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx' });",
    { code: `// example: ${LEGACY}\nconst k = process.env.AZURE_OPENAI_API_KEY;`, options: [{ comments: false }] },
    // Other vendors' keys, even next to an OpenAI client.
    `const anthropic = new Anthropic({ apiKey: '${ANTHROPIC}' });`,
    `const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst claude = new Anthropic({ apiKey: '${ANTHROPIC}' });`,
    `const langfuse = new Langfuse({ secretKey: '${LANGFUSE}', publicKey: 'pk-lf-${'1'.repeat(24)}' });`,
    `mixpanel.init('${MIXPANEL}');`,
    `const router = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: '${OPENROUTER}' });`,
    // A low-confidence token with no OpenAI in its statement.
    `const deepseek = createDeepSeek({ apiKey: '${GENERIC}' });`,
    `const openai = new OpenAI();\nconst settings = { litellmKey: '${GENERIC}' };`,
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
      // A low-confidence token inside an OpenAI client's statement, across lines.
      code: `const client = new OpenAI({\n  apiKey: '${GENERIC}',\n});`,
      errors: [{ messageId: 'hardcodedKey', data: { masked: 'sk-…Gh12' }, line: 2 }],
    },
    {
      code: `const OPENAI_KEY = '${GENERIC}';`,
      errors: [{ messageId: 'hardcodedKey', data: { masked: 'sk-…Gh12' } }],
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
