import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The one option several rules take: an `allow` list of strings, each described for the rule at hand. */
export function allowListSchema(description: string, items: JSONSchema4 = { type: 'string' }): JSONSchema4[] {
  return [
    {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { type: 'array', items, uniqueItems: true, description } },
    },
  ];
}
