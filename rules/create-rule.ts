import { ESLintUtils } from '@typescript-eslint/utils';

export const DOCS_BASE = 'https://github.com/openai-to-azure/openai-to-azure/blob/main/docs/rules';

/** Extra docs fields every rule declares (used by the configs and the README table). */
export interface PluginDocs {
  /** Whether `configs.recommended` enables the rule. */
  recommended: boolean;
  /** Whether the rule also runs on JSON, Markdown, YAML and `.env` files through the `text` language. */
  text?: boolean;
  /** Whether the rule sharpens its answers with type information when `parserServices.program` is available. */
  typeAware?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${DOCS_BASE}/${name}.md`);

/** The JS language id plus, for text rules, ours; ESLint refuses a rule on a language it does not list. */
export const JS_LANGUAGES = ['js/js'];
export const TEXT_LANGUAGES = ['js/js', 'openai-to-azure/text'];
