import { DEPENDENCY_OLDEST_MAJORS, floorBelow } from '../core/index.js';
import { aiSdkAzureLacks, DEPENDENCY_FIELDS, majorOf, movesInStep, placementsOf, type DependencyField, type Deps, type Emitted } from './dependency-placement.js';
import type { CatalogRange } from './catalogs.js';
import type { PackageChanges } from './env-plan.js';
import { emptyEdit, type ConfigEdit } from './types.js';

/** The indentation the file uses (its first indented line), so a rewrite keeps it. */
function indentOf(text: string): string | number {
  // A one-line package.json stays on one line.
  if (!/\n\s*\S/.test(text)) return 0;
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? 2;
}

function isSorted(keys: string[]): boolean {
  return keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
}

/** `deps` with `name: range` added where a sorted list would put it (appended when the list is not sorted). */
function withDependency(deps: Deps, name: string, range: string): Deps {
  const keys = Object.keys(deps);
  if (!isSorted(keys)) return { ...deps, [name]: range };
  const out: Deps = {};
  let placed = false;
  for (const key of keys) {
    if (!placed && name < key) {
      out[name] = range;
      placed = true;
    }
    out[key] = deps[key]!;
  }
  if (!placed) out[name] = range;
  return out;
}

/**
 * Apply dependency changes to a package.json: each needed package is added where the package it replaces was (else
 * to `dependencies`), or its range raised to the needed major wherever it is declared; each package no import uses
 * any more is removed. The key order, indentation and final newline stay; nothing is installed. `catalogRange` reads a
 * `catalog:` range from the workspace's catalogs; `emitted` (the run's target and auth) says what the migrated code
 * asks of a package whose range the tool does not raise, so a range that lacks it gets a note.
 */
export function editPackageJson(body: string, changes: PackageChanges | undefined, catalogRange?: CatalogRange, emitted?: Emitted): ConfigEdit {
  const edit = emptyEdit(body);
  if (!changes) return edit;
  const pkg = JSON.parse(body) as Record<string, unknown>;
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new Error('package.json is not an object');
  const field = (name: DependencyField): Deps | undefined => {
    const value = pkg[name];
    return typeof value === 'object' && value !== null ? (value as Deps) : undefined;
  };
  const done: string[] = [];
  for (const [name, range] of changes.add) {
    const declared = DEPENDENCY_FIELDS.map(field).find((deps) => deps && Object.hasOwn(deps, name));
    if (declared) {
      const have = majorOf(declared[name]!);
      const oldest = DEPENDENCY_OLDEST_MAJORS[name] ?? majorOf(range);
      // A range not pinned to one major (`>=3`, `*`) admits the new one already.
      const pinned = /^[\^~]?\d/.test(declared[name]!);
      if (have !== undefined && oldest !== undefined && have < oldest && pinned && !movesInStep(name)) {
        declared[name] = range;
        done.push(`raised ${name} to ${range}`);
      }
      const lacks = aiSdkAzureLacks(name, catalogRange?.(name, declared[name]!) ?? declared[name]!, emitted);
      if (lacks) edit.notes.push(lacks);
      continue;
    }
    for (const placement of placementsOf(name, range, field, catalogRange, changes.testsOnly?.has(name))) {
      pkg[placement.field] = withDependency(field(placement.field) ?? {}, name, placement.range);
      done.push(`added ${name}@${placement.range}${placement.field === 'dependencies' ? '' : ` to ${placement.field}`}`);
      if (placement.note) edit.notes.push(placement.note);
      const lacks = aiSdkAzureLacks(name, placement.range, emitted);
      if (lacks && !edit.notes.includes(lacks)) edit.notes.push(lacks);
    }
  }
  for (const [name, { version, features, alsoNeeds = [] }] of changes.atLeast ?? []) {
    const declared = DEPENDENCY_FIELDS.map(field).find((deps) => deps && Object.hasOwn(deps, name));
    const [major, minor] = version.split('.').map(Number);
    if (!declared || changes.add.has(name) || !floorBelow(declared[name]!, [major!, minor!])) continue;
    const was = declared[name]!;
    declared[name] = `^${version}`;
    done.push(`raised ${name} from ${was} to ^${version} (the migrated code needs ${version} or newer for ${features.join(', ')})${alsoNeeds.map((also) => `; ${also}`).join('')}`);
  }
  for (const name of changes.remove) {
    for (const deps of DEPENDENCY_FIELDS.map(field)) {
      if (deps && Object.hasOwn(deps, name)) {
        delete deps[name];
        done.push(`removed ${name}`);
      }
    }
  }
  if (done.length === 0) return edit;
  const finalNewline = /\r?\n$/.test(body) ? '\n' : '';
  edit.output = JSON.stringify(pkg, null, indentOf(body)) + finalNewline;
  edit.changes.push({ line: 1, kind: 'dependency' });
  edit.notes.push(`${done.join(', ')}: run your package manager's install (e.g. \`npm install\`)`);
  return edit;
}
