/**
 * A small validator for the subset of JSON Schema draft-07 that `schema.json` uses, so the schema stays the single
 * source of truth for both editors and the CLI without pulling in a full validator.
 */
export interface JsonSchema {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  properties?: Readonly<Record<string, JsonSchema>>;
  additionalProperties?: boolean | JsonSchema;
  required?: readonly string[];
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
}

type TypeName = NonNullable<JsonSchema['type']>;

const TYPE_CHECKS: Readonly<Record<TypeName, (value: unknown) => boolean>> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: Number.isInteger,
  boolean: (v) => typeof v === 'boolean',
};

const TYPE_NAMES: Readonly<Record<TypeName, string>> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
};

function describeShape(schema: JsonSchema): string {
  if (schema.type !== 'object' || !schema.properties) return schema.type ? TYPE_NAMES[schema.type] : 'a value';
  return `an object like { ${Object.keys(schema.properties).map((k) => `"${k}": …`).join(', ')} }`;
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Every way `value` breaks `schema`, each message naming the offending key (`path`). Empty when valid. */
export function validate(value: unknown, schema: JsonSchema, path: string): string[] {
  const label = `"${path}"`;
  if (schema.oneOf) {
    const branches = schema.oneOf.map((branch) => validate(value, branch, path));
    if (branches.some((errors) => errors.length === 0)) return [];
    // When the value has the type of exactly one branch, that branch's complaint is the useful one.
    const typed = schema.oneOf.flatMap((branch, i) => (!branch.type || TYPE_CHECKS[branch.type](value) ? [i] : []));
    if (typed.length === 1) return branches[typed[0]!]!;
    return [`${label} must be ${schema.oneOf.map(describeShape).join(' or ')}, got ${show(value)}`];
  }
  if (schema.type && !TYPE_CHECKS[schema.type](value)) return [`${label} must be ${TYPE_NAMES[schema.type]}, got ${show(value)}`];
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${label} must be one of ${schema.enum.map(show).join(', ')}, got ${show(value)}`];
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return [`${label} must not be empty`];
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
      return [`${label} has an invalid value ${show(value)}: ${schema.description ?? `expected /${schema.pattern}/`}`];
    }
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    return [`${label} must be at least ${schema.minimum}, got ${show(value)}`];
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    return value.flatMap((item, i) => validate(item, items, child(path, i)));
  }
  if (TYPE_CHECKS.object(value) && (schema.properties || schema.additionalProperties !== undefined)) {
    return validateObject(value as Record<string, unknown>, schema, path);
  }
  return [];
}

function validateObject(value: Record<string, unknown>, schema: JsonSchema, path: string): string[] {
  const known = schema.properties ?? {};
  const errors = (schema.required ?? [])
    .filter((key) => !Object.hasOwn(value, key))
    .map((key) => `"${child(path, key)}" is required`);
  for (const [key, item] of Object.entries(value)) {
    const sub = Object.hasOwn(known, key) ? known[key] : schema.additionalProperties;
    if (sub === false) {
      errors.push(`unknown key "${child(path, key)}" (allowed: ${Object.keys(known).join(', ')})`);
    } else if (sub && sub !== true) {
      errors.push(...validate(item, sub, child(path, key)));
    }
  }
  return errors;
}
