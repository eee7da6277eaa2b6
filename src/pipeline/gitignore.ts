/**
 * Git's ignore rules as git applies them: `.git/info/exclude`, then every `.gitignore` from the repository root down
 * to a file's folder, the deepest file with a matching rule deciding (a negation there re-includes).
 * Shared by `migrate` and `check` discovery.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The rules of one ignore file, matched against paths relative to its folder. */
export interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

async function readLayer(file: string, dir: string): Promise<IgnoreLayer | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { dir, rules: ignore().add(text) };
}

/** The layers in force inside `dir`: the inherited ones plus `dir`'s own `.gitignore`, if any. */
export async function enterDir(inherited: readonly IgnoreLayer[], dir: string): Promise<readonly IgnoreLayer[]> {
  const own = await readLayer(join(dir, '.gitignore'), dir);
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
  const layers = await Promise.all(files.map(({ file, dir: d }) => readLayer(file, d)));
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
