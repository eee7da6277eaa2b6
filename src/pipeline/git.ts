import { execFile } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';

export type GitState =
  | { kind: 'outside' }
  | { kind: 'clean'; root: string }
  | { kind: 'dirty'; root: string; files: string[] };

/** Run git, resolving with stdout, or undefined when git is missing or fails. */
function git(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => done(error ? undefined : stdout));
  });
}

async function folderOf(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? path : dirname(path);
}

/**
 * Uncommitted changes (staged, unstaged, untracked) under the target paths, in the repository holding the first one.
 * Any failure to find a repository — no git installed, or git's "not a git repository" (lower case) — means
 * "outside", and the migration proceeds.
 */
export async function gitState(paths: readonly string[]): Promise<GitState> {
  // Real paths: git reports its root with symlinks resolved (e.g. macOS /tmp → /private/tmp).
  const targets = await Promise.all(paths.map((p) => realpath(resolve(p)).catch(() => resolve(p))));
  const from = await folderOf(targets[0] ?? '.');
  const root = (await git(['rev-parse', '--show-toplevel'], from))?.trim();
  if (!root) return { kind: 'outside' };
  const inside = targets.map((t) => relative(root, t)).filter((rel) => !rel.startsWith('..'));
  const pathspecs = inside.map((rel) => (rel === '' ? '.' : rel));
  const status = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspecs], root);
  if (status === undefined) throw new Error(`git status failed in ${root}`);
  const files = status
    .split('\0')
    .filter((entry) => /^.. /.test(entry))
    .map((entry) => entry.slice(3));
  return files.length > 0 ? { kind: 'dirty', root, files } : { kind: 'clean', root };
}
