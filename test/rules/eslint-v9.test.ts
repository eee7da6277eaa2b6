/**
 * The plugin under ESLint 9 (the `eslint-v9` npm alias of eslint@9), the other supported peer major: the same
 * built-in configuration `check` uses, run by ESLint 9's own ESLint class on code that trips every kind of rule.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { builtInConfig } from '../../src/check/eslint.js';

interface LintMessage { ruleId: string | null; message: string }
interface ESLint9 {
  lintText(code: string, options: { filePath: string }): Promise<{ messages: LintMessage[] }[]>;
}
const { ESLint } = createRequire(import.meta.url)('eslint-v9') as {
  ESLint: { version: string; new (options: object): ESLint9 };
};

describe('the plugin on ESLint 9', () => {
  it('is really ESLint 9', () => {
    expect(ESLint.version).toMatch(/^9\./);
  });

  it('reports clients, endpoints, env names and keys in code and text files', async () => {
    const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: true, overrideConfig: builtInConfig() });
    const code = [
      "import OpenAI from 'openai';",
      "const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      "export const url = 'https://api.openai.com/v1/chat/completions';",
      "export const key = 'sk-proj-Zq3xT8vLm2Np5Rk7Wd9Yb4Hc6Jf1Gs0AeUoIiEyTt';",
      'export { client };',
      '',
    ].join('\n');
    const [ts] = await eslint.lintText(code, { filePath: 'src/chat.ts' });
    expect(new Set(ts!.messages.map((m) => m.ruleId))).toEqual(
      new Set(['openai-to-azure/no-openai-client', 'openai-to-azure/no-openai-env', 'openai-to-azure/no-openai-endpoint', 'openai-to-azure/no-hardcoded-key']),
    );
    const [yaml] = await eslint.lintText('llm:\n  url: https://api.openai.com/v1\n', { filePath: 'config/app.yaml' });
    expect(yaml!.messages.map((m) => m.ruleId)).toEqual(['openai-to-azure/no-openai-endpoint']);
    const [clean] = await eslint.lintText('export const url = process.env.AZURE_OPENAI_ENDPOINT;\n', { filePath: 'src/ok.ts' });
    expect(clean!.messages).toEqual([]);
  });
});
