import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEPENDENCY_RANGES,
  DEPENDENCY_SUCCESSORS,
  MINIMUM_RELEASES,
  compareVersions,
  isTestFile,
  type MigrationOptions,
  type MinimumRelease,
} from '../core/index.js';
import { DEPENDENCY_FIELDS } from './dependency-placement.js';
import type { FileResult, ProcessSettings } from '../pipeline/types.js';
import type { DeploymentUse } from '../../transforms/lib/types.js';
import type { PackageChanges } from './env-plan.js';
import { processConfigFile } from './process.js';
import { contextsFor, inside, nearestImportMapDir, nearestPackageJson } from './scope.js';

/** One entry per distinct model the migrated code sends as a deployment (contract: report `deployments`). */
export interface ReportDeployment {
  model: string;
  env?: string;
  deployment?: string;
  files: string[];
}

/** The deployments the code results record, one per model, files in result order. */
export function collectDeployments(results: readonly FileResult[]): ReportDeployment[] {
  const byModel = new Map<string, ReportDeployment>();
  for (const result of results) {
    if (result.status === 'failed') continue;
    for (const use of result.deployments ?? []) {
      const entry = byModel.get(use.model) ?? { model: use.model, ...pick(use), files: [] };
      if (!entry.files.includes(result.path)) entry.files.push(result.path);
      byModel.set(use.model, entry);
    }
  }
  return [...byModel.values()].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

function pick(use: DeploymentUse): Omit<ReportDeployment, 'model' | 'files'> {
  return use.deployment !== undefined ? { deployment: use.deployment } : { env: use.env };
}

/**
 * What each package.json must gain and lose: the needs of the changed files it is nearest to; a replaced package is
 * removed only when no code file under that package.json still imports it. With `declared` (the packages a manifest
 * declares), a need about a package the nearest manifest does not declare goes to the first one above it that does
 * (a minimum release, to every one up the way that declares it, to the first that installs it):
 * a workspace whose root declares `@ai-sdk/openai` for its packages gets `@ai-sdk/azure` there, at that major, and
 * loses `@ai-sdk/openai` there. With `nearest` (and the folder its answer covers, `scopeOf`), the same for other
 * manifests: the folders of Deno import maps.
 */
export function packageChanges(
  results: readonly FileResult[],
  roots: readonly string[],
  nearest: (file: string, roots: readonly string[], known: Map<string, string | undefined>) => string | undefined = nearestPackageJson,
  scopeOf: (manifest: string) => string = dirname,
  declared?: (manifest: string) => ReadonlyMap<string, Declaration>,
): Map<string, PackageChanges> {
  type Minimum = { version: string; features: string[]; alsoNeeds: string[] };
  // `shipped`: the added packages a file other than a test needs.
  type Entry = { add: Map<string, string>; remove: Set<string>; atLeast: Map<string, Minimum>; shipped: Set<string> };
  const out = new Map<string, Entry>();
  const known = new Map<string, string | undefined>();
  const entryOf = (manifest: string): Entry => {
    let entry = out.get(manifest);
    if (!entry) out.set(manifest, (entry = { add: new Map(), remove: new Set(), atLeast: new Map(), shipped: new Set() }));
    return entry;
  };
  /**
   * The manifests from the nearest up that declare one of `packages`, to the first that installs it (a peer range
   * installs nothing: the manifest above that does is the one the code builds with); the nearest alone when none does.
   */
  const homesOf = (manifest: string, packages: readonly string[]): string[] => {
    if (!declared) return [manifest];
    const homes: string[] = [];
    for (let m: string | undefined = manifest; m; m = nearest(dirname(m), roots, known)) {
      const has = declared(m);
      const found = packages.map((name) => has.get(name)).filter((d) => d !== undefined);
      if (found.length > 0) homes.push(m);
      if (found.includes('installs')) break;
    }
    return homes.length > 0 ? homes : [manifest];
  };
  /** The nearest manifest, or the first above it that declares one of `packages` when the nearest declares none. */
  const homeOf = (manifest: string, packages: readonly string[]): string => homesOf(manifest, packages)[0]!;
  for (const result of results) {
    if (result.status !== 'changed' || !result.packages) continue;
    const manifest = nearest(result.file, roots, known);
    if (!manifest) continue;
    for (const name of result.packages.add) {
      if (!DEPENDENCY_RANGES[name]) continue;
      const entry = entryOf(homeOf(manifest, [name, ...(DEPENDENCY_SUCCESSORS[name]?.replaces ?? [])]));
      entry.add.set(name, DEPENDENCY_RANGES[name]);
      if (!isTestFile(result.path)) entry.shipped.add(name);
    }
    for (const need of result.packages.atLeast ?? []) {
      const release: MinimumRelease = MINIMUM_RELEASES[need];
      const { package: name, version, feature, alsoNeeds } = release;
      // Every manifest up the way that declares it holds the minimum: a library's peer range and the root that
      // installs the package for the whole repository (no workspaces) alike.
      for (const home of homesOf(manifest, [name])) {
        const entry = entryOf(home);
        const known = entry.atLeast.get(name) ?? { version, features: [], alsoNeeds: [] };
        if (compareVersions(version, known.version) > 0) known.version = version;
        if (!known.features.includes(feature)) known.features.push(feature);
        if (alsoNeeds && !known.alsoNeeds.includes(alsoNeeds)) known.alsoNeeds.push(alsoNeeds);
        entry.atLeast.set(name, known);
      }
    }
    for (const name of result.packages.remove) entryOf(homeOf(manifest, [name])).remove.add(name);
  }
  for (const [manifest, entry] of out) {
    const scope = scopeOf(manifest);
    for (const result of results) {
      if (!inside(result.file, scope)) continue;
      // A failed file kept its old imports, whatever they were.
      const still = result.status === 'failed' ? [...entry.remove] : (result.imports ?? []);
      for (const name of still) entry.remove.delete(name);
    }
  }
  return new Map(
    [...out].map(([k, v]) => [k, { add: v.add, remove: [...v.remove], atLeast: v.atLeast, testsOnly: new Set([...v.add.keys()].filter((name) => !v.shipped.has(name))) }]),
  );
}

/** How a package.json declares a package: as one it installs, or only as a peer (its user installs it). */
type Declaration = 'installs' | 'peer';

/** The packages a package.json declares in any dependency section, and how (none when it cannot be read). */
function declaredPackages(): (manifest: string) => ReadonlyMap<string, Declaration> {
  const cache = new Map<string, ReadonlyMap<string, Declaration>>();
  return (manifest) => {
    let names = cache.get(manifest);
    if (!names) {
      const declared = new Map<string, Declaration>();
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
        for (const field of DEPENDENCY_FIELDS) {
          for (const name of Object.keys((pkg?.[field] as object | null) ?? {})) {
            if (field !== 'peerDependencies' || !declared.has(name)) declared.set(name, field === 'peerDependencies' ? 'peer' : 'installs');
          }
        }
      } catch {
        // Unreadable: it declares nothing.
      }
      cache.set(manifest, (names = declared));
    }
    return names;
  };
}

export interface ConfigRun {
  cwd: string;
  paths: readonly string[];
  options: MigrationOptions;
  settings: ProcessSettings;
  /** Files larger than this many bytes are skipped, as code files are. */
  maxFileSize?: number;
  onResult?(result: FileResult): void;
  /** A config file skipped for a limit (size, minified, binary), before `onResult` gets it. */
  onSkip?(result: FileResult): void;
}

/**
 * The config-file jobs, after the code jobs (they follow the code's env list, deployments and imports): `files`, found
 * by the code files' walk, under the same limits, edited each by its kind's format-preserving editor, reported like
 * code files.
 */
export async function migrateConfigFiles(run: ConfigRun, files: readonly string[], results: readonly FileResult[]): Promise<FileResult[]> {
  const roots = run.paths.map((p) => resolve(run.cwd, p));
  // A file a Deno import map serves (nearer than any package.json) takes its packages from the map alone.
  const maps = new Map<string, string | undefined>();
  const byNpm = results.filter((result) => nearestImportMapDir(result.file, roots, maps) === undefined);
  const base = {
    target: run.options.target,
    auth: run.options.auth,
    apiVersion: run.options.apiVersion,
    packages: packageChanges(byNpm, roots, nearestPackageJson, dirname, declaredPackages()),
    importMaps: packageChanges(results, roots, nearestImportMapDir, (dir) => dir),
  };
  const contextFor = contextsFor(results, roots, base);
  const out: FileResult[] = [];
  for (const file of files) {
    const result = await processConfigFile(file, contextFor(file), run.settings, run.maxFileSize);
    if (result.status === 'skipped') run.onSkip?.(result);
    out.push(result);
    run.onResult?.(result);
  }
  return out;
}
