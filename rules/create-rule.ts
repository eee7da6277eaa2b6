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

const creator = ESLintUtils.RuleCreator<PluginDocs>((name) => `${DOCS_BASE}/${name}.md`);

/**
 * `RuleCreator`, with a rule's options merged with its defaults once per distinct configuration instead of once per
 * file: its wrapper deep-clones the defaults (`structuredClone`) for every rule on every file, about 0.7% of a lint
 * run over 2,000 files, where a rule with nothing to look at costs a text test. The merged options are frozen, as
 * every file's rule shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, PluginDocs>>,
): ReturnType<typeof creator<Options, MessageIds>> {
  const rule = creator(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Readonly<Options>;
  const merged = new Map<string, Readonly<Options>>();
  return {
    ...rule,
    create(context) {
      const key = JSON.stringify(context.options);
      let options = merged.get(key);
      if (!options) merged.set(key, (options = deepFreeze(ESLintUtils.applyDefault(defaults, context.options))));
      return spec.create(context, options);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The JS language id plus, for text rules, ours; ESLint refuses a rule on a language it does not list. */
export const JS_LANGUAGES = ['js/js'];
export const TEXT_LANGUAGES = ['js/js', 'openai-to-azure/text'];
