import { stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { SOURCE_EXTENSIONS } from '../../transforms/lib/parser-names.js';
import { acceptsConfigPath, configKind, entersHiddenDir } from '../config-files/kinds.js';
import { layersForNamedDir } from './gitignore.js';
import { matchesGlobs } from './glob.js';
import { walkTree, type WalkFilter } from './walk.js';

/** Folders never walked into, whatever the ignore files say. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

/** The config's `include`/`exclude`, compiled, with the folder they are relative to. */
export interface GlobFilter {
  dir: string;
  include: readonly RegExp[];
  exclude: readonly RegExp[];
}

export function isSourceFile(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && SOURCE_EXTENSIONS.includes(name.slice(dot).toLowerCase()) && !DECLARATION_FILE.test(name);
}

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

function passesGlobs(path: string, isDir: boolean, globs: GlobFilter | undefined): boolean {
  if (!globs) return true;
  const rel = toPosix(relative(globs.dir, path));
  if (matchesGlobs(rel, globs.exclude, isDir)) return false;
  return isDir || globs.include.length === 0 || matchesGlobs(rel, globs.include);
}

/** Source files that pass the config's globs, outside skipped and hidden folders. */
function sourceFilter(globs: GlobFilter | undefined): WalkFilter {
  return {
    enterDir: (name, path) => !SKIPPED_DIRS.has(name) && !name.startsWith('.') && passesGlobs(path, true, globs),
    acceptFile: (name, path) => isSourceFile(name) && passesGlobs(path, false, globs),
  };
}

/**
 * Config files (env templates, YAML, package.json) that pass the globs; `.github/workflows/` is entered. An env
 * template counts even under an ignore rule: `.env*` patterns are written to keep real env files out of git, and
 * the template beside them is committed anyway (`git add -f`); it holds no secret to protect.
 */
function configFilter(globs: GlobFilter | undefined): WalkFilter {
  return {
    enterDir: (name, path) =>
      !SKIPPED_DIRS.has(name) && (!name.startsWith('.') || entersHiddenDir(name)) && passesGlobs(path, true, globs),
    acceptFile: (name, path) => configKind(name) !== undefined && acceptsConfigPath(path) && passesGlobs(path, false, globs),
    keepsIgnored: (name) => configKind(name) === 'env-template',
  };
}

/** Whether a file lies in a hidden folder below `root` (the source walk enters none; its name may start with a dot). */
function inHiddenDir(root: string, name: string, path: string): boolean {
  const hidden = path.indexOf(`${sep}.`, root.length);
  return hidden !== -1 && hidden < path.length - name.length - 1;
}

/**
 * Source and config files in one walk (`migrate` needs both: a second walk of a large tree cost 40–80 ms), each as a
 * walk for either alone would find it. The config walk enters a superset of the source walk's folders (some hidden
 * ones besides: `entersHiddenDir`), so a source file counts unless it sits in a hidden folder below the target.
 */
export function discoverCodeAndConfig(paths: readonly string[], globs?: GlobFilter): AsyncGenerator<string> {
  const config = configFilter(globs);
  const source = sourceFilter(globs);
  const filter = (root: string): WalkFilter => ({
    enterDir: config.enterDir,
    acceptFile: (name, path) =>
      isSourceFile(name) ? !inHiddenDir(root, name, path) && source.acceptFile(name, path) : config.acceptFile(name, path),
    keepsIgnored: config.keepsIgnored,
  });
  return discoverWith(paths, filter, (name) => isSourceFile(name) || configKind(name) !== undefined, globs);
}

/**
 * The source files under `paths` (files or folders), absolute, streamed in a deterministic order (each folder
 * sorted by name). Named files and folders bypass the ignore files above them (the user asked for them) but not
 * the config's globs.
 */
export function discover(paths: readonly string[], globs?: GlobFilter): AsyncGenerator<string> {
  const filter = sourceFilter(globs);
  return discoverWith(paths, () => filter, isSourceFile, globs);
}

async function* discoverWith(
  paths: readonly string[],
  /** The walk's filter under a target folder. */
  filter: (root: string) => WalkFilter,
  accepts: (name: string) => boolean,
  globs: GlobFilter | undefined,
): AsyncGenerator<string> {
  const seen = new Set<string>();
  for (const target of paths.map((p) => resolve(p))) {
    const info = await stat(target);
    const files = info.isDirectory()
      ? walkTree(target, await layersForNamedDir(target), filter(target))
      : (async function* () {
          if (accepts(basename(target)) && passesGlobs(target, false, globs)) yield target;
        })();
    for await (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      yield file;
    }
  }
}
