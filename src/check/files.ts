/**
 * Which files `check` looks at: the JS/TS sources the plugin's recommended rules lint, and the text files
 * (config, docs, env) its text rules scan for endpoints, env names and keys.
 */
import path from 'node:path';
import { ENV_FILE_GLOBS, isEnvFileName } from '../core/env.js';

export const CODE_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];
export const TEXT_EXTENSIONS: readonly string[] = ['.json', '.jsonc', '.yaml', '.yml', '.md'];

/** Flat-config `files` globs matching the lists above (`.env`, `.env.local`, `.dev.vars`, … are text: core's env files). */
export const CODE_GLOBS: readonly string[] = CODE_EXTENSIONS.map((ext) => `**/*${ext}`);
export const TEXT_GLOBS: readonly string[] = [...TEXT_EXTENSIONS.map((ext) => `**/*${ext}`), ...ENV_FILE_GLOBS];

/** Directories never entered, whatever the .gitignore says: ESLint's defaults plus Yarn's vendored install state. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.yarn']);

export function isCheckedFile(filePath: string): boolean {
  const base = path.basename(filePath);
  if (isEnvFileName(base)) return true;
  const ext = path.extname(base).toLowerCase();
  return CODE_EXTENSIONS.includes(ext) || TEXT_EXTENSIONS.includes(ext);
}

/** True when any directory on the path (relative to `root`) is one we never enter. */
export function isInSkippedDir(filePath: string, root: string): boolean {
  const rel = path.relative(root, filePath);
  const dirs = path.dirname(rel).split(path.sep);
  return dirs.some((d) => SKIPPED_DIRS.has(d));
}
