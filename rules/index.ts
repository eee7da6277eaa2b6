/**
 * The ESLint plugin (`openai-to-azure/eslint-plugin`): rules, configs and the text language.
 *
 *   import openaiToAzure from 'openai-to-azure/eslint-plugin';
 *   export default defineConfig([{ files: ['src/**'], extends: [openaiToAzure.configs.recommended] }]);
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { NAMESPACE, createConfigs } from './configs.js';
import { text } from './languages/text.js';
import { rules } from './rules.js';

/** The package version, found by walking up from this file (works from `rules/` and from `dist/rules/`). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === NAMESPACE && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}

export interface OpenAIToAzurePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'recommended-type-checked' | 'all' | 'text', Linter.Config>;
  languages: { text: typeof text };
}

const plugin = {
  meta: { name: NAMESPACE, version: packageVersion(), namespace: NAMESPACE },
  rules,
  configs: {},
  languages: { text },
} as unknown as OpenAIToAzurePlugin;

plugin.configs = createConfigs(plugin as unknown as ESLint.Plugin) as OpenAIToAzurePlugin['configs'];

export default plugin;
export { rules };
