import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const RULES = [
  'no-openai-endpoint',
  'no-openai-client',
  'no-openai-env',
  'no-hardcoded-key',
  'no-model-name',
  'require-api-version',
  'no-unsupported-api',
  'no-migration-todo',
];

describe('plugin shape', () => {
  it('has meta, rules, configs and the text language', () => {
    expect(plugin.meta).toEqual({ name: 'openai-to-azure', version: pkg.version, namespace: 'openai-to-azure' });
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULES].sort());
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'recommended', 'recommended-type-checked', 'text']);
    expect(plugin.languages.text.fileType).toBe('text');
  });

  it('names every config and wires the plugin itself into it', () => {
    for (const [key, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`openai-to-azure/${key}`);
      expect(config.plugins?.['openai-to-azure']).toBe(plugin);
    }
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).toEqual(RULES.map((r) => `openai-to-azure/${r}`));
    expect(Object.keys(plugin.configs.text.rules ?? {}).sort()).toEqual(
      ['no-hardcoded-key', 'no-openai-endpoint', 'no-openai-env'].map((r) => `openai-to-azure/${r}`),
    );
    expect(plugin.configs.text.language).toBe('openai-to-azure/text');
    expect(plugin.configs['recommended-type-checked'].languageOptions?.parserOptions).toMatchObject({ projectService: true });
  });

  it.each(RULES)('%s: docs URL to an existing page, description, default options, described schema', (name) => {
    const { meta } = plugin.rules[name as keyof typeof plugin.rules];
    expect(meta.docs?.url).toBe(`https://github.com/openai-to-azure/openai-to-azure/blob/main/docs/rules/${name}.md`);
    expect(existsSync(join(root, 'docs/rules', `${name}.md`))).toBe(true);
    expect(meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) /);
    if ((meta.schema as unknown[]).length > 0) expect(meta.defaultOptions).toBeDefined();
    for (const schema of (meta.schema as unknown as { additionalProperties?: boolean; properties?: Record<string, { description?: string }> }[]) ?? []) {
      expect(schema.additionalProperties).toBe(false);
      for (const prop of Object.values(schema.properties ?? {})) expect(prop.description).toBeTruthy();
    }
  });
});

describe('configs.recommended with no parser set up by the user', () => {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: defineConfig([{ files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], extends: [plugin.configs.recommended] }]),
  });

  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, 'tmp-lint', file) });
    return result!.messages.map((m) => m.ruleId ?? m.message);
  };

  it('lints TypeScript', async () => {
    const code =
      "import OpenAI from 'openai';\nconst client: OpenAI = new OpenAI({ apiKey: process.env.OPENAI_API_KEY! });\nexport type T = ReturnType<typeof client.chat.completions.create>;\n";
    expect(await lint('a.ts', code)).toEqual(['openai-to-azure/no-openai-client', 'openai-to-azure/no-openai-env']);
  });

  it('lints JavaScript with JSX and CommonJS', async () => {
    expect(await lint('a.jsx', "const url = 'https://api.openai.com/v1';\nexport const A = () => <a href={url}>x</a>;\n")).toEqual([
      'openai-to-azure/no-openai-endpoint',
    ]);
    expect(await lint('b.cjs', "const { AzureOpenAI } = require('openai');\nmodule.exports = new AzureOpenAI();\n")).toEqual([
      'openai-to-azure/require-api-version',
    ]);
    expect(await lint('c.mts', "// TODO(openai-to-azure): check this\nexport {};\n")).toEqual(['openai-to-azure/no-migration-todo']);
  });

  it('finds nothing in migrated code', async () => {
    const code = [
      "import { AzureOpenAI } from 'openai';",
      'const client = new AzureOpenAI({',
      '  endpoint: process.env.AZURE_OPENAI_ENDPOINT,',
      '  apiKey: process.env.AZURE_OPENAI_API_KEY,',
      "  apiVersion: process.env.OPENAI_API_VERSION ?? '2024-10-21',",
      '});',
      "// Docs: https://platform.openai.com/docs",
      "export const r = await client.chat.completions.create({ model: process.env.AZURE_OPENAI_DEPLOYMENT_GPT_4O ?? 'gpt-4o', messages: [] });",
    ].join('\n');
    expect(await lint('migrated.ts', code)).toEqual([]);
  });

  it('runs the text rules next to it with configs.text', async () => {
    const both = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended, plugin.configs.text],
    });
    const [result] = await both.lintText('OPENAI_API_KEY=x\n', { filePath: join(root, 'tmp-lint', '.env') });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['openai-to-azure/no-openai-env']);
  });

  // ESLint 10 checks a rule's `meta.languages` against the file's language; ESLint 9 does not read it.
  it.runIf(Number(Linter.version.split('.')[0]) >= 10)('refuses a JS-only rule on the text language', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('x', [{ ...plugin.configs.text, rules: { 'openai-to-azure/no-model-name': 'error' } }], 'a.md'),
    ).toThrow(/no-model-name/);
  });
});

describe('configs["recommended-type-checked"]', () => {
  it('follows a client constructed in another module through the type checker', async () => {
    const cwd = join(root, 'test/rules/fixtures/typed');
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs['recommended-type-checked']] });
    const code = "import { client } from './azure-client.js';\nexport const m = await client.moderations.create({ input: 'x' });\n";
    const [result] = await eslint.lintText(code, { filePath: join(cwd, 'file.ts') });
    expect(result!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['openai-to-azure/no-unsupported-api', 2, 24]]);
  });
});
