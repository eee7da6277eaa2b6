import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-openai-endpoint.js';
import { testable } from './testable.js';

const ruleTester = new RuleTester();

ruleTester.run('no-openai-endpoint', testable(rule), {
  valid: [
    "const docs = 'https://platform.openai.com/docs/api-reference';",
    "const help = 'https://help.openai.com/en/articles/1';",
    "const groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });",
    "const local = 'http://localhost:11434/v1';",
    'const azure = `${process.env.AZURE_OPENAI_ENDPOINT}/openai/v1/chat/completions`;',
    "const notHost = 'myapi.openai.company.example';",
    "type Url = 'https://api.openai.com/v1';",
    // A URL naming a property (a JWT claim): a key and a computed member request nothing (the codemod leaves them too).
    "interface Claims { 'https://api.openai.com/auth'?: { id?: string } }\nexport const id = (c: Claims) => c['https://api.openai.com/auth']?.id;",
    "export const sample = { 'https://api.openai.com/auth': { id: 'x' } };",
    // The same claim names written as values: which claim a login reads.
    "export const LOGIN = { claimPath: 'https://api.openai.com/auth', profile: 'https://api.openai.com/profile' };",
    // Text a settings form shows: it calls nothing (the codemod leaves it too).
    {
      code: 'export const Field = () => <input name="BasePath" placeholder="https://api.openai.com/v1" title={\'e.g. https://api.openai.com/v1\'} />;',
      filename: 'settings.tsx',
    },
    // Chosen by case or defaulted, and a component's own placeholder prop: the same shown text.
    {
      code: "export const Field = ({ local, hint }: { local: boolean; hint?: string }) => <><input placeholder={local ? 'http://localhost:8080' : 'https://api.openai.com'} /><Host hostPlaceholder={hint ?? 'https://api.openai.com/v1'} /></>;",
      filename: 'settings.tsx',
    },
    {
      code: "const mock = 'https://api.openai.com/v1/mock';",
      options: [{ allow: ['/mock$'] }],
    },
    // Sample data in a test of code that has nothing of OpenAI (no SDK, request, mock or OpenAI variable): migrate leaves it too.
    {
      code: "import { hostOf } from './hosts'; it('reads hosts', () => expect(hostOf('https://api.openai.com/v1')).toBe('api.openai.com'));",
      filename: 'src/__tests__/hosts.test.ts',
    },
    // The constant is reported where it is declared, not again at each use.
    {
      code: "const HOST = 'https://api.openai.com'; export const X = 1;",
      options: [{ allow: ['api\\.openai\\.com$'] }],
    },
  ],
  invalid: [
    // A test that mocks requests checks what code sends: its OpenAI URLs are reported.
    {
      code: "import { http } from 'msw'; export const handlers = [http.post('https://api.openai.com/v1/responses', () => new Response('{}'))];",
      filename: 'src/mocks/handlers.test.ts',
      errors: [{ messageId: 'openaiEndpoint', data: { host: 'api.openai.com' } }],
    },
    {
      code: "fetch('https://api.openai.com/v1/chat/completions');",
      errors: [{ messageId: 'openaiEndpoint', data: { host: 'api.openai.com' }, line: 1, column: 7 }],
    },
    {
      code: "const ws = 'wss://api.openai.com/v1/realtime';",
      errors: [{ messageId: 'openaiEndpoint', line: 1, column: 12 }],
    },
    {
      code: "const eu = 'https://eu.api.openai.com/v1';\nconst mtls = 'https://mtls.api.openai.com/v1';",
      errors: [
        { messageId: 'openaiEndpoint', data: { host: 'eu.api.openai.com' }, line: 1 },
        { messageId: 'openaiEndpoint', data: { host: 'mtls.api.openai.com' }, line: 2 },
      ],
    },
    {
      // A concatenation no single literal gives away: one report on the whole expression.
      code: "const url = 'https://api.' + 'openai.com' + '/v1';",
      errors: [{ messageId: 'openaiEndpoint', line: 1, column: 13, endColumn: 50 }],
    },
    {
      // A literal inside a concatenation: reported once, on the concatenation.
      code: "const url = 'https://api.openai.com/v1' + path;",
      errors: [{ messageId: 'openaiEndpoint', column: 13 }],
    },
    {
      // Constants followed through scope.
      code: "const PROTO = 'https://';\nconst HOST = 'api.openai.com';\nconst BASE = PROTO + HOST;",
      errors: [{ messageId: 'openaiEndpoint', line: 2, column: 14 }],
    },
    {
      code: "const A = 'https://api.';\nconst B = 'openai.com/v1';\nfetch(`${A}${B}/chat/completions`);",
      errors: [{ messageId: 'openaiEndpoint', line: 3, column: 7 }],
    },
    {
      code: "const HOST = 'https://api.openai.com';\nconst url = `${HOST}/v1/chat/completions`;",
      errors: [{ messageId: 'openaiEndpoint', line: 1 }],
    },
    {
      code: "const u = new URL('/v1/embeddings', 'https://api.openai.com');",
      errors: [{ messageId: 'openaiEndpoint', line: 1, column: 37 }],
    },
    {
      code: 'const url = `https://api.openai.com/v1/${resource}`;',
      errors: [{ messageId: 'openaiEndpoint', column: 13 }],
    },
    {
      code: "export const Link = () => <a href=\"https://api.openai.com/v1/models\">models</a>;",
      filename: 'component.tsx',
      errors: [{ messageId: 'openaiEndpoint', column: 35 }],
    },
    {
      // A URL that decides which text is shown is a value the code uses.
      code: "export const Field = ({ url }: { url: string }) => <input placeholder={url === 'https://api.openai.com/v1' ? 'OpenAI' : 'Other'} />;",
      filename: 'settings.tsx',
      errors: [{ messageId: 'openaiEndpoint' }],
    },
    {
      // The value a form field starts with is a setting the app uses, not display text.
      code: 'export const Field = () => <input name="BasePath" placeholder="Base URL" defaultValue="https://api.openai.com" />;',
      filename: 'settings.tsx',
      errors: [{ messageId: 'openaiEndpoint', column: 87 }],
    },
    {
      code: "const req = https.request({ hostname: 'api.openai.com', path: '/v1/chat/completions' });",
      errors: [{ messageId: 'openaiEndpoint', column: 39 }],
    },
  ],
});
