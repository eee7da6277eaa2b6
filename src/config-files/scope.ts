import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { isLaterApiVersion } from '../core/index.js';
import type { FileResult } from '../pipeline/types.js';
import type { ConfigContext } from './env-plan.js';
import { IMPORT_MAP_FILES } from './kinds.js';

/** What every config file's context shares. */
type Base = Pick<ConfigContext, 'target' | 'auth' | 'apiVersion' | 'packages' | 'importMaps'>;

/**
 * Whether `file` is `dir` or under it (both absolute and resolved, as discovery gives them). A prefix test, not
 * `path.relative`: it is asked for every config file against every code result.
 */
export const inside = (file: string, dir: string): boolean =>
  file.startsWith(dir) && (file.length === dir.length || dir.endsWith(sep) || file[dir.length] === sep);

/**
 * Files that make their folder a project of its own. A config file's variables are those of its project's code: an
 * env template beside a Python backend's pyproject.toml in a JavaScript monorepo serves that backend, which this
 * tool does not migrate, not the repository's migrated code.
 */
const PROJECT_MANIFESTS = [
  'package.json',
  'deno.json',
  'deno.jsonc',
  'pyproject.toml',
  'requirements.txt',
  'setup.py',
  'Pipfile',
  'go.mod',
  'Cargo.toml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'Gemfile',
  'composer.json',
];

/**
 * The nearest of the `names` files above `file`, within `roots` (never one outside what the user pointed at).
 * `known` holds each folder's answer already found (for one list of names): files of one package share their way up.
 */
function nearestManifest(file: string, roots: readonly string[], known: Map<string, string | undefined>, names: readonly string[]): string | undefined {
  const walked: string[] = [];
  let found: string | undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (known.has(dir)) {
      found = known.get(dir);
      break;
    }
    if (!roots.some((root) => inside(dir, root))) break;
    walked.push(dir);
    const candidate = names.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (candidate) {
      found = candidate;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  for (const dir of walked) known.set(dir, found);
  return found;
}

/** The package.json answers found for each cache of import-map answers (`known` holds one list of names only). */
const packageJsonCaches = new WeakMap<Map<string, string | undefined>, Map<string, string | undefined>>();

/**
 * The folder of the Deno import map (or `deno.json`) that serves `file`: the nearest above it, within `roots`, unless
 * a package.json lies nearer. The file then belongs to that Node package, and an import map further up serves other
 * code (langgraphjs's root `deno.json` serves its notebooks, not its libraries).
 */
export function nearestImportMapDir(file: string, roots: readonly string[], known: Map<string, string | undefined>): string | undefined {
  const found = nearestManifest(file, roots, known, IMPORT_MAP_FILES);
  if (!found) return undefined;
  let packages = packageJsonCaches.get(known);
  if (!packages) packageJsonCaches.set(known, (packages = new Map()));
  const pkg = nearestManifest(file, roots, packages, ['package.json']);
  const dir = dirname(found);
  return pkg && dirname(pkg) !== dir && inside(dirname(pkg), dir) ? undefined : dir;
}

/** The nearest package.json above `file`, within `roots`. */
export function nearestPackageJson(file: string, roots: readonly string[], known: Map<string, string | undefined>): string | undefined {
  return nearestManifest(file, roots, known, ['package.json']);
}

/** A code result a config file can follow: migrated code that reads variables or sends models as deployments. */
function reads(result: FileResult): boolean {
  return result.status !== 'failed' && (result.env.length > 0 || !!result.staleEnv?.length || !!result.deployments?.length);
}

/** The context the code results `readers` give: their variables, deployments and latest api-versions. */
function contextOf(readers: readonly FileResult[], base: Base): ConfigContext {
  const apiVersions: Record<string, string> = {};
  for (const [name, version] of readers.flatMap((r) => Object.entries(r.apiVersions ?? {}))) {
    if (apiVersions[name] === undefined || isLaterApiVersion(version, apiVersions[name])) apiVersions[name] = version;
  }
  return {
    ...base,
    env: [...new Set(readers.flatMap((r) => r.env))].sort(),
    staleEnv: [...new Set(readers.flatMap((r) => r.staleEnv ?? []))],
    apiVersions,
    deployments: readers.flatMap((r) => r.deployments ?? []),
  };
}

/**
 * Each config file's context: that of the code it serves. A config file serves the code in its own folder's
 * subtree; one in a folder without migrated code (`config/`, `deploy/`, `.github/workflows/`) serves its project
 * (the folder of the nearest package.json, or of another language's manifest: PROJECT_MANIFESTS), or the whole run
 * outside any project. The template of one example or workspace package so gets none of its siblings' variables.
 */
export function contextsFor(results: readonly FileResult[], roots: readonly string[], base: Base): (file: string) => ConfigContext {
  const readers = results.filter(reads);
  const under = (dir: string): FileResult[] => readers.filter((r) => inside(r.file, dir));
  const known = new Map<string, string | undefined>();
  const scopeOf = (file: string): string | undefined => {
    const own = dirname(file);
    if (readers.some((r) => inside(r.file, own))) return own;
    const manifest = nearestManifest(file, roots, known, PROJECT_MANIFESTS);
    return manifest && dirname(manifest);
  };
  const byScope = new Map<string | undefined, ConfigContext>();
  return (file) => {
    const scope = scopeOf(file);
    let ctx = byScope.get(scope);
    if (!ctx) byScope.set(scope, (ctx = contextOf(scope === undefined ? readers : under(scope), base)));
    return ctx;
  };
}
