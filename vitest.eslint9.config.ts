import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The plugin's rule suite once more on ESLint 9, the peer range's other major: every `eslint` import — ours, the
 * rule tester's and @typescript-eslint/utils' — resolves to the `eslint-v9` npm alias. Those packages are inlined so
 * the alias reaches their imports too.
 */
export default defineConfig({
  plugins: base.plugins,
  resolve: {
    alias: [
      { find: /^eslint$/, replacement: 'eslint-v9' },
      { find: /^eslint\/(.*)$/, replacement: 'eslint-v9/$1' },
    ],
  },
  test: {
    ...base.test,
    include: ['test/rules/**/*.test.ts'],
    env: { OPENAI_TO_AZURE_ESLINT_MAJOR: '9' },
    server: { deps: { inline: ['@typescript-eslint/rule-tester', '@typescript-eslint/utils', 'eslint-plugin-eslint-plugin'] } },
  },
});
