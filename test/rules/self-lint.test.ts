import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

it("the plugin's own source passes eslint-plugin-eslint-plugin", async () => {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        ...(eslintPlugin.configs.recommended as Linter.Config),
        files: ['rules/**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
      },
      {
        files: ['rules/**/*.ts'],
        rules: {
          'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) ' }],
          'eslint-plugin/require-meta-schema-description': 'error',
          'eslint-plugin/require-meta-default-options': 'error',
          'eslint-plugin/require-meta-has-suggestions': 'error',
          'eslint-plugin/prefer-message-ids': 'error',
        },
      },
    ],
  });
  const results = await eslint.lintFiles(['rules/**/*.ts']);
  // require-meta-docs-url is left out: RuleCreator adds the URL, which that rule cannot see.
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(results.length).toBeGreaterThan(8);
  expect(problems).toEqual([]);
});
