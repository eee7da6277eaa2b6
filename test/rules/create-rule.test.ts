import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../rules/create-rule.js';

type Options = [{ allow: string[]; deep: { on: boolean } }];

/** A rule that records the options it is created with, once per file. */
function recordingRule(seen: unknown[]) {
  return createRule<Options, 'found'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Disallow nothing (a test rule)', recommended: false },
      messages: { found: 'found' },
      schema: [
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            allow: { type: 'array', items: { type: 'string' }, description: 'Patterns.' },
            deep: { type: 'object', properties: { on: { type: 'boolean', description: 'A flag.' } }, description: 'Nested.' },
          },
        },
      ],
      defaultOptions: [{ allow: [], deep: { on: true } }],
    },
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
}

function lint(seen: unknown[], configs: unknown[][]): void {
  const linter = new Linter({ configType: 'flat' });
  const plugin = { rules: { recording: recordingRule(seen) } };
  for (const options of configs) {
    for (const code of ['const a = 1;', 'const b = 2;']) {
      linter.verify(code, [{ plugins: { t: plugin as never }, rules: { 't/recording': ['error', ...options] as never } }]);
    }
  }
}

describe('createRule', () => {
  it('merges the options with the defaults once per configuration, shared (and frozen) across files', () => {
    const seen: unknown[] = [];
    lint(seen, [[], [{ allow: ['x'] }]]);
    expect(seen).toHaveLength(4);
    expect(seen[0]).toEqual([{ allow: [], deep: { on: true } }]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual([{ allow: ['x'], deep: { on: true } }]);
    expect(seen[3]).toBe(seen[2]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(Object.isFrozen((seen[2] as Options)[0].deep)).toBe(true);
  });

  it('keeps the docs URL RuleCreator adds', () => {
    expect(recordingRule([]).meta.docs?.url).toMatch(/\/docs\/rules\/recording\.md$/);
  });
});
