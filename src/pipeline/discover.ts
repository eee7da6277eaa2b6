import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { SOURCE_EXTENSIONS } from '../../transforms/lib/parser.js';
import { matchesGlobs } from './glob.js';

/** Folders never walked into, whatever the ignore files say. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

/** The config's `include`/`exclude`, compiled, with the folder they are relative to. */
export interface GlobFilter {
  dir: string;
  include: readonly RegExp[];
  exclude: readonly RegExp[];
}

/** The rules of one ignore file, matched against paths relative to its folder. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

export function isSourceFile(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && SOURCE_EXTENSIONS.includes(name.slice(dot).toLowerCase()) && !DECLARATION_FILE.test(name);
}

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

async function readLayer(file: string, dir: string): Promise<IgnoreLayer | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { dir, rules: ignore().add(text) };
}

async function isEntry(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The nearest folder from `dir` upward holding `.git` (a folder, or a file in worktrees and submodules). */
async function gitRootOf(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    if (await isEntry(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** Ignore files in force above `dir`: the repository's `info/exclude`, then each `.gitignore` from the root down. */
async function ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
  const root = await gitRootOf(dir);
  if (!root) return [];
  const above: string[] = [];
  for (let d = dir; d !== root; ) above.unshift((d = dirname(d)));
  const files = [
    { file: join(root, '.git', 'info', 'exclude'), dir: root },
    ...above.map((d) => ({ file: join(d, '.gitignore'), dir: d })),
  ];
  const layers = await Promise.all(files.map(({ file, dir: d }) => readLayer(file, d)));
  return layers.filter((l): l is IgnoreLayer => l !== undefined);
}

/** Git's precedence: the deepest ignore file with a matching rule decides; a negation there re-includes. */
function isIgnored(path: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const rel = toPosix(relative(layer.dir, path)) + (isDir ? '/' : '');
    const result = layer.rules.test(rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

function passesGlobs(path: string, isDir: boolean, globs: GlobFilter | undefined): boolean {
  if (!globs) return true;
  const rel = toPosix(relative(globs.dir, path));
  if (matchesGlobs(rel, globs.exclude, isDir)) return false;
  return isDir || globs.include.length === 0 || matchesGlobs(rel, globs.include);
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function* walk(dir: string, inherited: readonly IgnoreLayer[], globs: GlobFilter | undefined): AsyncGenerator<string> {
  const own = await readLayer(join(dir, '.gitignore'), dir);
  const layers = own ? [...inherited, own] : inherited;
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symlinks are skipped: following them risks cycles, and an atomic rename would replace the link with a file.
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
      if (isIgnored(path, true, layers) || !passesGlobs(path, true, globs)) continue;
      yield* walk(path, layers, globs);
    } else if (entry.isFile() && isSourceFile(entry.name)) {
      if (!isIgnored(path, false, layers) && passesGlobs(path, false, globs)) yield path;
    }
  }
}

/**
 * The source files under `paths` (files or folders), absolute, streamed in a deterministic order (each folder
 * sorted by name). Named files bypass the ignore files (the user asked for them) but not the config's globs.
 */
export async function* discover(paths: readonly string[], globs?: GlobFilter): AsyncGenerator<string> {
  const seen = new Set<string>();
  for (const target of paths.map((p) => resolve(p))) {
    const info = await stat(target);
    const files = info.isDirectory()
      ? walk(target, await ancestorLayers(target), globs)
      : (async function* () {
          if (isSourceFile(basename(target)) && passesGlobs(target, false, globs)) yield target;
        })();
    for await (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      yield file;
    }
  }
}
