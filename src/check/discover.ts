/**
 * Turns `check`'s path arguments into the files to lint. Directories are walked in a stable order, skipping
 * node_modules/.git/.yarn and whatever the .gitignore files in force ignore. What is named explicitly wins over
 * the ignore files (the user asked for it): a file (a hook passing staged files) is checked when its type is one
 * we check and it is not inside a skipped directory; a folder is walked with only the ignore files inside it.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { isCheckedFile, isInSkippedDir, SKIPPED_DIRS } from './files.js';
import { chainAbove, enterDir, isIgnored, type IgnoreChain } from './gitignore.js';

/** A path argument that does not exist: bad usage (exit 2), not a finding. */
export class MissingPathError extends Error {
  constructor(readonly argument: string) {
    super(`no such file or directory: ${argument}`);
  }
}

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(p);
  } catch {
    return undefined;
  }
}

/** `here`: the ignore rules in force inside `dir` (its own .gitignore included). */
async function walk(dir: string, here: IgnoreChain, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symlinked directories are not followed (cycles); symlinked files are read like files.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await statOrUndefined(full))?.isFile() === true);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !isIgnored(here, full, true)) {
        await walk(full, await enterDir(here, full), out);
      }
    } else if (isFile && isCheckedFile(full) && !isIgnored(here, full, false)) {
      out.push(full);
    }
  }
}

/** Absolute paths of the files to check, deduplicated, in argument order then walk order. */
export async function discoverFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stats = await statOrUndefined(abs);
    if (!stats) throw new MissingPathError(arg);
    if (stats.isDirectory()) {
      // A folder named explicitly is checked even if an ignore file above excludes it; those inside still apply.
      const above = await chainAbove(abs);
      await walk(abs, await enterDir(isIgnored(above, abs, true) ? [] : above, abs), found);
    } else if (isCheckedFile(abs) && !isInSkippedDir(abs, cwd)) {
      found.push(abs);
    }
  }
  return [...new Set(found)];
}
