/**
 * Turns `check`'s path arguments into the files to lint, with the same ignore handling as `migrate` (git's rules,
 * named folders walked even when ignored above). Unlike `migrate`, hidden folders are walked: `.github/workflows`
 * and `.vscode` settings are config that can point at OpenAI. A file named explicitly (a hook passing staged files)
 * is checked when its type is one we check and it is not inside a skipped folder.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { layersForNamedDir } from '../pipeline/gitignore.js';
import { walkTree, type WalkFilter } from '../pipeline/walk.js';
import { isCheckedFile, isInSkippedDir, SKIPPED_DIRS } from './files.js';

/** A path argument that does not exist: bad usage (exit 2), not a finding. */
export class MissingPathError extends Error {
  constructor(readonly argument: string) {
    super(`no such file or directory: ${argument}`);
  }
}

const CHECKED: WalkFilter = {
  enterDir: (name) => !SKIPPED_DIRS.has(name),
  acceptFile: (_name, file) => isCheckedFile(file),
};

/** Absolute paths of the files to check, deduplicated, in argument order then walk order. */
export async function discoverFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stats = await stat(abs).catch(() => undefined);
    if (!stats) throw new MissingPathError(arg);
    if (stats.isDirectory()) {
      for await (const file of walkTree(abs, await layersForNamedDir(abs), CHECKED)) found.add(file);
    } else if (isCheckedFile(abs) && !isInSkippedDir(abs, cwd)) {
      found.add(abs);
    }
  }
  return [...found];
}
