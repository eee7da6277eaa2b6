import { DEPENDENCY_SUCCESSORS, floorBelow, OPENAI_SDK, packageOfSpecifier, schemeOf, specifierVersion } from '../core/index.js';
import { inStepRange } from './dependency-placement.js';
import type { PackageChanges } from './env-plan.js';
import { emptyEdit, type ConfigEdit } from './types.js';

/** A JSON string, or a comment or a comma before a closing bracket (JSONC, as `deno.jsonc` allows). */
const JSONC_NOISE = /("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\/|,(?=\s*[}\]])/g;

/** The `imports` of an import map or a `deno.json(c)`: bare specifier → where it loads from. */
function importsOf(body: string): Record<string, string> | undefined {
  const map: unknown = JSON.parse(body.replace(JSONC_NOISE, (_, string: string | undefined) => string ?? ''));
  const imports = (map as { imports?: unknown } | null)?.imports;
  if (typeof imports !== 'object' || imports === null || Array.isArray(imports)) return undefined;
  return Object.fromEntries(Object.entries(imports).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const escape = (text: string): string => JSON.stringify(text).slice(1, -1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Where the entry `key: value` sits in the text: the value's closing quote, and a comma after it if any. */
function entryAt(body: string, key: string, value: string): { start: number; valueEnd: number; end: number } | undefined {
  const m = new RegExp(`"${escape(key)}"\\s*:\\s*"${escape(value)}"(\\s*,)?`).exec(body);
  if (!m) return undefined;
  const valueEnd = m.index + m[0].length - (m[1]?.length ?? 0);
  return { start: m.index, valueEnd, end: m.index + m[0].length };
}

/**
 * A version raised to `version` in the form it was written: its operator or `v` kept (`^4.10.0` → `^4.41.0`,
 * `v4.24.0` → `v4.41.0`), an exact version stays exact, a partial one (`4`, `4.x`) becomes a caret range.
 */
function raisedVersion(was: string, version: string): string {
  const [, prefix = '', rest = ''] = /^([~^=v]*)(.*)$/.exec(was)!;
  return prefix === '' && !/^\d+\.\d+\.\d+$/.test(rest) ? `^${version}` : `${prefix}${version}`;
}

/**
 * Apply the migrated code's package needs to a Deno import map, as `editPackageJson` does to a package.json: a
 * package pinned below the release the code needs is raised in its specifier (`https://esm.sh/openai@4.10.0` →
 * `…@4.41.0`); a package the code now imports bare gets an entry beside the one it replaces, in its scheme
 * (`npm:@ai-sdk/openai@^1.3.22` → `npm:@ai-sdk/azure@^1.0.0`, the range for that major), else beside the `openai`
 * entry in its scheme.
 * Only the edited values change in the text: comments, order and layout stay. Entries no longer imported are left:
 * an unused mapping loads nothing.
 */
export function editImportMap(body: string, changes: PackageChanges | undefined): ConfigEdit {
  const edit = emptyEdit(body);
  const imports = changes && importsOf(body);
  if (!imports) return edit;
  let output = body;
  const done: string[] = [];
  for (const [name, { version, features }] of changes.atLeast ?? []) {
    const [major, minor] = version.split('.').map(Number) as [number, number];
    for (const [key, value] of Object.entries(imports)) {
      const pkg = packageOfSpecifier(value);
      const was = specifierVersion(value);
      if ((pkg !== name && !pkg.startsWith(`${name}/`)) || was === undefined || !floorBelow(was, [major, minor])) continue;
      const at = entryAt(output, key, value);
      if (!at) continue;
      const raised = value.replace(`@${was}`, `@${raisedVersion(was, version)}`);
      output = output.slice(0, at.start) + output.slice(at.start, at.valueEnd).replace(JSON.stringify(value), JSON.stringify(raised)) + output.slice(at.valueEnd);
      // An entry added beside this one below finds it by its value as it is now.
      imports[key] = raised;
      done.push(`raised ${key} from ${value} to ${raised} (the migrated code needs ${name} ${version} or newer for ${features.join(', ')})`);
    }
  }
  for (const [name, range] of changes.add) {
    if (Object.hasOwn(imports, name)) continue;
    const successor = DEPENDENCY_SUCCESSORS[name];
    const replaced = successor?.replaces.find((old) => schemeOf(imports[old] ?? '') !== undefined);
    const template = replaced ?? Object.keys(imports).find((key) => packageOfSpecifier(imports[key]!) === OPENAI_SDK && schemeOf(imports[key]!));
    if (template === undefined) continue;
    const from = imports[template]!;
    // Released in step with the package it replaces: the range of that one's major (as in a package.json).
    const inStep = replaced && inStepRange(name, specifierVersion(from) ?? '');
    const value = `${schemeOf(from)}${name}@${inStep || range}`;
    const at = entryAt(output, template, from);
    if (!at) continue;
    const lineStart = output.lastIndexOf('\n', at.start) + 1;
    const indent = output.slice(lineStart, at.start);
    const entry = `${JSON.stringify(name)}: ${JSON.stringify(value)}`;
    const ownLine = /^[ \t]*$/.test(indent);
    output =
      at.end > at.valueEnd
        ? output.slice(0, at.end) + (ownLine ? `\n${indent}${entry},` : ` ${entry},`) + output.slice(at.end)
        : output.slice(0, at.valueEnd) + (ownLine ? `,\n${indent}${entry}` : `, ${entry}`) + output.slice(at.valueEnd);
    done.push(`added ${name} (${value}) to its imports`);
  }
  if (done.length === 0) return edit;
  edit.output = output;
  edit.changes.push({ line: 1, kind: 'dependency' });
  edit.notes.push(`${done.join(', ')}: Deno loads the new specifiers on its next run (a frozen deno.lock needs updating)`);
  return edit;
}
