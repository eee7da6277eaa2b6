/**
 * Git's ignore rules as git applies them: `.git/info/exclude`, then every `.gitignore` from the repository root down
 * to a file's folder, the deepest file with a matching rule deciding (a negation there re-includes).
 * Shared by `migrate` and `check` discovery.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';

/**
 * `ignore` is CommonJS: `require`d rather than imported, which spares Node's scan of its source for export names
 * (tens of milliseconds at every start).
 */
const ignore = createRequire(import.meta.url)('ignore') as typeof import('ignore');

/** The rules of one ignore file, matched against paths relative to its folder. */
export interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

/** A line git reads as a pattern: not blank, not a comment (git's default `info/exclude` has only comments). */
const PATTERN_LINE = /^(?!#)[^\S\n]*\S/m;

/**
 * Synchronous, like the walk that reads them (walk.ts): a few small files, read where the walk stands. A file
 * without a pattern is no layer: every path would be tested against it for nothing.
 */
function readLayer(file: string, dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return PATTERN_LINE.test(text) ? { dir, rules: ignore().add(text) } : undefined;
}

/** The layers in force inside `dir`: the inherited ones plus `dir`'s own `.gitignore`, if any. */
export function enterDir(inherited: readonly IgnoreLayer[], dir: string): readonly IgnoreLayer[] {
  const own = readLayer(join(dir, '.gitignore'), dir);
  return own ? [...inherited, own] : inherited;
}

/** The nearest folder from `dir` upward holding `.git` (a folder, or a file in worktrees and submodules). */
export async function gitRootOf(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    if (await stat(join(d, '.git')).then(() => true, () => false)) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** Layers in force above `dir`: the repository's `info/exclude`, then each `.gitignore` from the root down. */
export async function ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
  const root = await gitRootOf(dir);
  if (!root) return [];
  const above: string[] = [];
  for (let d = dir; d !== root; ) above.unshift((d = dirname(d)));
  const files = [
    { file: join(root, '.git', 'info', 'exclude'), dir: root },
    ...above.map((d) => ({ file: join(d, '.gitignore'), dir: d })),
  ];
  const layers = files.map(({ file, dir: d }) => readLayer(file, d));
  return layers.filter((l): l is IgnoreLayer => l !== undefined);
}

export function isIgnored(path: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    // Paths are under their layers' folders: slicing spares `relative`'s normalising on every file and layer.
    const under = path.length > layer.dir.length && path.startsWith(layer.dir) && path[layer.dir.length] === sep;
    const rel = toPosix(under ? path.slice(layer.dir.length + 1) : relative(layer.dir, path));
    if (rel === '') continue;
    const result = layer.rules.test(isDir ? `${rel}/` : rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/**
 * The layers a walk of a folder the user named starts with. Named explicitly, it is walked even when an ignore
 * file above excludes it (the user asked for it); then only the ignore files inside it apply.
 */
export async function layersForNamedDir(dir: string): Promise<readonly IgnoreLayer[]> {
  const above = await ancestorLayers(dir);
  return enterDir(isIgnored(dir, true, above) ? [] : above, dir);
}
