import { AI_SDK, compareVersions, DEPENDENCY_SUCCESSORS, type AuthMode, type Target } from '../core/index.js';
import type { CatalogRange } from './catalogs.js';

export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];
export type Deps = Record<string, string>;

/** Where one added package goes, at what range, and what the user must check. */
export interface Placement {
  field: DependencyField;
  range: string;
  note?: string;
}

/** A plain range's major (`^1.3.0`, `~2.0.0`, `1.x`, `>=3 <4`); none for `catalog:`, `workspace:*`, a tag. */
export function majorOf(range: string): number | undefined {
  const m = /^\s*(?:[\^~]|>=?)?\s*v?(\d+)(?:[.\s]|$)/.exec(range);
  return m ? Number(m[1]) : undefined;
}

/** Whether the package's major follows the one it replaces, so the tool never raises it to its own default. */
export function movesInStep(name: string): boolean {
  return DEPENDENCY_SUCCESSORS[name]?.ranges !== undefined;
}

/**
 * The range of a package released in step with the one it replaces (`movesInStep`), for that one's range `replaced`:
 * its major's range, but never below the replaced floor. The two are numbered in step too (an @ai-sdk/azure release
 * bundles the @ai-sdk/openai of its number, or one just below), so an older floor would admit a release older than
 * the one the code was written against (`^1.1.9` → `^1.1.9`, not `^1.0.0`). Undefined for a major it has none for.
 */
export function inStepRange(name: string, replaced: string): string | undefined {
  const followed = DEPENDENCY_SUCCESSORS[name]?.ranges?.[majorOf(replaced) ?? -1];
  const floor = /^\s*[~^=]?v?(\d+\.\d+\.\d+)\s*$/.exec(replaced)?.[1];
  return followed && floor && compareVersions(floor, followed.replace(/^\^/, '')) > 0 ? `^${floor}` : followed;
}

/**
 * Where a package the migration adds goes: in each section the package it replaces is declared in (a devDependency
 * stays one), at the range matching that one's major when the two are released in step; else in `dependencies`.
 * One only test files need (`testsOnly`) is a devDependency where it would be a runtime one: a library's users would
 * install it for nothing. A `catalog:` range is read through `catalogRange`. A replaced range whose major cannot be
 * read (`workspace:*`, a catalog not found) keeps `range`, with a note saying so.
 */
export function placementsOf(
  name: string,
  range: string,
  sections: (field: DependencyField) => Deps | undefined,
  catalogRange?: CatalogRange,
  testsOnly = false,
): Placement[] {
  const successor = DEPENDENCY_SUCCESSORS[name];
  const placements = DEPENDENCY_FIELDS.flatMap((field): Placement[] => {
    const deps = sections(field);
    const replaced = successor?.replaces.find((old) => deps && Object.hasOwn(deps, old));
    if (!replaced) return [];
    if (!successor!.ranges) return [{ field, range }];
    const current = deps![replaced]!;
    const followed = inStepRange(name, catalogRange?.(replaced, current) ?? current);
    if (followed) return [{ field, range: followed }];
    const note = `${replaced} is "${current}" in ${field}: ${name} was added as ${range}; give it the same major as ${replaced} (the two are released together)`;
    return [{ field, range, note }];
  });
  const found = placements.length > 0 ? placements : [{ field: 'dependencies' as const, range }];
  if (!testsOnly) return found;
  const dev = found.map((p): Placement => (p.field === 'dependencies' ? { ...p, field: 'devDependencies' } : p));
  return dev.filter((p, i) => dev.findIndex((q) => q.field === p.field) === i);
}

/** The run's choices that decide what the migrated code asks of the packages it imports. */
export interface Emitted {
  target: Target;
  auth?: AuthMode;
}

/**
 * What `@ai-sdk/azure` at `range` lacks of what the migrated code gives `createAzure` (core `AI_SDK.azureSince`), as
 * a note: its major follows `@ai-sdk/openai`'s, so the tool does not raise it past the project's `ai`.
 */
export function aiSdkAzureLacks(name: string, range: string, emitted: Emitted | undefined): string | undefined {
  const major = majorOf(range);
  if (name !== AI_SDK.azurePackage || !emitted || major === undefined) return undefined;
  const lacking = AI_SDK.azureSince.filter((need) => emitted[need.option] === need.value && major < need.major);
  if (lacking.length === 0) return undefined;
  const ai = Math.max(...lacking.map((need) => need.ai));
  const features = lacking.map((need) => need.feature).join(' and ');
  const instead = lacking.map((need) => need.instead).join(' ');
  return `the migrated code gives createAzure ${features}, which @ai-sdk/azure ${range} lacks (its major follows @ai-sdk/openai's): move ai and its providers to ai ${ai} or newer, or migrate again with ${instead}`;
}
