/**
 * The shareable configs. `recommended` needs no parser set up by the user (it brings @typescript-eslint/parser,
 * which reads JS, JSX and TS alike); `recommended-type-checked` adds a TypeScript program for type-aware precision
 * (slower: for CI, not for editors or hooks); `text` runs the text rules on JSON, Markdown, YAML and `.env` files.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import { ENV_FILE_GLOBS } from '../src/core/env.js';
import { rules, type RuleName } from './rules.js';

export const NAMESPACE = 'openai-to-azure';

export const CODE_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
export const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
export const TEXT_FILES = ['**/*.json', '**/*.jsonc', '**/*.md', '**/*.yaml', '**/*.yml', ...ENV_FILE_GLOBS];

const ruleNames = Object.keys(rules) as RuleName[];

function severities(pick: (name: RuleName) => Linter.RuleSeverity | undefined): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const name of ruleNames) {
    const severity = pick(name);
    if (severity) out[`${NAMESPACE}/${name}`] = severity;
  }
  return out;
}

/** A leftover marker is work to finish, not a defect: a warning in `recommended`, an error in `all`. */
const recommendedRules = severities((name) =>
  rules[name].meta.docs?.recommended ? (name === 'no-migration-todo' ? 'warn' : 'error') : undefined,
);

const parser = tsParser as unknown as Linter.Parser;

export function createConfigs(plugin: ESLint.Plugin): Record<string, Linter.Config> {
  const plugins = { [NAMESPACE]: plugin };
  const code: Linter.LanguageOptions = { parser, parserOptions: { ecmaFeatures: { jsx: true } } };
  return {
    recommended: { name: `${NAMESPACE}/recommended`, files: CODE_FILES, plugins, languageOptions: code, rules: recommendedRules },
    'recommended-type-checked': {
      name: `${NAMESPACE}/recommended-type-checked`,
      files: TS_FILES,
      plugins,
      languageOptions: { parser, parserOptions: { projectService: true } },
      rules: recommendedRules,
    },
    all: { name: `${NAMESPACE}/all`, files: CODE_FILES, plugins, languageOptions: code, rules: severities(() => 'error') },
    text: {
      name: `${NAMESPACE}/text`,
      files: TEXT_FILES,
      plugins,
      language: `${NAMESPACE}/text`,
      rules: severities((name) => (rules[name].meta.docs?.text ? 'error' : undefined)),
    },
  };
}
