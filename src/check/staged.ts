/** `--staged`: the files added, copied, modified or renamed in git's index, for pre-commit hooks. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isCheckedFile, isInSkippedDir } from './files.js';

const run = promisify(execFile);

/** `--staged` outside a git work tree: bad usage (exit 2). */
export class NotAGitRepositoryError extends Error {
  constructor(cwd: string) {
    super(`--staged needs a git repository, and ${cwd} is not inside one`);
  }
}

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

function isWithin(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Absolute paths of staged files of the checked types that lie under one of `scopes` (absolute paths; `.` from
 * the working directory by default) and still exist in the working tree, which is what gets linted.
 */
export async function stagedFiles(scopes: readonly string[], cwd: string): Promise<string[]> {
  let top: string;
  try {
    // --show-cdup rather than --show-toplevel: keeps cwd's spelling of the path (symlinks such as macOS /tmp).
    top = path.resolve(cwd, (await git(['rev-parse', '--show-cdup'], cwd)).trim());
  } catch {
    throw new NotAGitRepositoryError(cwd);
  }
  // -z: NUL-separated and unquoted, so names with spaces or non-ASCII characters come through intact.
  const names = (await git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], cwd)).split('\0');
  return names
    .filter(Boolean)
    .map((name) => path.resolve(top, name))
    .filter((file) => isCheckedFile(file) && !isInSkippedDir(file, top) && existsSync(file))
    .filter((file) => scopes.some((scope) => isWithin(file, scope)));
}
