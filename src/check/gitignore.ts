/**
 * Git's ignore rules as git applies them: every .gitignore from the repository root down to a file's directory
 * (plus .git/info/exclude), the deepest file that has an opinion winning.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  dir: string;
  rules: Ignore;
}

/** The .gitignore levels in force at one directory, outermost first. */
export type IgnoreChain = readonly Level[];

/** The enclosing git work tree (the nearest ancestor holding `.git`), or undefined outside one. */
export function findGitRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function readRules(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The chain extended with `dir`'s own .gitignore, if it has one. */
export async function enterDir(chain: IgnoreChain, dir: string): Promise<IgnoreChain> {
  const text = await readRules(path.join(dir, '.gitignore'));
  return text === undefined ? chain : [...chain, { dir, rules: ignore().add(text) }];
}

/** The levels in force above `dir`: .git/info/exclude, then each .gitignore from the repository root down. */
export async function chainAbove(dir: string): Promise<IgnoreChain> {
  const root = findGitRoot(dir);
  if (root === undefined) return [];
  const exclude = await readRules(path.join(root, '.git', 'info', 'exclude'));
  let chain: IgnoreChain = exclude === undefined ? [] : [{ dir: root, rules: ignore().add(exclude) }];
  const above: string[] = [];
  for (let d = dir; d !== root; ) above.unshift((d = path.dirname(d)));
  for (const d of above) chain = await enterDir(chain, d);
  return chain;
}

export function isIgnored(chain: IgnoreChain, absPath: string, isDir: boolean): boolean {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { dir, rules } = chain[i]!;
    const rel = path.relative(dir, absPath).split(path.sep).join('/');
    if (rel === '') continue;
    const verdict = rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
