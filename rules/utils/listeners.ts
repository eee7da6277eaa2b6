import type { TSESLint } from '@typescript-eslint/utils';

/** Several listener objects as one, each handler of a shared selector called in order. */
export function mergeListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged: Record<string, ((node: never) => void)[]> = {};
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener)) {
      if (handler) (merged[selector] ??= []).push(handler as (node: never) => void);
    }
  }
  return Object.fromEntries(
    Object.entries(merged).map(([selector, handlers]) => [selector, (node: never) => handlers.forEach((h) => h(node))]),
  );
}
